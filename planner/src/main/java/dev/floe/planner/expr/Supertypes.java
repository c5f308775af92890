package dev.floe.planner.expr;

import dev.floe.memory.types.DataType;

/**
 * Polars 1.x supertypes: the type two operands are cast to before a binary operation.
 *
 * <ul>
 *   <li>the null type goes with anything; equal types are their own supertype;
 *   <li>integers of one signedness widen; signed with unsigned takes the smallest signed type
 *       holding both ({@code i32 + u32 -> i64}), and {@code i64 + u64 -> f64};
 *   <li>an integer with {@code f64} is {@code f64}; with {@code f32}, {@code f32} for integers up to
 *       16 bits, else {@code f64};
 *   <li>a boolean goes with a number (as 0/1); strings of any layout go together;
 *   <li>decimals: see {@link DecimalTyping#supertype}.
 * </ul>
 */
public final class Supertypes {
  private Supertypes() {}

  /** The supertype of {@code left} and {@code right}, or null when they have none. */
  public static DataType of(DataType left, DataType right) {
    if (left.equals(right)) {
      return left;
    }
    if (left instanceof DataType.NullType) {
      return right;
    }
    if (right instanceof DataType.NullType) {
      return left;
    }
    if (left instanceof DataType.Decimal128 || right instanceof DataType.Decimal128) {
      return DecimalTyping.supertype(left, right);
    }
    if (left.isNumeric() && right.isNumeric()) {
      return numeric(left, right);
    }
    if (left instanceof DataType.BooleanType && right.isNumeric()) {
      return right;
    }
    if (right instanceof DataType.BooleanType && left.isNumeric()) {
      return left;
    }
    if (left.isString() && right.isString()) {
      return left;
    }
    return null;
  }

  private static DataType numeric(DataType left, DataType right) {
    if (left.isFloatingPoint() && right.isFloatingPoint()) {
      return left.byteWidth() >= right.byteWidth() ? left : right;
    }
    if (left.isFloatingPoint() || right.isFloatingPoint()) {
      DataType floating = left.isFloatingPoint() ? left : right;
      DataType integer = left.isFloatingPoint() ? right : left;
      return floating.byteWidth() == 4 && integer.byteWidth() <= 2 ? floating : DataType.FLOAT64;
    }
    if (left.isSignedInteger() == right.isSignedInteger()) {
      return left.byteWidth() >= right.byteWidth() ? left : right;
    }
    DataType signed = left.isSignedInteger() ? left : right;
    DataType unsigned = left.isSignedInteger() ? right : left;
    if (unsigned.byteWidth() < signed.byteWidth()) {
      return signed;
    }
    return switch (unsigned.byteWidth()) {
      case 1 -> DataType.INT16;
      case 2 -> DataType.INT32;
      case 4 -> DataType.INT64;
      default -> DataType.FLOAT64;
    };
  }
}
