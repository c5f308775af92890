package dev.floe.io.csv;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * Parses one field's bytes in place, with Polars' grammar: integers {@code -?\d+} (no '+', no
 * spaces, no '_'); floats as Polars' inference pattern ({@code 1e5}, {@code .5}, {@code 1.},
 * {@code inf}, {@code NaN}; a Float64 column also takes {@code nan}, {@code infinity}); booleans
 * {@code true}/{@code false} in any case; ISO dates and datetimes. One instance per thread: a
 * successful parse leaves its result in {@link #longValue} or {@link #doubleValue}.
 */
final class FieldParser {
  private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;
  private static final double[] POWERS = new double[23];

  static {
    double power = 1;
    for (int index = 0; index < POWERS.length; index++) {
      POWERS[index] = power;
      power *= 10;
    }
  }

  private final byte decimalPoint;
  long longValue;
  double doubleValue;
  /** Set by {@link #parseDatetime} when the value ended in 'Z'. */
  boolean utc;

  FieldParser(boolean decimalComma) {
    this.decimalPoint = decimalComma ? (byte) ',' : (byte) '.';
  }

  /** {@code -?\d+} within i64 range. */
  boolean parseLong(MemorySegment data, long start, long end) {
    if (start < end) {
      boolean negative = data.get(BYTE, start) == '-';
      long fast = SwarDigits.digits(data, negative ? start + 1 : start, end);
      if (fast != SwarDigits.NONE) {
        longValue = negative ? -fast : fast;
        return true;
      }
    }
    return parseLongBytes(data, start, end);
  }

  /** {@link #parseLong} byte by byte (fields the SWAR path does not take). */
  private boolean parseLongBytes(MemorySegment data, long start, long end) {
    long p = start;
    boolean negative = false;
    if (p < end && data.get(BYTE, p) == '-') {
      negative = true;
      p++;
    }
    if (p >= end) {
      return false;
    }
    long value = 0;
    for (; p < end; p++) {
      int digit = data.get(BYTE, p) - '0';
      if (digit < 0 || digit > 9) {
        return false;
      }
      if (value < (Long.MIN_VALUE + digit) / 10) {
        return false;
      }
      value = value * 10 - digit;
    }
    if (!negative) {
      if (value == Long.MIN_VALUE) {
        return false;
      }
      value = -value;
    }
    longValue = value;
    return true;
  }

  /** True when the field matches Polars' float inference pattern ({@link FloatPattern}). */
  boolean looksLikeFloat(MemorySegment data, long start, long end) {
    return FloatPattern.matches(data, start, end, decimalPoint);
  }

  /** A Float64 value: the inference pattern, integers, and nan/inf/infinity in any case. */
  boolean parseDouble(MemorySegment data, long start, long end) {
    if (start < end) {
      byte first = data.get(BYTE, start);
      boolean negative = first == '-';
      long fast = SwarDigits.decimal(data, negative || first == '+' ? start + 1 : start, end,
          decimalPoint);
      if (fast != SwarDigits.NONE) {
        // at most 8 digits and 7 decimals: the exact fast path of parseDoubleBytes, no byte loop
        long mantissa = fast & 0x00FF_FFFF_FFFF_FFFFL;
        int decimals = (int) (fast >>> 56);
        double value = decimals == 0 ? mantissa * POWERS[0] : mantissa / POWERS[decimals];
        doubleValue = negative ? -value : value;
        return true;
      }
    }
    return parseDoubleBytes(data, start, end);
  }

  /** {@link #parseDouble} byte by byte (fields the SWAR path does not take). */
  private boolean parseDoubleBytes(MemorySegment data, long start, long end) {
    long p = start;
    if (p >= end) {
      return false;
    }
    boolean negative = false;
    byte first = data.get(BYTE, p);
    if (first == '-' || first == '+') {
      negative = first == '-';
      p++;
    }
    long mantissa = 0;
    int digits = 0;
    int before = 0;
    int after = 0;
    int scale = 0;
    boolean dot = false;
    boolean overflow = false;
    byte b = 0;
    for (; p < end; p++) {
      b = data.get(BYTE, p);
      if (b >= '0' && b <= '9') {
        if (dot) {
          after++;
        } else {
          before++;
        }
        if (digits == 0 && b == '0') {
          scale -= dot ? 1 : 0;
          continue;
        }
        if (digits >= 18) {
          overflow = true;
          continue;
        }
        mantissa = mantissa * 10 + (b - '0');
        digits++;
        scale -= dot ? 1 : 0;
      } else if (b == decimalPoint && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (p < end) {
      if ((b != 'e' && b != 'E') || (before == 0 && after == 0)) {
        return parseSpecial(data, start, end);
      }
      p++;
      boolean negativeExponent = false;
      if (p < end && (data.get(BYTE, p) == '-' || data.get(BYTE, p) == '+')) {
        negativeExponent = data.get(BYTE, p) == '-';
        p++;
      }
      if (p >= end) {
        return false;
      }
      long exponent = 0;
      for (; p < end; p++) {
        int digit = data.get(BYTE, p) - '0';
        if (digit < 0 || digit > 9) {
          return false;
        }
        exponent = Math.min(exponent * 10 + digit, 100_000);
      }
      scale += (int) (negativeExponent ? -exponent : exponent);
    } else if (before == 0 && after == 0) {
      return parseSpecial(data, start, end);
    }
    if (overflow) {
      return slowParse(data, start, end);
    }
    double value;
    if (mantissa == 0) {
      value = 0.0;
    } else if (mantissa < (1L << 53) && scale >= -22 && scale <= 22) {
      value = scale < 0 ? mantissa / POWERS[-scale] : mantissa * POWERS[scale];
    } else {
      return slowParse(data, start, end);
    }
    doubleValue = negative ? -value : value;
    return true;
  }

  private boolean slowParse(MemorySegment data, long start, long end) {
    String text = ascii(data, start, end);
    if (decimalPoint == ',') {
      text = text.replace(',', '.');
    }
    try {
      doubleValue = Double.parseDouble(text);
      return true;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }

  private boolean parseSpecial(MemorySegment data, long start, long end) {
    if (end - start > 9) {
      return false;
    }
    String text = ascii(data, start, end).toLowerCase(java.util.Locale.ROOT);
    boolean negative = text.startsWith("-");
    String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    switch (body) {
      case "nan" -> doubleValue = Double.NaN;
      case "inf", "infinity" ->
          doubleValue = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      default -> {
        return false;
      }
    }
    return true;
  }

  /** 1 for true, 0 for false (any case), -1 otherwise. */
  static int parseBoolean(MemorySegment data, long start, long end) {
    long length = end - start;
    if (length == 4 && matchesIgnoreCase(data, start, "true")) {
      return 1;
    }
    if (length == 5 && matchesIgnoreCase(data, start, "false")) {
      return 0;
    }
    return -1;
  }

  /** {@code yyyy-MM-dd}: days since the epoch in {@link #longValue}. */
  boolean parseDate(MemorySegment data, long start, long end) {
    long days = DateFields.date(data, start, end);
    longValue = days;
    return days != DateFields.INVALID;
  }

  /**
   * {@code yyyy-MM-dd[T ]HH:mm[:ss[.fffffffff]][Z]}: microseconds since the epoch in {@link
   * #longValue}, {@link #utc} set when it ended in 'Z'.
   */
  boolean parseDatetime(MemorySegment data, long start, long end) {
    long micros = DateFields.datetime(data, start, end);
    longValue = micros;
    utc = micros != DateFields.INVALID && data.get(BYTE, end - 1) == 'Z';
    return micros != DateFields.INVALID;
  }

  private static boolean matchesIgnoreCase(MemorySegment data, long start, String text) {
    for (int index = 0; index < text.length(); index++) {
      if ((data.get(BYTE, start + index) | 0x20) != text.charAt(index)) {
        return false;
      }
    }
    return true;
  }

  private static String ascii(MemorySegment data, long start, long end) {
    return new String(data.asSlice(start, end - start).toArray(BYTE), StandardCharsets.UTF_8);
  }
}
