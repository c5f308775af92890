package dev.floe;

import dev.floe.io.scan.ScanPredicate;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Binary;
import dev.floe.planner.expr.BinaryOp;
import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.IsIn;
import dev.floe.planner.expr.Literal;
import dev.floe.planner.expr.Unary;
import dev.floe.planner.expr.UnaryOp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A scan's predicate as the {@link ScanPredicate} that Parquet statistics and hive partitions
 * prune by. Only comparisons of a column with a literal of the column's own kind (integers with
 * integers, floats with floats, strings, dates, booleans), null tests, {@code isIn} and their
 * boolean combinations translate; under {@code &} a conjunct that does not translate is dropped
 * (pruning by the others stays sound), under {@code |} and {@code not} it makes the whole term
 * untranslatable. Pruning only ever skips data: the engine still filters every row it reads.
 */
final class ScanPredicates {
  private ScanPredicates() {}

  /** The pruning predicate of {@code predicate} over {@code schema}, or null when nothing translates. */
  static ScanPredicate of(Expr predicate, Schema schema) {
    return convert(predicate, schema, false);
  }

  /** {@code exact}: the result must keep exactly the rows {@code expr} keeps (no dropped conjunct). */
  private static ScanPredicate convert(Expr expr, Schema schema, boolean exact) {
    return switch (expr) {
      case Binary binary when binary.op() == BinaryOp.AND -> and(binary, schema, exact);
      case Binary binary when binary.op() == BinaryOp.OR -> {
        ScanPredicate left = convert(binary.left(), schema, true);
        ScanPredicate right = convert(binary.right(), schema, true);
        yield left == null || right == null ? null : new ScanPredicate.Or(List.of(left, right));
      }
      case Binary binary -> compare(binary, schema);
      case Unary unary when unary.op() == UnaryOp.NOT -> {
        ScanPredicate inner = convert(unary.input(), schema, true);
        yield inner == null ? null : new ScanPredicate.Not(inner);
      }
      case Unary unary when unary.input() instanceof ColumnRef column && schema.contains(column.columnName()) ->
          switch (unary.op()) {
            case IS_NULL -> new ScanPredicate.IsNull(column.columnName());
            case IS_NOT_NULL -> new ScanPredicate.IsNotNull(column.columnName());
            default -> null;
          };
      case IsIn isIn when isIn.input() instanceof ColumnRef column && schema.contains(column.columnName()) -> {
        List<Object> values = new ArrayList<>();
        for (Literal literal : isIn.values()) {
          if (!fits(schema.field(column.columnName()).type(), literal.value())) {
            yield null;
          }
          values.add(literal.value());
        }
        yield new ScanPredicate.In(column.columnName(), values);
      }
      default -> null;
    };
  }

  private static ScanPredicate and(Binary binary, Schema schema, boolean exact) {
    ScanPredicate left = convert(binary.left(), schema, exact);
    ScanPredicate right = convert(binary.right(), schema, exact);
    if (exact && (left == null || right == null)) {
      return null;
    }
    if (left == null || right == null) {
      return left == null ? right : left;
    }
    return new ScanPredicate.And(List.of(left, right));
  }

  private static ScanPredicate compare(Binary binary, Schema schema) {
    ScanPredicate.Op op = switch (binary.op()) {
      case EQ -> ScanPredicate.Op.EQ;
      case NE -> ScanPredicate.Op.NE;
      case LT -> ScanPredicate.Op.LT;
      case LE -> ScanPredicate.Op.LE;
      case GT -> ScanPredicate.Op.GT;
      case GE -> ScanPredicate.Op.GE;
      default -> null;
    };
    if (op == null) {
      return null;
    }
    if (binary.left() instanceof ColumnRef column && binary.right() instanceof Literal literal) {
      return comparison(column, op, literal, schema);
    }
    if (binary.left() instanceof Literal literal && binary.right() instanceof ColumnRef column) {
      return comparison(column, flipped(op), literal, schema); // 3 < a is a > 3
    }
    return null;
  }

  private static ScanPredicate comparison(ColumnRef column, ScanPredicate.Op op, Literal literal, Schema schema) {
    String name = column.columnName();
    if (!schema.contains(name) || !fits(schema.field(name).type(), literal.value())) {
      return null;
    }
    return new ScanPredicate.Compare(name, op, literal.value());
  }

  private static ScanPredicate.Op flipped(ScanPredicate.Op op) {
    return switch (op) {
      case LT -> ScanPredicate.Op.GT;
      case LE -> ScanPredicate.Op.GE;
      case GT -> ScanPredicate.Op.LT;
      case GE -> ScanPredicate.Op.LE;
      case EQ, NE -> op;
    };
  }

  /** A non-null literal of the column's own kind (no cross-kind comparisons are left to pruning). */
  private static boolean fits(DataType type, Object value) {
    if (value == null) {
      return false;
    }
    if (type.isInteger()) {
      boolean integral = value instanceof Long || value instanceof Integer || value instanceof Short
          || value instanceof Byte;
      // unsigned columns compare in unsigned order: a negative literal is left to the filter
      return integral && (type.isSignedInteger() || ((Number) value).longValue() >= 0);
    }
    if (type.isFloatingPoint()) {
      return value instanceof Double || value instanceof Float;
    }
    if (type.isString()) {
      return value instanceof String;
    }
    if (type instanceof DataType.Date32) {
      return value instanceof LocalDate;
    }
    return type instanceof DataType.BooleanType && value instanceof Boolean;
  }
}
