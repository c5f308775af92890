package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprPrinter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Seeded random frames and pipelines for {@link LazyDifferentialTest}: each step is applied both to
 * a {@link LazyFrame} (recorded) and to a {@link DataFrame} (run now), and is generated against the
 * schema the previous steps produce (taken from {@link LazyFrame#collectSchema()}), so that every
 * step is valid unless it is one of the deliberately invalid ones (an unknown column).
 */
final class LazyPipelineGen {
  /** A column reference no frame has. */
  static final String MISSING = "no_such_column";

  enum Kind { INT, FLOAT, STR, BOOL, OTHER }

  record Field(String name, Kind kind) {}

  /**
   * One step: {@code lazy} records it, {@code eager} runs it on a frame it does not close (the
   * caller closes both the input and the result), {@code text} prints it for a failure message.
   */
  record Step(String text, UnaryOperator<LazyFrame> lazy, UnaryOperator<DataFrame> eager, boolean invalid) {
    @Override
    public String toString() {
      return text;
    }
  }

  private final Random random;
  private int fresh;

  LazyPipelineGen(long seed) {
    this.random = new Random(seed);
  }

  // ---- frames ----

  /** 0-300 rows of 2-5 columns of i64, f64 (NaN sometimes), str and bool with 0-30% nulls; sometimes several chunks. */
  DataFrame frame() {
    int width = 2 + random.nextInt(4);
    List<Kind> kinds = new ArrayList<>();
    for (int index = 0; index < width; index++) {
      kinds.add(Kind.values()[random.nextInt(4)]);
    }
    double nulls = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 0.3;
    int rows = rows();
    int shape = random.nextInt(4);
    if (shape == 0) {
      // two chunks with the same boundaries in every column
      int split = random.nextInt(rows + 1);
      try (DataFrame first = frame(kinds, split, nulls); DataFrame second = frame(kinds, rows - split, nulls)) {
        return first.vstack(second);
      }
    }
    if (shape == 1) {
      // chunks that differ between columns: the first column rechunked, the others in two chunks
      int split = random.nextInt(rows + 1);
      try (DataFrame first = frame(kinds, split, nulls);
          DataFrame second = frame(kinds, rows - split, nulls);
          DataFrame stacked = first.vstack(second)) {
        String name = stacked.columns().getFirst();
        return stacked.withColumns(col(name).alias(name));
      }
    }
    return frame(kinds, rows, nulls);
  }

  private int rows() {
    return switch (random.nextInt(6)) {
      case 0 -> random.nextInt(3);
      case 1 -> 300;
      default -> random.nextInt(301);
    };
  }

  private DataFrame frame(List<Kind> kinds, int rows, double nulls) {
    List<Series> columns = new ArrayList<>();
    for (int index = 0; index < kinds.size(); index++) {
      Object[] values = new Object[rows];
      for (int row = 0; row < rows; row++) {
        values[row] = random.nextDouble() < nulls ? null : value(kinds.get(index));
      }
      columns.add(Series.of("c" + index, type(kinds.get(index)), values));
    }
    return DataFrame.of(columns);
  }

  private static DataType type(Kind kind) {
    return switch (kind) {
      case INT -> DataType.INT64;
      case FLOAT -> DataType.FLOAT64;
      case STR -> DataType.UTF8;
      default -> DataType.BOOLEAN;
    };
  }

  /** Few distinct values, so that filters, sorts and unique see ties and duplicates. */
  private Object value(Kind kind) {
    return switch (kind) {
      case INT -> (long) (random.nextInt(21) - 5);
      case FLOAT -> switch (random.nextInt(25)) {
        case 0 -> Double.NaN;
        case 1 -> -0.0;
        case 2 -> Double.POSITIVE_INFINITY;
        default -> (random.nextInt(41) - 10) / 4.0;
      };
      case STR -> random.nextInt(12) == 0 ? "" : "k" + random.nextInt(6);
      default -> random.nextBoolean();
    };
  }

  // ---- pipelines ----

  /** 1-6 steps, each valid against the schema left by the ones before, but for rare invalid ones. */
  List<Step> pipeline(DataFrame source) {
    int length = 1 + random.nextInt(6);
    List<Step> steps = new ArrayList<>();
    LazyFrame lazy = source.lazy();
    for (int index = 0; index < length; index++) {
      List<Field> fields = fields(lazy.collectSchema());
      if (fields.isEmpty()) {
        break;
      }
      Step step = random.nextInt(40) == 0 ? invalid(fields) : step(fields);
      steps.add(step);
      if (step.invalid()) {
        break;
      }
      lazy = step.lazy().apply(lazy);
    }
    return steps;
  }

  private static List<Field> fields(Schema schema) {
    List<Field> fields = new ArrayList<>();
    for (int index = 0; index < schema.size(); index++) {
      fields.add(new Field(schema.field(index).name(), kind(schema.field(index).type())));
    }
    return fields;
  }

  private static Kind kind(DataType type) {
    if (type.equals(DataType.INT64)) {
      return Kind.INT;
    }
    if (type.equals(DataType.FLOAT64)) {
      return Kind.FLOAT;
    }
    if (type.equals(DataType.UTF8)) {
      return Kind.STR;
    }
    return type.equals(DataType.BOOLEAN) ? Kind.BOOL : Kind.OTHER;
  }

  private Step step(List<Field> fields) {
    return switch (random.nextInt(19)) {
      case 0, 1, 2 -> filter(fields);
      case 3, 4 -> select(fields);
      case 5, 6 -> withColumns(fields);
      case 7, 8 -> sort(fields);
      case 9 -> slice();
      case 10 -> head();
      case 11 -> tail();
      case 12, 13 -> unique(fields);
      case 14 -> dropOrRename(fields);
      case 15 -> new Step("cache()", LazyFrame::cache, DataFrame::clone, false);
      default -> concat(fields);
    };
  }

  private Step filter(List<Field> fields) {
    Expr predicate = predicate(fields, 2);
    return new Step("filter(" + ExprPrinter.print(predicate) + ")", lazy -> lazy.filter(predicate),
        frame -> frame.filter(predicate), false);
  }

  private Step select(List<Field> fields) {
    if (random.nextInt(15) == 0) {
      return reducingSelect(fields);
    }
    if (random.nextInt(8) == 0) {
      return selectorStep(fields);
    }
    if (random.nextInt(6) == 0) {
      List<Expr> exprs = sharing(fields);
      Expr[] array = exprs.toArray(Expr[]::new);
      return new Step("select" + print(exprs), lazy -> lazy.select(array), frame -> frame.select(array), false);
    }
    List<Expr> exprs = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    int count = 1 + random.nextInt(Math.min(4, fields.size() + 1));
    for (int index = 0; index < count; index++) {
      Field field = pick(fields);
      Expr expr = switch (random.nextInt(5)) {
        case 0, 1 -> col(field.name());
        case 2 -> col(field.name()).alias(freshName());
        default -> value(fields, 2).alias(random.nextBoolean() ? freshName() : field.name());
      };
      String name = dev.floe.planner.expr.ExprTrees.outputName(expr);
      if (names.add(name)) {
        exprs.add(expr);
      }
    }
    if (random.nextInt(10) == 0) {
      exprs.add(lit(7L).alias(freshName())); // a literal, broadcast to the height of the others
    }
    Expr[] array = exprs.toArray(Expr[]::new);
    return new Step("select" + print(exprs), lazy -> lazy.select(array), frame -> frame.select(array), false);
  }

  /** Multi-column selectors: all().exclude(...), a regex, the numeric columns (in a select or a withColumns). */
  private Step selectorStep(List<Field> fields) {
    Field field = pick(fields);
    boolean anyNumeric = fields.stream().anyMatch(f -> f.kind() == Kind.INT || f.kind() == Kind.FLOAT);
    Expr selector = switch (random.nextInt(4)) {
      case 0 -> fields.size() > 1 ? Floe.all().exclude(field.name()) : Floe.all();
      case 1 -> col("^" + field.name().charAt(0) + ".*$");
      case 2 -> anyNumeric ? Floe.cs.numeric() : Floe.all();
      default -> Floe.all();
    };
    boolean numericOnly = fields.stream().allMatch(f -> f.kind() == Kind.INT || f.kind() == Kind.FLOAT);
    if (random.nextBoolean() && (selector.equals(Floe.cs.numeric()) || numericOnly)) {
      Expr abs = selector.abs();
      return new Step("withColumns[" + ExprPrinter.print(abs) + "]", lazy -> lazy.withColumns(abs),
          frame -> frame.withColumns(abs), false);
    }
    return new Step("select[" + ExprPrinter.print(selector) + "]", lazy -> lazy.select(selector),
        frame -> frame.select(selector), false);
  }

  /** A select of reductions (one row) or of a literal alone (one row whatever the input). */
  private Step reducingSelect(List<Field> fields) {
    List<Expr> exprs = new ArrayList<>();
    if (random.nextInt(3) == 0) {
      exprs.add(lit(1L).alias(freshName()));
    } else {
      for (Field field : fields) {
        if (exprs.isEmpty() || random.nextBoolean()) {
          Expr column = col(field.name());
          exprs.add(switch (field.kind()) {
            case INT, FLOAT -> random.nextBoolean() ? column.sum() : column.max();
            default -> random.nextBoolean() ? column.nullCount() : column.len();
          });
        }
      }
    }
    Expr[] array = exprs.toArray(Expr[]::new);
    return new Step("select" + print(exprs), lazy -> lazy.select(array), frame -> frame.select(array), false);
  }

  private Step withColumns(List<Field> fields) {
    if (random.nextInt(5) == 0) {
      List<Expr> exprs = sharing(fields);
      Expr[] array = exprs.toArray(Expr[]::new);
      return new Step("withColumns" + print(exprs), lazy -> lazy.withColumns(array),
          frame -> frame.withColumns(array), false);
    }
    List<Expr> exprs = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    int count = 1 + random.nextInt(2);
    for (int index = 0; index < count; index++) {
      String name = random.nextBoolean() ? freshName() : pick(fields).name();
      if (names.add(name)) {
        exprs.add(value(fields, 2).alias(name));
      }
    }
    Expr[] array = exprs.toArray(Expr[]::new);
    return new Step("withColumns" + print(exprs), lazy -> lazy.withColumns(array),
        frame -> frame.withColumns(array), false);
  }

  /**
   * Expressions over one shared value, so that it repeats (common subexpression elimination): the
   * value, its null test, sometimes a when/then choosing between it and itself and its null count
   * (a reduction, broadcast).
   */
  private List<Expr> sharing(List<Field> fields) {
    Expr shared = value(fields, 2);
    List<Expr> exprs = new ArrayList<>();
    exprs.add(shared.alias(freshName()));
    exprs.add(shared.isNull().alias(freshName()));
    if (random.nextBoolean()) {
      exprs.add(Floe.when(predicate(fields, 1)).then(shared).otherwise(shared).alias(freshName()));
    }
    if (random.nextInt(3) == 0) {
      exprs.add(shared.nullCount().alias(freshName()));
    }
    return exprs;
  }

  /** A drop of one column (when there are two), or a rename that may swap two names. */
  private Step dropOrRename(List<Field> fields) {
    Field field = pick(fields);
    if (fields.size() > 1 && random.nextBoolean()) {
      return new Step("drop(" + field.name() + ")", lazy -> lazy.drop(field.name()), frame -> frame.drop(field.name()),
          false);
    }
    Field other = pick(fields);
    java.util.Map<String, String> mapping = other.equals(field) ? java.util.Map.of(field.name(), freshName())
        : java.util.Map.of(field.name(), other.name(), other.name(), field.name());
    return new Step("rename(" + mapping + ")", lazy -> lazy.rename(mapping), frame -> frame.rename(mapping), false);
  }

  private Step sort(List<Field> fields) {
    List<Expr> keys = new ArrayList<>();
    int count = 1 + random.nextInt(2);
    for (int index = 0; index < count; index++) {
      Field field = pick(fields);
      int choice = random.nextInt(10);
      keys.add(field.kind() == Kind.INT && choice == 0 ? col(field.name()).mul(-1L)
          : field.kind() == Kind.INT && choice == 1 ? col(field.name()).cumSum()
          : col(field.name()));
    }
    boolean[] descending = new boolean[count];
    for (int index = 0; index < count; index++) {
      descending[index] = random.nextBoolean();
    }
    SortOptions options = SortOptions.DEFAULT.withDescending(descending).withNullsLast(random.nextBoolean())
        .withMaintainOrder(true);
    return new Step("sort(" + print(keys) + ", descending=" + Arrays.toString(descending) + ", nullsLast="
        + options.nullsLast() + ")", lazy -> lazy.sort(keys, options), frame -> frame.sort(keys, options), false);
  }

  private Step slice() {
    long offset = random.nextInt(4) == 0 ? random.nextInt(641) - 320 : random.nextInt(61) - 30;
    long length = switch (random.nextInt(8)) {
      case 0 -> Long.MAX_VALUE; // slice(offset): to the end
      case 1, 2 -> random.nextInt(400);
      default -> random.nextInt(40);
    };
    return new Step("slice(" + offset + ", " + length + ")", lazy -> lazy.slice(offset, length),
        frame -> frame.slice(offset, length), false);
  }

  private Step head() {
    long count = random.nextInt(5) == 0 ? random.nextInt(400) : random.nextInt(30);
    return new Step("head(" + count + ")", lazy -> lazy.head(count), frame -> frame.head(count), false);
  }

  private Step tail() {
    long count = random.nextInt(5) == 0 ? random.nextInt(400) : random.nextInt(30);
    return new Step("tail(" + count + ")", lazy -> lazy.tail(count), frame -> frame.tail(count), false);
  }

  private Step unique(List<Field> fields) {
    List<String> subset = new ArrayList<>();
    if (random.nextBoolean()) {
      for (Field field : fields) {
        if (random.nextInt(3) == 0) {
          subset.add(field.name());
        }
      }
    }
    UniqueOptions.Keep keep = List.of(UniqueOptions.Keep.FIRST, UniqueOptions.Keep.LAST, UniqueOptions.Keep.NONE)
        .get(random.nextInt(3));
    UniqueOptions options = UniqueOptions.DEFAULT.withSubset(subset.toArray(String[]::new)).withKeep(keep)
        .withMaintainOrder(true);
    return new Step("unique(subset=" + subset + ", keep=" + keep + ")", lazy -> lazy.unique(options),
        frame -> frame.unique(options), false);
  }

  private Step concat(List<Field> fields) {
    Field first = pick(fields);
    List<Field> same = fields.stream().filter(f -> f.kind() == first.kind()).toList();
    if (random.nextInt(5) == 0 && first.kind() != Kind.OTHER) { // OTHER: the types may differ
      // two readers of one cache that need different columns
      Field second = pick(same);
      String name = freshName();
      Expr predicate = predicate(fields, 1);
      Expr[] left = {col(first.name()).alias(name), col(second.name()).alias(first.name())};
      Expr[] right = {col(second.name()).alias(name), col(first.name()).alias(first.name())};
      return new Step("cached = self.cache(); concat(cached.select" + print(List.of(left)) + ", cached.filter("
          + ExprPrinter.print(predicate) + ").select" + print(List.of(right)) + ")",
          lazy -> {
            LazyFrame cached = lazy.cache();
            return Floe.concat(cached.select(left), cached.filter(predicate).select(right));
          },
          frame -> {
            try (DataFrame l = frame.select(left); DataFrame filtered = frame.filter(predicate);
                DataFrame r = filtered.select(right)) {
              return Floe.concat(l, r);
            }
          }, false);
    }
    if (random.nextInt(4) == 0) {
      Expr predicate = predicate(fields, 1);
      long count = random.nextInt(8);
      return new Step("concat(self.tail(" + count + "), self, self.filter(" + ExprPrinter.print(predicate) + "))",
          lazy -> Floe.concat(lazy.tail(count), lazy, lazy.filter(predicate)),
          frame -> {
            try (DataFrame tail = frame.tail(count); DataFrame filtered = frame.filter(predicate)) {
              return Floe.concat(tail, frame, filtered);
            }
          }, false);
    }
    if (random.nextBoolean()) {
      return new Step("concat(self, self)", lazy -> Floe.concat(lazy, lazy), frame -> Floe.concat(frame, frame),
          false);
    }
    Expr predicate = predicate(fields, 1);
    boolean filteredFirst = random.nextBoolean();
    return new Step(filteredFirst ? "concat(self.filter(" + ExprPrinter.print(predicate) + "), self)"
        : "concat(self, self.filter(" + ExprPrinter.print(predicate) + "))",
        lazy -> filteredFirst ? Floe.concat(lazy.filter(predicate), lazy) : Floe.concat(lazy, lazy.filter(predicate)),
        frame -> {
          try (DataFrame filtered = frame.filter(predicate)) {
            return filteredFirst ? Floe.concat(filtered, frame) : Floe.concat(frame, filtered);
          }
        }, false);
  }

  /** A step that reads a column no frame has: both sides must fail with the same exception type. */
  private Step invalid(List<Field> fields) {
    Field field = pick(fields);
    if (random.nextInt(3) == 0) {
      // a type error rather than an unknown column
      Expr bad = field.kind() == Kind.STR ? col(field.name()).add(1L) : col(field.name()).add("x");
      Expr predicate = field.kind() == Kind.STR ? bad : col(field.name()).cast(DataType.INT64); // not bool
      return random.nextBoolean()
          ? new Step("filter(" + ExprPrinter.print(predicate) + ") [invalid]", lazy -> lazy.filter(predicate),
              frame -> frame.filter(predicate), true)
          : new Step("withColumns(" + ExprPrinter.print(bad) + ") [invalid]", lazy -> lazy.withColumns(bad),
              frame -> frame.withColumns(bad), true);
    }
    return switch (random.nextInt(4)) {
      case 0 -> {
        Expr predicate = col(MISSING).gt(1L);
        yield new Step("filter(" + ExprPrinter.print(predicate) + ") [invalid]", lazy -> lazy.filter(predicate),
            frame -> frame.filter(predicate), true);
      }
      case 1 -> new Step("select(" + MISSING + ") [invalid]", lazy -> lazy.select(MISSING),
          frame -> frame.select(MISSING), true);
      case 2 -> {
        Expr expr = col(MISSING).add(1L).alias("x");
        yield new Step("withColumns(" + ExprPrinter.print(expr) + ") [invalid]", lazy -> lazy.withColumns(expr),
            frame -> frame.withColumns(expr), true);
      }
      default -> new Step("sort(" + MISSING + ") [invalid]", lazy -> lazy.sort(MISSING), frame -> frame.sort(MISSING),
          true);
    };
  }

  // ---- expressions ----

  /** A bool expression over {@code fields}. */
  private Expr predicate(List<Field> fields, int depth) {
    int choice = random.nextInt(depth > 0 ? 10 : 6);
    Field field = pick(fields);
    return switch (choice) {
      case 0, 1, 2 -> comparison(fields, field);
      case 3 -> switch (random.nextInt(4)) {
        case 0 -> col(field.name()).isNull();
        case 1 -> col(field.name()).isNotNull();
        case 2 -> field.kind() == Kind.INT ? col(field.name()).isIn(1L, 3L, 5L)
            : field.kind() == Kind.STR ? col(field.name()).isIn("k1", "k2") : col(field.name()).isNull();
        default -> field.kind() == Kind.INT ? col(field.name()).isBetween(0L, 6L)
            : field.kind() == Kind.FLOAT ? col(field.name()).isBetween(-1.0, 2.5) : col(field.name()).isNotNull();
      };
      case 4 -> field.kind() == Kind.BOOL ? col(field.name()) : comparison(fields, field);
      case 5 -> switch (field.kind()) {
        case FLOAT -> switch (random.nextInt(3)) {
          case 0 -> col(field.name()).isNan();
          case 1 -> col(field.name()).gt(col(field.name()).mean());
          default -> lit(1.0).div(col(field.name())).gt(0.0); // tells 0.0 from -0.0, which unique equates
        };
        case INT -> random.nextBoolean() ? comparison(fields, field) : col(field.name()).cumSum().lt(15L);
        default -> random.nextBoolean() ? comparison(fields, field) : col(field.name()).shift(1).isNull();
      };
      case 6, 7 -> predicate(fields, depth - 1).and(predicate(fields, depth - 1));
      case 8 -> random.nextInt(4) == 0 ? predicate(fields, depth - 1).xor(predicate(fields, depth - 1))
          : predicate(fields, depth - 1).or(predicate(fields, depth - 1));
      default -> predicate(fields, depth - 1).not();
    };
  }

  private Expr comparison(List<Field> fields, Field field) {
    Expr left = col(field.name());
    Object right = switch (field.kind()) {
      case INT -> (long) (random.nextInt(21) - 5);
      case FLOAT -> random.nextInt(15) == 0 ? Double.NaN : (random.nextInt(41) - 10) / 4.0;
      case STR -> "k" + random.nextInt(6);
      case BOOL -> random.nextBoolean();
      case OTHER -> null;
    };
    if (right == null) {
      return left.isNull();
    }
    List<Field> same = fields.stream().filter(other -> other.kind() == field.kind()).toList();
    Object operand = same.size() > 1 && random.nextInt(4) == 0 ? col(pick(same).name()) : lit(right);
    if (field.kind() == Kind.BOOL) {
      return random.nextBoolean() ? left.eq(operand) : left.ne(operand);
    }
    return switch (random.nextInt(7)) {
      case 6 -> random.nextBoolean() ? left.eqMissing(random.nextBoolean() ? operand : lit(null)) : left.ne(lit(null));
      case 0 -> left.eq(operand);
      case 1 -> left.ne(operand);
      case 2 -> left.lt(operand);
      case 3 -> left.le(operand);
      case 4 -> left.gt(operand);
      default -> left.ge(operand);
    };
  }

  /** A value: a column, arithmetic on numeric columns, a predicate, or a string column. */
  private Expr value(List<Field> fields, int depth) {
    Field field = pick(fields);
    if (random.nextInt(12) == 0) {
      return windowed(field);
    }
    return switch (field.kind()) {
      case INT -> switch (random.nextInt(depth > 0 ? 7 : 2)) {
        case 0 -> col(field.name());
        case 1 -> col(field.name()).add((long) random.nextInt(10));
        case 2 -> col(field.name()).mul(value(numeric(fields, field), depth - 1));
        case 3 -> col(field.name()).sub(value(numeric(fields, field), depth - 1));
        case 4 -> col(field.name()).fillNull(-1L);
        case 5 -> Floe.when(predicate(fields, 1)).then(col(field.name())).otherwise(0L);
        default -> col(field.name()).cast(DataType.FLOAT64).mul(0.5);
      };
      case FLOAT -> switch (random.nextInt(depth > 0 ? 4 : 2)) {
        case 0 -> col(field.name());
        case 1 -> col(field.name()).mul(-1.5);
        case 2 -> col(field.name()).add(value(numeric(fields, field), depth - 1));
        default -> depth < 2 || random.nextBoolean() ? col(field.name()).abs() : col(field.name()).cast(DataType.UTF8);
      };
      case STR -> switch (random.nextInt(4)) {
        case 0 -> col(field.name());
        case 1 -> col(field.name()).isNull();
        case 2 -> col(field.name()).fillNull("filled");
        default -> Floe.when(predicate(fields, 1)).then(col(field.name())).otherwise("other");
      };
      case OTHER -> random.nextBoolean() ? col(field.name()) : col(field.name()).isNull();
      case BOOL -> random.nextBoolean() ? col(field.name()).not() : predicate(fields, Math.min(depth, 1));
    };
  }

  /**
   * An expression that is not row-wise (a reduction broadcast to the frame's height, a cumulative
   * or neighbour function, a strategy fill): filters and slices must not move below it.
   */
  private Expr windowed(Field field) {
    Expr column = col(field.name());
    return switch (field.kind()) {
      case INT -> switch (random.nextInt(5)) {
        case 0 -> column.cumSum();
        case 1 -> column.shift(1);
        case 2 -> column.sum();
        case 3 -> column.add(column.max());
        default -> column.fillNull(dev.floe.planner.expr.FillStrategy.FORWARD);
      };
      case FLOAT -> switch (random.nextInt(3)) {
        case 0 -> column.sub(column.mean());
        case 1 -> column.cumMax();
        default -> column.diff();
      };
      case STR -> random.nextBoolean() ? column.shift(-1) : column.nullCount();
      case BOOL -> column.shift(1).isNull();
      case OTHER -> column.len();
    };
  }

  /** The numeric fields ({@code fallback} alone when there are none). */
  private static List<Field> numeric(List<Field> fields, Field fallback) {
    List<Field> numeric = fields.stream().filter(f -> f.kind() == Kind.INT || f.kind() == Kind.FLOAT).toList();
    return numeric.isEmpty() ? List.of(fallback) : numeric;
  }

  private Field pick(List<Field> fields) {
    return fields.get(random.nextInt(fields.size()));
  }

  private String freshName() {
    return "n" + fresh++;
  }

  private static String print(List<Expr> exprs) {
    return exprs.stream().map(ExprPrinter::print).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }
}
