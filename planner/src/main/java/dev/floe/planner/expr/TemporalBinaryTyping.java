package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Polars' rules for binary operations with a temporal operand. Arithmetic is lowered to a
 * {@link TemporalOp#ARITHMETIC} node over operands whose units are aligned (the coarser unit of
 * the two wins, as in Polars); comparisons cast both sides to a common temporal type (a date to
 * the datetime it meets, the coarser unit) or, against an integer, to i64.
 */
final class TemporalBinaryTyping {
  private TemporalBinaryTyping() {}

  static Typing.Typed binary(Binary binary, Typing.Typed left, Typing.Typed right) {
    DataType l = left.type();
    DataType r = right.type();
    if (!l.isTemporal() && !r.isTemporal()) {
      return null;
    }
    return switch (binary.op().kind()) {
      case BOOLEAN -> null;
      case COMPARISON -> comparison(binary, left, right);
      case ARITHMETIC -> arithmetic(binary, left, right);
    };
  }

  // ---- comparisons ----

  private static Typing.Typed comparison(Binary binary, Typing.Typed left, Typing.Typed right) {
    DataType l = left.type();
    DataType r = right.type();
    boolean scalar = left.scalar() && right.scalar();
    if (l.equals(r) || l instanceof DataType.NullType || r instanceof DataType.NullType) {
      return null;
    }
    DataType common = common(l, r);
    if (common != null) {
      return new Typing.Typed(
          new Binary(convert(left, common), binary.op(), convert(right, common)),
          DataType.BOOLEAN,
          scalar);
    }
    if ((l.isTemporal() && r.isInteger()) || (r.isTemporal() && l.isInteger())) {
      return new Typing.Typed(
          new Binary(
              Typing.cast(left, DataType.INT64), binary.op(), Typing.cast(right, DataType.INT64)),
          DataType.BOOLEAN,
          scalar);
    }
    throw new InvalidOperationException(
        "cannot compare " + l + " with " + r + " in " + binary);
  }

  /** The temporal type both sides are compared as, or null. */
  private static DataType common(DataType l, DataType r) {
    return switch (l) {
      case DataType.Date32 date when r instanceof DataType.Timestamp stamp -> stamp;
      case DataType.Timestamp stamp when r instanceof DataType.Date32 -> stamp;
      case DataType.Timestamp a when r instanceof DataType.Timestamp b
          && Objects.equals(a.timeZone(), b.timeZone()) ->
          new DataType.Timestamp(coarser(a.unit(), b.unit()), a.timeZone());
      case DataType.Duration a when r instanceof DataType.Duration b ->
          new DataType.Duration(coarser(a.unit(), b.unit()));
      default -> null;
    };
  }

