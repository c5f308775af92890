package dev.floe.planner.expr;

import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Typing.Typed;

/**
 * Polars' rules for dynamic ("dyn int", "dyn float") literals, checked on 1.44.2:
 *
 * <ul>
 *   <li>{@code neg()} and {@code abs()} of a dynamic literal stay dynamic, typed by the literal's
 *       own value ({@code col("u16") * lit(1).neg()} is u16; the -1 then becomes null, as Polars'
 *       implicit casts are not strict);
 *   <li>an operation between two dynamic literals ({@code + - * // %}) is folded into a dynamic
 *       literal ({@code col("u8") * (lit(1) - lit(2))} is i16, like {@code col("u8") * -1});
 *       {@code /} is not ({@code f64}), nor is a division by zero (see {@link #isNullDivision});
 *   <li>a dynamic integer meeting an integer column of type T: T when it fits; otherwise the
 *       supertype of T and the smallest type holding the value (unsigned when T is unsigned and
 *       the value is not negative), except u64 with a negative value, which is i64
 *       ({@code u8 + 300} is u16, {@code u8 - -1} is i16, {@code u64 + -2} is i64).
 * </ul>
 */
final class DynamicLiterals {
  private DynamicLiterals() {}

  /** The dynamic literal {@code expr} is or wraps in neg()/abs(), or null. */
  static Literal dynamic(Expr expr) {
    return switch (expr) {
      case Literal literal when literal.dynamic() && literal.value() != null -> literal;
      case Unary unary when unary.op() == UnaryOp.NEG || unary.op() == UnaryOp.ABS ->
          dynamic(unary.input());
      case Binary binary when isNullDivision(binary) -> (Literal) binary.left();
      default -> null;
    };
  }

  /** True for neg()/abs() of a dynamic literal (cast to the other side's type non-strictly). */
  static boolean isWrapped(Expr expr) {
    return !(expr instanceof Literal) && dynamic(expr) != null;
  }

  /** The integer value of a dynamic literal. */
  static long integer(Literal literal) {
    return ((Number) literal.value()).longValue();
  }

  /**
   * {@code a // 0} or {@code a % 0} of dynamic integers: null, but Polars does not fold it and
   * types it as the dynamic {@code a} ({@code (-1 // 0) + col("u8")} is i16, {@code (1 // 0) +
   * col("u8")} is u8).
   */
  private static boolean isNullDivision(Binary binary) {
    return (binary.op() == BinaryOp.FLOOR_DIV || binary.op() == BinaryOp.MOD)
        && binary.left() instanceof Literal a && a.dynamic() && a.type().isInteger()
        && a.value() != null
        && binary.right() instanceof Literal b && b.dynamic() && b.type().isInteger()
        && b.value() instanceof Number divisor && divisor.longValue() == 0;
  }

  /** The type of a dynamic integer {@code value} meeting an integer or float type, or null. */
  static DataType materialize(long value, DataType other) {
    if (other.isFloatingPoint()) {
      return other;
    }
    if (!other.isInteger()) {
      return null;
    }
    boolean unsigned = !other.isSignedInteger() && value >= 0;
    DataType fitting = unsigned ? smallestUnsigned(value) : smallestSigned(value);
    if (other instanceof DataType.UInt64 && fitting.isSignedInteger()) {
      return DataType.INT64;
    }
    return Supertypes.of(other, fitting);
  }

  private static DataType smallestUnsigned(long value) {
    if (value <= 0xFF) {
      return DataType.UINT8;
    }
    if (value <= 0xFFFF) {
      return DataType.UINT16;
    }
    return value <= 0xFFFF_FFFFL ? DataType.UINT32 : DataType.UINT64;
  }

  private static DataType smallestSigned(long value) {
    if (value == (byte) value) {
      return DataType.INT8;
    }
    if (value == (short) value) {
      return DataType.INT16;
    }
    return value == (int) value ? DataType.INT32 : DataType.INT64;
  }

  /** {@code left op right} of two dynamic literals as one, or null when it does not fold. */
  static Typed fold(Binary binary, Typed left, Typed right) {
    if (!(left.expr() instanceof Literal a) || !(right.expr() instanceof Literal b)
        || !a.dynamic() || !b.dynamic() || a.value() == null || b.value() == null
        || binary.op().kind() != BinaryOp.Kind.ARITHMETIC) {
      return null;
    }
    Object value;
    try {
      if (a.type().isInteger() && b.type().isInteger()) {
        value = integer(binary.op(), integer(a), integer(b));
      } else {
        value = floating(
            binary.op(), ((Number) a.value()).doubleValue(), ((Number) b.value()).doubleValue());
      }
    } catch (ArithmeticException | UnsupportedOperationException notFolded) {
      return null;
    }
    if (value == null) {
      return new Typed(new Binary(a, binary.op(), b), DataType.INT32, true); // see isNullDivision
    }
    Literal literal = Literal.of(value);
    return new Typed(literal, literal.type(), true);
  }

  private static Long integer(BinaryOp op, long a, long b) {
    return switch (op) {
      case ADD -> Math.addExact(a, b);
      case SUB -> Math.subtractExact(a, b);
      case MUL -> Math.multiplyExact(a, b);
      case FLOOR_DIV -> b == 0 ? null : Math.floorDiv(a, b);
      case MOD -> b == 0 ? null : Math.floorMod(a, b);
      default -> throw new UnsupportedOperationException(op.name());
    };
  }

  private static Double floating(BinaryOp op, double a, double b) {
    return switch (op) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case FLOOR_DIV -> Math.floor(a / b);
      case MOD -> a - b * Math.floor(a / b);
      default -> throw new UnsupportedOperationException(op.name());
    };
  }
}
