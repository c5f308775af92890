package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Typing.Typed;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Typing of decimals in expressions, as Polars 1.44 (checked on 1.44.2):
 *
 * <ul>
 *   <li>supertypes: decimal with decimal is {@code decimal[38, larger scale]}, with an integer
 *       {@code decimal[38, its scale]}, with a float {@code f64}; with a bool there is none;
 *   <li>{@code + - * /} of decimals (or a decimal and an integer, either side) give {@code
 *       decimal[38, larger scale]}; {@code //} and {@code %} are not supported; with a float
 *       every operator works on {@code f64};
 *   <li>comparisons compare at the supertype; {@code sum} is {@code decimal[38, scale]}, {@code
 *       mean} is {@code f64}; {@code neg}, {@code abs} and {@code clip} keep the type.
 * </ul>
 */
final class DecimalTyping {
  private DecimalTyping() {}

  /** The supertype of two types of which at least one is a decimal, or null. */
  static DataType supertype(DataType left, DataType right) {
    if (left instanceof DataType.Decimal128 a && right instanceof DataType.Decimal128 b) {
      return new DataType.Decimal128(38, Math.max(a.scale(), b.scale()));
    }
    DataType decimal = left instanceof DataType.Decimal128 ? left : right;
    DataType other = left instanceof DataType.Decimal128 ? right : left;
    if (other instanceof DataType.NullType) {
      return decimal;
    }
    if (other.isInteger()) {
      return new DataType.Decimal128(38, ((DataType.Decimal128) decimal).scale());
    }
    return other.isFloatingPoint() ? DataType.FLOAT64 : null;
  }

  /** A binary operation with a decimal operand, or null when neither side is a decimal. */
  static Typed binary(Binary binary, Typed left, Typed right, boolean scalar) {
    boolean hasDecimal = left.type() instanceof DataType.Decimal128
        || right.type() instanceof DataType.Decimal128;
    if (!hasDecimal || binary.op().kind() == BinaryOp.Kind.BOOLEAN) {
      return null;
    }
    DataType common = Typing.commonType(left, right);
    if (common == null) {
      throw new InvalidOperationException(
          "failed to determine supertype of " + left.type() + " and " + right.type() + " in "
              + binary);
    }
    if (common instanceof DataType.Decimal128 decimal) {
      common = new DataType.Decimal128(38, decimal.scale());
    }
    Binary cast = new Binary(Typing.cast(left, common), binary.op(), Typing.cast(right, common));
    if (binary.op().kind() == BinaryOp.Kind.COMPARISON) {
      return new Typed(cast, DataType.BOOLEAN, scalar);
    }
    if (common instanceof DataType.Decimal128
        && binary.op() != BinaryOp.ADD && binary.op() != BinaryOp.SUB
        && binary.op() != BinaryOp.MUL && binary.op() != BinaryOp.DIV) {
      throw new InvalidOperationException(
          "cannot " + binary.op().verb() + " decimals (not supported for " + common + ", as in"
              + " Polars) in " + binary);
    }
    return new Typed(cast, common, scalar);
  }

  /** Sum and mean of a decimal input, or null for other inputs and reductions. */
  static Typed aggregate(Agg agg, Typed input) {
    if (!(input.type() instanceof DataType.Decimal128 decimal)) {
      return null;
    }
    return switch (agg.function()) {
      case SUM -> {
        DataType result = new DataType.Decimal128(38, decimal.scale());
        yield new Typed(
            new Agg(agg.function(), Typing.cast(input, result), agg.ddof()), result, true);
      }
      case MEAN ->
          new Typed(new Agg(agg.function(), input.expr(), agg.ddof()), DataType.FLOAT64, true);
      default -> null;
    };
  }

  /** clip() of a decimal input (same type, bounds as decimals of its scale), or null. */
  static Typed clip(Typed input, Clip clip) {
    if (!(input.type() instanceof DataType.Decimal128 decimal)) {
      return null;
    }
    Object lower = clip.lower() == null ? null : bound(clip.lower(), decimal, clip);
    Object upper = clip.upper() == null ? null : bound(clip.upper(), decimal, clip);
    return new Typed(new Clip(input.expr(), lower, upper), decimal, input.scalar());
  }

  private static Object bound(Object value, DataType.Decimal128 decimal, Clip clip) {
    if (!(value instanceof Number number)) {
      throw new InvalidOperationException(
          "cannot clip " + decimal + " values with the bound " + value + " in " + clip);
    }
    try {
      return literal(number, decimal);
    } catch (InvalidOperationException doesNotFit) {
      throw new InvalidOperationException(doesNotFit.getMessage() + " in " + clip, doesNotFit);
    }
  }

  /** A number as a BigDecimal of the decimal's scale (rounded half to even), if it fits. */
  static BigDecimal literal(Number number, DataType.Decimal128 decimal) {
    BigDecimal exact = switch (number) {
      case BigDecimal big -> big;
      case BigInteger big -> new BigDecimal(big);
      case Double d when !Double.isFinite(d) -> null;
      case Float f when !Float.isFinite(f) -> null;
      case Double d -> BigDecimal.valueOf(d);
      case Float f -> BigDecimal.valueOf(f.doubleValue());
      default -> BigDecimal.valueOf(number.longValue());
    };
    BigDecimal scaled =
        exact == null ? null : exact.setScale(decimal.scale(), RoundingMode.HALF_EVEN);
    if (scaled == null || scaled.precision() > decimal.precision() && scaled.signum() != 0) {
      throw new InvalidOperationException(
          "the literal " + number + " does not fit in type " + decimal);
    }
    return scaled;
  }
}