  /** {@code typed} as {@code target}; a literal's Java value converted (a date to its midnight). */
  private static Expr convert(Typing.Typed typed, DataType target) {
    if (typed.expr() instanceof Literal literal) {
      Object value = literal.value();
      if (value instanceof LocalDate date && target instanceof DataType.Timestamp stamp) {
        value = stamp.timeZone() == null
            ? date.atStartOfDay()
            : date.atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return Literal.typed(value, target);
    }
    return Typing.cast(typed, target);
  }

  /** Polars' time-unit supertype: the coarser unit. */
  static TimeUnit coarser(TimeUnit a, TimeUnit b) {
    return a.perSecond() <= b.perSecond() ? a : b;
  }

  // ---- arithmetic ----

  private static Typing.Typed arithmetic(Binary binary, Typing.Typed left, Typing.Typed right) {
    DataType l = left.type();
    DataType r = right.type();
    BinaryOp op = binary.op();
    boolean add = op == BinaryOp.ADD;
    boolean sub = op == BinaryOp.SUB;
    if (l instanceof DataType.Timestamp a && r instanceof DataType.Timestamp b && sub
        && Objects.equals(a.timeZone(), b.timeZone())) {
      TimeUnit unit = coarser(a.unit(), b.unit());
      DataType stamp = new DataType.Timestamp(unit, a.timeZone());
      return lower(left, stamp, right, stamp, "SUB", new DataType.Duration(unit));
    }
    if (l instanceof DataType.Timestamp a && r instanceof DataType.Date32 && sub) {
      return lower(left, a, right, a, "SUB", new DataType.Duration(a.unit()));
    }
    if (l instanceof DataType.Date32 && r instanceof DataType.Timestamp b && sub) {
      return lower(left, b, right, b, "SUB", new DataType.Duration(b.unit()));
    }
    if (l instanceof DataType.Date32 && r instanceof DataType.Date32 && sub) {
      return lower(left, l, right, r, "DATE_DIFF", new DataType.Duration(TimeUnit.MICROSECOND));
    }
    if (l instanceof DataType.Timestamp a && r instanceof DataType.Duration b && (add || sub)) {
      TimeUnit unit = coarser(a.unit(), b.unit());
      DataType stamp = new DataType.Timestamp(unit, a.timeZone());
      return lower(left, stamp, right, new DataType.Duration(unit), op.name(), stamp);
    }
    if (l instanceof DataType.Duration a && r instanceof DataType.Timestamp b && add) {
      TimeUnit unit = coarser(a.unit(), b.unit());
      DataType stamp = new DataType.Timestamp(unit, b.timeZone());
      return lower(right, stamp, left, new DataType.Duration(unit), "ADD", stamp);
    }
    if (l instanceof DataType.Date32 && r instanceof DataType.Duration && (add || sub)) {
      return lower(left, l, right, r, add ? "DATE_ADD" : "DATE_SUB", DataType.DATE32);
    }
    if (l instanceof DataType.Duration && r instanceof DataType.Date32 && add) {
      return lower(right, r, left, l, "DATE_ADD", DataType.DATE32);
    }
    if (l instanceof DataType.Duration a && r instanceof DataType.Duration b) {
      DataType unit = new DataType.Duration(coarser(a.unit(), b.unit()));
      if (add || sub) {
        return lower(left, unit, right, unit, op.name(), unit);
      }
      if (op == BinaryOp.DIV) {
        // as Polars: the divisor in the dividend's unit (truncated when that is coarser)
        return lower(left, a, right, a, "RATIO", DataType.FLOAT64);
      }
    }
    if (l instanceof DataType.Duration && r.isNumeric() && (op == BinaryOp.MUL || op == BinaryOp.DIV)) {
      return scaled(left, right, op);
    }
    if (r instanceof DataType.Duration && l.isNumeric() && op == BinaryOp.MUL) {
      return scaled(right, left, op);
    }
    throw new InvalidOperationException(message(op, l, r) + " in " + binary);
  }

  private static Typing.Typed scaled(Typing.Typed duration, Typing.Typed factor, BinaryOp op) {
    boolean floating = factor.type().isFloatingPoint();
    String kind = (op == BinaryOp.MUL ? "MUL" : "DIV") + (floating ? "_FLOAT" : "");
    return lower(
        duration,
        duration.type(),
        factor,
        floating ? DataType.FLOAT64 : DataType.INT64,
        kind,
        duration.type());
  }

  private static Typing.Typed lower(
      Typing.Typed left, DataType leftType, Typing.Typed right, DataType rightType, String kind,
      DataType result) {
    Expr node =
        new TemporalFunction(
            TemporalOp.ARITHMETIC,
            convert(left, leftType),
            List.of(convert(right, rightType)),
            List.of(kind, result));
    return new Typing.Typed(node, result, left.scalar() && right.scalar());
  }

  private static String message(BinaryOp op, DataType left, DataType right) {
    return switch (op) {
      case ADD -> "cannot add " + right + " to " + left;
      case SUB -> "cannot subtract " + right + " from " + left;
      default -> "cannot " + op.verb() + " " + left + " by " + right;
    };
  }
}
