package dev.floe.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Floats printed as Polars prints them in tables and series ({@code fmt_float} in
 * {@code polars-core/src/fmt.rs}, "mixed" mode): whole numbers below 999999 as {@code 1.0}; short
 * values as their shortest round-trip text ({@code 0.1}, {@code 123456.789}); long values with at
 * most six decimals, trailing zeros trimmed ({@code 0.333333}); very large or very small long
 * values in scientific notation with four decimals ({@code 1.2346e6}, {@code 1.0000e-10}); whole
 * numbers from 999999 up in short scientific notation ({@code 1e7}). {@code f32} values are
 * widened to {@code f64} first, as Polars does. Rounding is half-even on the exact binary value,
 * like Rust's.
 */
public final class FloatFormat {
  private static final double SCIENTIFIC_BOUND = 999999.0;

  private FloatFormat() {}

  /** Polars' text for {@code value}. */
  public static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    double abs = Math.abs(value);
    boolean whole = value == Math.rint(value);
    if (whole && abs < SCIENTIFIC_BOUND) {
      return fixed(value, 1);
    }
    String shortest = shortest(value);
    if (shortest.length() > 9) {
      if (abs < 0.000001 || abs > SCIENTIFIC_BOUND) {
        return scientific(value, 4);
      }
      return trimZeros(fixed(value, 6));
    }
    return whole ? shortestScientific(value) : shortest;
  }

  /**
   * Rust's {@code Display} of an {@code f64}: the shortest text that reads back as the same value,
   * never in scientific notation ({@code 1e20} is {@code 100000000000000000000}).
   */
  static String shortest(double value) {
    if (value == 0) {
      return isNegativeZero(value) ? "-0" : "0";
    }
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  /** Rust's {@code {:.N}}: exactly {@code decimals} decimals, half-even on the exact value. */
  static String fixed(double value, int decimals) {
    String text = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    boolean negative = value < 0 || isNegativeZero(value);
    return negative && !text.startsWith("-") ? "-" + text : text;
  }

  /** Rust's {@code {:.Ne}}: one digit, {@code decimals} decimals, {@code e}, the exponent. */
  static String scientific(double value, int decimals) {
    BigDecimal rounded =
        new BigDecimal(value).round(new MathContext(decimals + 1, RoundingMode.HALF_EVEN));
    String digits = rounded.unscaledValue().abs().toString();
    int exponent = rounded.precision() - rounded.scale() - 1;
    StringBuilder padded = new StringBuilder(digits);
    while (padded.length() < decimals + 1) {
      padded.append('0');
    }
    String mantissa = decimals == 0
        ? padded.substring(0, 1)
        : padded.charAt(0) + "." + padded.substring(1, decimals + 1);
    return (value < 0 ? "-" : "") + mantissa + "e" + exponent;
  }

  /** Rust's {@code {:e}}: the shortest round-trip digits in scientific notation ({@code 1e7}). */
  static String shortestScientific(double value) {
    BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    String digits = exact.unscaledValue().abs().toString();
    int exponent = exact.precision() - exact.scale() - 1;
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (value < 0 ? "-" : "") + mantissa + "e" + exponent;
  }

  private static String trimZeros(String text) {
    if (!text.endsWith("0")) {
      return text;
    }
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '0') {
      end--;
    }
    String trimmed = text.substring(0, end);
    return trimmed.endsWith(".") ? trimmed + "0" : trimmed;
  }

  private static boolean isNegativeZero(double value) {
    return Double.doubleToRawLongBits(value) == Long.MIN_VALUE;
  }
}
