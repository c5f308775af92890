package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Typing.Typed;

/**
 * Booleans in arithmetic, as Polars 1.44 (checked on 1.44.2): a bool counts as 0 or 1.
 *
 * <ul>
 *   <li>bool with bool (or null): {@code +} gives {@code u32} and {@code /} gives {@code f64};
 *       {@code - * // %} are errors;
 *   <li>bool with a number column of type T: T for every operator ({@code /} of integers: f64);
 *   <li>bool with a dynamic integer literal: {@code i32} ({@code i64} if the value needs it);
 *       with a dynamic float literal: {@code f64}, except {@code //} (an error);
 *   <li>bool with a decimal: no supertype (an error, see {@link DecimalTyping}).
 * </ul>
 *
 * <p>{@code neg()} and {@code abs()} of a bool are errors (the unary typing rejects them).
 */
final class BooleanArithmetic {
  private BooleanArithmetic() {}

  /** An arithmetic operation with a bool operand, or null when neither side is a bool. */
  static Typed binary(Binary binary, Typed left, Typed right, boolean scalar) {
    boolean leftBool = left.type() instanceof DataType.BooleanType;
    boolean rightBool = right.type() instanceof DataType.BooleanType;
    if (binary.op().kind() != BinaryOp.Kind.ARITHMETIC || !leftBool && !rightBool) {
      return null;
    }
    Typed other = leftBool ? right : left;
    BinaryOp op = binary.op();
    Literal dynamic = DynamicLiterals.dynamic(other.expr());
    DataType common;
    if (other.type() instanceof DataType.BooleanType || other.type() instanceof DataType.NullType) {
      common = switch (op) {
        case ADD -> DataType.UINT32;
        case DIV -> DataType.FLOAT64;
        default -> throw unsupported(binary);
      };
    } else if (dynamic != null && dynamic.type().isInteger()) {
      long value = DynamicLiterals.integer(dynamic);
      common = value == (int) value ? DataType.INT32 : DataType.INT64;
    } else if (dynamic != null && dynamic.type().isFloatingPoint()) {
      if (op == BinaryOp.FLOOR_DIV) {
        throw unsupported(binary);
      }
      common = DataType.FLOAT64;
    } else if (other.type().isNumeric()) {
      common = other.type();
    } else {
      return null;
    }
    DataType result = op == BinaryOp.DIV && !common.isFloatingPoint() ? DataType.FLOAT64 : common;
    return new Typed(
        new Binary(Typing.cast(left, result), op, Typing.cast(right, result)), result, scalar);
  }

  private static InvalidOperationException unsupported(Binary binary) {
    return new InvalidOperationException(
        "cannot " + binary.op().verb() + " bool values (not supported for bool, as in Polars) in "
            + binary);
  }
}
