package dev.floe.kernels;

import dev.floe.errors.ComputeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Number parsing {@code str} kernels: {@code to_integer} and {@code to_decimal} (Polars). */
public final class StringsNumbers {
  private StringsNumbers() {}

  private static final BigInteger DECIMAL_LIMIT = BigInteger.TEN.pow(38);

  /**
   * Integers in {@code base} (2..36) as i64, as Rust's {@code i64::from_str_radix}: one optional
   * sign, then at least one ASCII digit or letter of the base, no spaces. A failure or overflow
   * is null, or with {@code strict} a {@link ComputeException} naming the first failing value,
   * its row and how many failed.
   */
  public static FixedWidthColumn toInteger(
      Column input, int base, boolean strict, BufferAllocator allocator) {
    return toInteger(input, base, DataType.INT64, strict, allocator);
  }

  /**
   * As {@link #toInteger(Column, int, boolean, BufferAllocator)} into the integer type
   * {@code type} (signed or unsigned, up to 64 bits): a value outside its range fails, and an
   * unsigned type takes no minus sign (not even {@code -0}), as Rust's {@code from_str_radix}.
   */
  public static FixedWidthColumn toInteger(
      Column input, int base, DataType type, boolean strict, BufferAllocator allocator) {
    if (!type.isInteger() || type.byteWidth() > 8) {
      throw new dev.floe.errors.InvalidOperationException(
          "to_integer produces an integer type, not " + type);
    }
    if (base < 2 || base > 36) {
      throw new ComputeException("to_integer called with invalid base " + base);
    }
    StringBytes bytes = StringBytes.of(input);
    int rows = input.length();
    int failures = 0;
    String firstFailure = null;
    int firstRow = -1;
    try (FixedWidthBuilder out = new FixedWidthBuilder(type, allocator, rows)) {
      for (int i = 0; i < rows; i++) {
        if (input.isNull(i)) {
          out.appendNull();
          continue;
        }
        bytes.at(i);
        String text = bytes.string();
        Long value = parseInteger(text, base, type);
        if (value == null) {
          out.appendNull();
          if (failures++ == 0) {
            firstFailure = text;
            firstRow = i;
          }
        } else {
          switch (type.byteWidth()) {
            case 1 -> out.appendByte((byte) (long) value);
            case 2 -> out.appendShort((short) (long) value);
            case 4 -> out.appendInt((int) (long) value);
            default -> out.appendLong(value);
          }
        }
      }
      if (strict && failures > 0) {
        throw new ComputeException(
            "strict integer parsing (base " + base + ") failed for " + failures
                + " value(s), first \"" + firstFailure + "\" at row " + firstRow
                + " (consider non-strict parsing)");
      }
      return out.build();
    }
  }

  static Long parseInteger(String text, int base, DataType type) {
    int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
    if (start == text.length()) {
      return null;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ascii = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!ascii || Character.digit(c, base) < 0) {
        return null;
      }
    }
    try {
      if (!type.isSignedInteger()) {
        if (text.charAt(0) == '-') {
          return null;
        }
        long value = Long.parseUnsignedLong(text, base);
        int bits = type.byteWidth() * 8;
        return bits == 64 || (value >>> bits) == 0 ? value : null;
      }
      long value = Long.parseLong(text, base);
      int bits = type.byteWidth() * 8;
      long min = bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
      long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
      return value < min || value > max ? null : value;
    } catch (NumberFormatException overflow) {
      return null;
    }
  }

  /**
   * Decimals as decimal[38, scale]: optional sign, digits with an optional point, an optional
   * exponent ({@code 1e3}); rounded half to even to {@code scale}; null when the text does not
   * parse or the value needs more than 38 digits.
   */
  public static FixedWidthColumn toDecimal(Column input, int scale, BufferAllocator allocator) {
    StringBytes bytes = StringBytes.of(input);
    int rows = input.length();
    try (FixedWidthBuilder out =
        new FixedWidthBuilder(new DataType.Decimal128(38, scale), allocator, rows)) {
      for (int i = 0; i < rows; i++) {
        if (input.isNull(i)) {
          out.appendNull();
          continue;
        }
        bytes.at(i);
        BigInteger unscaled = parseDecimal(bytes.string(), scale);
        if (unscaled == null) {
          out.appendNull();
        } else {
          out.appendUnscaledDecimal(unscaled);
        }
      }
      return out.build();
    }
  }

  static BigInteger parseDecimal(String text, int scale) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' || c == 'e' || c == 'E')) {
        return null;
      }
    }
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.scale() < -1000 || value.precision() - value.scale() > 40) {
        return null;
      }
      BigInteger unscaled = value.setScale(scale, RoundingMode.HALF_EVEN).unscaledValue();
      return unscaled.abs().compareTo(DECIMAL_LIMIT) >= 0 ? null : unscaled;
    } catch (NumberFormatException | ArithmeticException invalid) {
      return null;
    }
  }
}
