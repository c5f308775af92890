package dev.floe.kernels;

import dev.floe.errors.ComputeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.errors.ShapeMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Element-wise arithmetic over Decimal128 columns with Polars 1.44 semantics (checked on 1.44.2).
 * Both sides have the same decimal type (the planner casts them to {@code decimal[38, max
 * scale]}), and so does the result:
 *
 * <ul>
 *   <li>add and subtract are exact;
 *   <li>multiply and divide keep the scale, rounding half to even ({@code 0.25 * 0.50 = 0.12},
 *       {@code 0.35 * 0.50 = 0.18}, {@code 2.00 / 3.00 = 0.67});
 *   <li>division by zero fails with a {@link ComputeException}, as Polars ("division by zero");
 *   <li>a result of more than 38 digits fails with a {@link ComputeException};
 *   <li>floor division and modulo are not defined for decimals ({@link InvalidOperationException});
 *   <li>nulls propagate.
 * </ul>
 *
 * <p>Values whose unscaled integers fit a {@code long} (scale up to 18) take a boxing-free path
 * with overflow checks; the rest falls back to exact {@link BigInteger} arithmetic.
 */
public final class DecimalArithmetic {
  private static final BigInteger LIMIT = BigInteger.TEN.pow(38);
  private static final long[] POWERS = new long[19];

  static {
    POWERS[0] = 1;
    for (int index = 1; index < POWERS.length; index++) {
      POWERS[index] = POWERS[index - 1] * 10;
    }
  }

  private DecimalArithmetic() {}

  /** {@code left op right} row by row; both columns have the same length and decimal type. */
  public static Column binary(
      Column left, Column right, ArithmeticOp op, BufferAllocator allocator) {
    if (!(left.type() instanceof DataType.Decimal128 decimal)
        || !left.type().equals(right.type())) {
      throw new SchemaMismatchException(
          "decimal arithmetic needs both sides of one decimal type (cast first), got "
              + left.type() + " and " + right.type());
    }
    if (left.length() != right.length()) {
      throw new ShapeMismatchException(
          "decimal " + op + " of columns of different lengths: " + left.length() + " and "
              + right.length());
    }
    if (op != ArithmeticOp.ADD && op != ArithmeticOp.SUB && op != ArithmeticOp.MUL
        && op != ArithmeticOp.DIV) {
      throw new InvalidOperationException(
          op.name().toLowerCase(java.util.Locale.ROOT) + " is not supported for " + decimal);
    }
    FixedWidthColumn a = (FixedWidthColumn) left;
    FixedWidthColumn b = (FixedWidthColumn) right;
    int scale = decimal.scale();
    int length = left.length();
    try (FixedWidthBuilder out = new FixedWidthBuilder(decimal, allocator, length)) {
      long[] result = new long[2];
      for (int row = 0; row < length; row++) {
        if (a.isNull(row) || b.isNull(row)) {
          out.appendNull();
          continue;
        }
        long aLow = a.getDecimalLow(row);
        long aHigh = a.getDecimalHigh(row);
        long bLow = b.getDecimalLow(row);
        long bHigh = b.getDecimalHigh(row);
        if (!fast(op, aLow, aHigh, bLow, bHigh, scale, result)) {
          exact(op, toBig(aLow, aHigh), toBig(bLow, bHigh), scale, result);
        }
        out.appendDecimal128(result[0], result[1]);
      }
      return out.build();
    }
  }

  /** {@code left op right} with a scalar right side (a BigDecimal of any scale, or null). */
  public static Column binaryScalar(
      Column left, Object right, ArithmeticOp op, BufferAllocator allocator) {
    try (Column constant = Broadcast.constant(right, left.type(), left.length(), allocator)) {
      return binary(left, constant, op, allocator);
    }
  }

  /** {@code left op right} with a scalar left side (a BigDecimal of any scale, or null). */
  public static Column scalarBinary(
      Object left, Column right, ArithmeticOp op, BufferAllocator allocator) {
    try (Column constant = Broadcast.constant(left, right.type(), right.length(), allocator)) {
      return binary(constant, right, op, allocator);
    }
  }

  /** {@code -x} (same type; cannot overflow, the precision is symmetric). */
  public static Column negate(Column column, BufferAllocator allocator) {
    return unary(column, false, allocator);
  }

  /** {@code |x|} (same type). */
  public static Column abs(Column column, BufferAllocator allocator) {
    return unary(column, true, allocator);
  }

  /**
   * Limits values to {@code [lower, upper]} (BigDecimals of the column's scale; null is unbounded),
   * keeping the type.
   */
  public static Column clip(
      Column column, BigDecimal lower, BigDecimal upper, BufferAllocator allocator) {
    // no bound: -2^127 and 2^127 - 1, beyond every value
    long[] low = lower == null ? new long[] {0L, Long.MIN_VALUE} : words(lower, column.type());
    long[] high = upper == null ? new long[] {-1L, Long.MAX_VALUE} : words(upper, column.type());
    FixedWidthColumn fixed = (FixedWidthColumn) column;
    try (FixedWidthBuilder out = new FixedWidthBuilder(column.type(), allocator, column.length())) {
      for (int row = 0; row < column.length(); row++) {
        if (fixed.isNull(row)) {
          out.appendNull();
          continue;
        }
        long valueLow = fixed.getDecimalLow(row);
        long valueHigh = fixed.getDecimalHigh(row);
        if (compare(valueLow, valueHigh, low[0], low[1]) < 0) {
          out.appendDecimal128(low[0], low[1]);
        } else if (compare(valueLow, valueHigh, high[0], high[1]) > 0) {
          out.appendDecimal128(high[0], high[1]);
        } else {
          out.appendDecimal128(valueLow, valueHigh);
        }
      }
      return out.build();
    }
  }

