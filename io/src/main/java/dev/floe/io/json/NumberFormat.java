package dev.floe.io.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Predicate;

/**
 * Floats as Polars writes them in JSON (Rust's ryu layout with an explicit exponent sign): the
 * shortest digits that read back to the same value; plain notation with ".0" for integral values
 * below 10^16 (f32: 10^13), plain fractions down to 1e-5 (f32: 1e-6), scientific beyond ({@code 1e+16},
 * {@code 1.5e-7}); NaN and infinities are written as null.
 */
final class NumberFormat {
  private NumberFormat() {}

  static void writeDouble(ByteSink out, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      out.ascii("null");
      return;
    }
    String java = Double.toString(value);
    if (value != 0 && Math.abs(value) < Double.MIN_NORMAL) {
      java = oneDigit(java, text -> Double.parseDouble(text) == value);
    }
    out.ascii(layout(java, 16, -5));
  }

  static void writeFloat(ByteSink out, float value) {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      out.ascii("null");
      return;
    }
    String java = Float.toString(value);
    if (value != 0 && Math.abs(value) < Float.MIN_NORMAL) {
      java = oneDigit(java, text -> Float.parseFloat(text) == value);
    }
    out.ascii(layout(java, 13, -6));
  }

  /**
   * Java writes at least two significant digits where one would do (4.9E-324 for 5e-324, which
   * only happens for subnormals); ryu writes the one digit when it reads back to the same value.
   */
  private static String oneDigit(String shortest, Predicate<String> roundTrips) {
    BigDecimal exact = new BigDecimal(shortest);
    for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP}) {
      String candidate = exact.round(new MathContext(1, mode)).toString();
      if (roundTrips.test(candidate)) {
        return candidate.contains(".") || candidate.contains("E") ? candidate.replace("E", ".0E")
            .replace("..", ".") : candidate + ".0";
      }
    }
    return shortest;
  }

  /** Reformats Java's shortest representation ({@code 1.0E-7}, {@code 123.45}) ryu's way. */
  static String layout(String java, int plainLimit, int fractionLimit) {
    StringBuilder text = new StringBuilder();
    boolean negative = java.startsWith("-");
    String body = negative ? java.substring(1) : java;
    int e = body.indexOf('E');
    int exponent = e < 0 ? 0 : Integer.parseInt(body.substring(e + 1));
    String mantissa = e < 0 ? body : body.substring(0, e);
    int point = mantissa.indexOf('.');
    String digits = mantissa.substring(0, point) + mantissa.substring(point + 1);
    int kk = point + exponent; // the value is 0.digits * 10^kk
    int lead = 0;
    while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
      lead++;
    }
    digits = digits.substring(lead);
    kk -= lead;
    int trail = digits.length();
    while (trail > 1 && digits.charAt(trail - 1) == '0') {
      trail--;
    }
    digits = digits.substring(0, trail);
    if (negative) {
      text.append('-');
    }
    if (digits.equals("0")) {
      return text.append("0.0").toString();
    }
    int n = digits.length();
    int k = kk - n;
    if (k >= 0 && kk <= plainLimit) {
      text.append(digits).append("0".repeat(k)).append(".0");
    } else if (kk > 0 && kk <= plainLimit) {
      text.append(digits, 0, kk).append('.').append(digits, kk, n);
    } else if (kk > fractionLimit && kk <= 0) {
      text.append("0.").append("0".repeat(-kk)).append(digits);
    } else {
      text.append(digits.charAt(0));
      if (n > 1) {
        text.append('.').append(digits, 1, n);
      }
      int power = kk - 1;
      text.append('e').append(power >= 0 ? "+" : "-").append(Math.abs(power));
    }
    return text.toString();
  }
}
