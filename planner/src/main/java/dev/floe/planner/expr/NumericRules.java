package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Typing.Typed;

/**
 * The binary typing rules Polars applies before its general supertypes: folded dynamic literals
 * ({@link DynamicLiterals}), decimals ({@link DecimalTyping}), booleans in arithmetic ({@link
 * BooleanArithmetic}), and the order of the implicit casts where one may lose values.
 */
final class NumericRules {
  private NumericRules() {}

  /** Folded dynamic literals, decimals and booleans in arithmetic; null for the general rules. */
  static Typed binary(Binary binary, Typed left, Typed right, boolean scalar) {
    if (left.type() instanceof DataType.BooleanType && right.type() instanceof DataType.Decimal128
        && binary.op() == BinaryOp.DIV) {
      // Polars: bool / decimal is f64 (but decimal / bool has no supertype)
      return new Typed(
          new Binary(
              Typing.cast(left, DataType.FLOAT64), binary.op(), Typing.cast(right, DataType.FLOAT64)),
          DataType.FLOAT64, scalar);
    }
    if (left.type() instanceof DataType.Decimal128 && right.type() instanceof DataType.BooleanType
        || left.type() instanceof DataType.BooleanType && right.type() instanceof DataType.Decimal128) {
      throw new InvalidOperationException(
          "failed to determine supertype of " + left.type() + " and " + right.type() + " in "
              + binary);
    }
    Typed typed = DynamicLiterals.fold(binary, left, right);
    typed = typed != null ? typed : DecimalTyping.binary(binary, left, right, scalar);
    return typed != null ? typed : BooleanArithmetic.binary(binary, left, right, scalar);
  }

  /**
   * {@code typed} as {@code result}, through {@code common} where that cast may lose values, as
   * Polars casts to the supertype first: neg()/abs() of a dynamic literal (in {@code u8 /
   * lit(3).neg()} the -3 becomes a null u8 before the f64 division) and u64 as i64 (in {@code -3 /
   * col("u64")} a u64 above i64's range is null).
   */
  static Expr castVia(Typed typed, DataType common, DataType result) {
    boolean lossy = DynamicLiterals.isWrapped(typed.expr())
        || typed.type() instanceof DataType.UInt64 && common instanceof DataType.Int64;
    if (lossy && !common.equals(result)) {
      return Typing.cast(new Typed(Typing.cast(typed, common), common, typed.scalar()), result);
    }
    return Typing.cast(typed, result);
  }
}