  private static long[] words(BigDecimal value, DataType type) {
    int scale = ((DataType.Decimal128) type).scale();
    BigInteger unscaled = value.setScale(scale, RoundingMode.HALF_EVEN).unscaledValue();
    return new long[] {unscaled.longValue(), unscaled.shiftRight(64).longValue()};
  }

  /** Signed comparison of two 128-bit two's complement values given as (low, high) words. */
  static int compare(long aLow, long aHigh, long bLow, long bHigh) {
    return aHigh != bHigh ? Long.compare(aHigh, bHigh) : Long.compareUnsigned(aLow, bLow);
  }

  private static Column unary(Column column, boolean abs, BufferAllocator allocator) {
    FixedWidthColumn fixed = (FixedWidthColumn) column;
    try (FixedWidthBuilder out = new FixedWidthBuilder(column.type(), allocator, column.length())) {
      for (int row = 0; row < column.length(); row++) {
        if (fixed.isNull(row)) {
          out.appendNull();
          continue;
        }
        long low = fixed.getDecimalLow(row);
        long high = fixed.getDecimalHigh(row);
        if (abs && high >= 0) {
          out.appendDecimal128(low, high);
        } else {
          out.appendDecimal128(-low, ~high + (low == 0 ? 1 : 0));
        }
      }
      return out.build();
    }
  }

  /** The long path: true (and the words in {@code result}) when no step overflows. */
  private static boolean fast(
      ArithmeticOp op, long aLow, long aHigh, long bLow, long bHigh, int scale, long[] result) {
    if (aHigh != aLow >> 63 || bHigh != bLow >> 63 || scale >= POWERS.length
        || aLow == Long.MIN_VALUE || bLow == Long.MIN_VALUE) {
      return false;
    }
    long value;
    switch (op) {
      case ADD -> {
        value = aLow + bLow;
        if (((aLow ^ value) & (bLow ^ value)) < 0) {
          return false;
        }
      }
      case SUB -> {
        value = aLow - bLow;
        if (((aLow ^ bLow) & (aLow ^ value)) < 0) {
          return false;
        }
      }
      case MUL -> {
        long product = aLow * bLow;
        if (Math.multiplyHigh(aLow, bLow) != product >> 63 || product == Long.MIN_VALUE) {
          return false;
        }
        value = divideHalfEven(product, POWERS[scale]);
      }
      default -> {
        if (bLow == 0) {
          throw new ComputeException("division by zero (decimal)");
        }
        long numerator = aLow * POWERS[scale];
        if (Math.multiplyHigh(aLow, POWERS[scale]) != numerator >> 63
            || numerator == Long.MIN_VALUE) {
          return false;
        }
        value = divideHalfEven(numerator, bLow);
      }
    }
    result[0] = value;
    result[1] = value >> 63;
    return true;
  }

  /** {@code numerator / divisor} rounded half to even (neither is Long.MIN_VALUE). */
  static long divideHalfEven(long numerator, long divisor) {
    long quotient = numerator / divisor;
    long remainder = numerator % divisor;
    if (remainder == 0) {
      return quotient;
    }
    long twice = Math.abs(remainder);
    long rest = Math.abs(divisor) - twice; // 2|r| vs |d| without overflow: |r| vs |d| - |r|
    if (twice > rest || (twice == rest && (quotient & 1) != 0)) {
      quotient += (remainder < 0) != (divisor < 0) ? -1 : 1;
    }
    return quotient;
  }

  private static void exact(ArithmeticOp op, BigInteger a, BigInteger b, int scale, long[] result) {
    BigInteger value = switch (op) {
      case ADD -> a.add(b);
      case SUB -> a.subtract(b);
      case MUL -> divideHalfEven(a.multiply(b), BigInteger.TEN.pow(scale));
      default -> {
        if (b.signum() == 0) {
          throw new ComputeException("division by zero (decimal)");
        }
        yield divideHalfEven(a.multiply(BigInteger.TEN.pow(scale)), b);
      }
    };
    if (value.abs().compareTo(LIMIT) >= 0) {
      throw new ComputeException(
          "decimal overflow: " + op.name().toLowerCase(java.util.Locale.ROOT)
              + " gives a value of more than 38 digits (unscaled " + value + ")");
    }
    result[0] = value.longValue();
    result[1] = value.shiftRight(64).longValue();
  }

  static BigInteger divideHalfEven(BigInteger numerator, BigInteger divisor) {
    BigInteger[] parts = numerator.divideAndRemainder(divisor);
    if (parts[1].signum() == 0) {
      return parts[0];
    }
    int half = parts[1].abs().shiftLeft(1).compareTo(divisor.abs());
    if (half > 0 || (half == 0 && parts[0].testBit(0))) {
      int sign = parts[1].signum() * divisor.signum();
      return parts[0].add(BigInteger.valueOf(sign));
    }
    return parts[0];
  }

  private static BigInteger toBig(long low, long high) {
    return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
  }
}
