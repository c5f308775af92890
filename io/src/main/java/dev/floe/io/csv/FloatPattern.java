package dev.floe.io.csv;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Polars' float inference pattern: an optional sign, then {@code inf} or {@code NaN}, or digits
 * with a decimal point and/or an exponent ({@code 1e5}, {@code .5}, {@code 1.}).
 */
final class FloatPattern {
  private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

  private FloatPattern() {}

  /** True when {@code [start, end)} matches the pattern. */
  static boolean matches(MemorySegment data, long start, long end, byte decimalPoint) {
    long p = start;
    if (p < end && (data.get(BYTE, p) == '-' || data.get(BYTE, p) == '+')) {
      p++;
    }
    if (end - p == 3 && (word(data, p, "inf") || word(data, p, "NaN"))) {
      return true;
    }
    int before = 0;
    while (p < end && isDigit(data.get(BYTE, p))) {
      p++;
      before++;
    }
    boolean dot = false;
    int after = 0;
    if (p < end && data.get(BYTE, p) == decimalPoint) {
      dot = true;
      p++;
      while (p < end && isDigit(data.get(BYTE, p))) {
        p++;
        after++;
      }
    }
    boolean exponent = false;
    if (p < end && (data.get(BYTE, p) == 'e' || data.get(BYTE, p) == 'E')) {
      p++;
      if (p < end && (data.get(BYTE, p) == '-' || data.get(BYTE, p) == '+')) {
        p++;
      }
      int digits = 0;
      while (p < end && isDigit(data.get(BYTE, p))) {
        p++;
        digits++;
      }
      if (digits == 0) {
        return false;
      }
      exponent = true;
    }
    if (p != end) {
      return false;
    }
    return (dot && after >= 1) || (before >= 1 && (exponent || dot));
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean word(MemorySegment data, long start, String text) {
    for (int index = 0; index < text.length(); index++) {
      if (data.get(BYTE, start + index) != text.charAt(index)) {
        return false;
      }
    }
    return true;
  }
}
