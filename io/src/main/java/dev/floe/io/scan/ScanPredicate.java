package dev.floe.io.scan;

import dev.floe.errors.InvalidOperationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A filter a scan may push into a source to skip data it cannot need: comparisons of a column with
 * a literal, null tests, membership and their boolean combinations. Semantics are those of a
 * Polars filter: a comparison involving a null is null (the row is dropped, also under {@link
 * Not}); {@link IsNull} matches nulls; floats order NaN above every number and equal to itself.
 *
 * <p>Literals are {@code Long}, {@code Integer}, {@code Short}, {@code Byte}, {@code Double},
 * {@code Float}, {@code BigDecimal}, {@code String}, {@code Boolean}, {@code LocalDate}, {@code
 * LocalDateTime} or {@code Instant} (timestamps, compared as UTC instants) and {@code LocalTime};
 * anything else, or null, raises an {@link InvalidOperationException} naming the column and value.
 */
public sealed interface ScanPredicate {
  /** The comparison operators. */
  enum Op {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as Polars prints it. */
    public String symbol() {
      return symbol;
    }
  }

  /** {@code column op literal}. */
  record Compare(String column, Op op, Object literal) implements ScanPredicate {
    public Compare {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(op, "op");
      checkLiteral(column, literal);
    }

    @Override
    public String toString() {
      return "[(col(\"" + column + "\")) " + op.symbol() + " (" + format(literal) + ")]";
    }
  }

  /** Rows where {@code column} is null. */
  record IsNull(String column) implements ScanPredicate {
    public IsNull {
      Objects.requireNonNull(column, "column");
    }

    @Override
    public String toString() {
      return "col(\"" + column + "\").is_null()";
    }
  }

  /** Rows where {@code column} is not null. */
  record IsNotNull(String column) implements ScanPredicate {
    public IsNotNull {
      Objects.requireNonNull(column, "column");
    }

    @Override
    public String toString() {
      return "col(\"" + column + "\").is_not_null()";
    }
  }

  /** Rows whose {@code column} equals one of {@code values} (null rows are null, not false). */
  record In(String column, List<Object> values) implements ScanPredicate {
    public In {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(values, "values");
      for (Object value : values) {
        checkLiteral(column, value);
      }
      values = List.copyOf(values);
    }

    @Override
    public String toString() {
      return "col(\"" + column + "\").is_in(["
          + values.stream().map(ScanPredicate::format).collect(Collectors.joining(", ")) + "])";
    }
  }

  /** Rows every term keeps; an empty list keeps every row. */
  record And(List<ScanPredicate> terms) implements ScanPredicate {
    public And {
      terms = List.copyOf(terms);
    }

    @Override
    public String toString() {
      return terms.isEmpty() ? "true" : join(terms, " & ");
    }
  }

  /** Rows some term keeps; an empty list keeps no row. */
  record Or(List<ScanPredicate> terms) implements ScanPredicate {
    public Or {
      terms = List.copyOf(terms);
    }

    @Override
    public String toString() {
      return terms.isEmpty() ? "false" : join(terms, " | ");
    }
  }

  /** Rows where {@code term} is false (not where it is null). */
  record Not(ScanPredicate term) implements ScanPredicate {
    public Not {
      Objects.requireNonNull(term, "term");
    }

    @Override
    public String toString() {
      return term + ".not()";
    }
  }

  /** {@code column == literal}. */
  static ScanPredicate eq(String column, Object literal) {
    return new Compare(column, Op.EQ, literal);
  }

  /** {@code column != literal}. */
  static ScanPredicate ne(String column, Object literal) {
    return new Compare(column, Op.NE, literal);
  }

  /** {@code column < literal}. */
  static ScanPredicate lt(String column, Object literal) {
    return new Compare(column, Op.LT, literal);
  }

  /** {@code column <= literal}. */
  static ScanPredicate le(String column, Object literal) {
    return new Compare(column, Op.LE, literal);
  }

  /** {@code column > literal}. */
  static ScanPredicate gt(String column, Object literal) {
    return new Compare(column, Op.GT, literal);
  }

  /** {@code column >= literal}. */
  static ScanPredicate ge(String column, Object literal) {
    return new Compare(column, Op.GE, literal);
  }

  /** {@code column is null}. */
  static ScanPredicate isNull(String column) {
    return new IsNull(column);
  }

  /** {@code column is not null}. */
  static ScanPredicate isNotNull(String column) {
    return new IsNotNull(column);
  }

  /** {@code column is in values}. */
  static ScanPredicate in(String column, Collection<?> values) {
    return new In(column, new ArrayList<>(values));
  }

  /** Every term. */
  static ScanPredicate and(ScanPredicate... terms) {
    return new And(Arrays.asList(terms));
  }

  /** Any term. */
  static ScanPredicate or(ScanPredicate... terms) {
    return new Or(Arrays.asList(terms));
  }

  /** The negation of {@code term}. */
  static ScanPredicate not(ScanPredicate term) {
    return new Not(term);
  }

  /** The columns this predicate reads, in order of first mention. */
  default List<String> columns() {
    Set<String> out = new LinkedHashSet<>();
    collectColumns(this, out);
    return List.copyOf(out);
  }

  private static void collectColumns(ScanPredicate predicate, Set<String> out) {
    switch (predicate) {
      case Compare c -> out.add(c.column());
      case IsNull n -> out.add(n.column());
      case IsNotNull n -> out.add(n.column());
      case In in -> out.add(in.column());
      case And and -> and.terms().forEach(term -> collectColumns(term, out));
      case Or or -> or.terms().forEach(term -> collectColumns(term, out));
      case Not not -> collectColumns(not.term(), out);
    }
  }

  private static void checkLiteral(String column, Object literal) {
    boolean supported = literal instanceof Long || literal instanceof Integer
        || literal instanceof Short || literal instanceof Byte || literal instanceof Double
        || literal instanceof Float || literal instanceof BigDecimal || literal instanceof String
        || literal instanceof Boolean || literal instanceof LocalDate
        || literal instanceof LocalDateTime || literal instanceof Instant
        || literal instanceof LocalTime;
    if (!supported) {
      throw new InvalidOperationException("scan predicate on column '" + column
          + "' has an unsupported literal " + (literal == null ? "null (use isNull/isNotNull)"
              : literal + " of type " + literal.getClass().getName()));
    }
  }

  private static String format(Object literal) {
    return literal instanceof String text ? "\"" + text + "\"" : String.valueOf(literal);
  }

  private static String join(List<ScanPredicate> terms, String operator) {
    return terms.stream().map(term -> "(" + term + ")")
        .collect(Collectors.joining(operator, "[", "]"));
  }
}
