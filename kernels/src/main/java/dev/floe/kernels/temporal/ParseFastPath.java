package dev.floe.kernels.temporal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Polars' own fixed-width parser, tried before chrono when a format has only {@code %Y %y %m
 * %d %b %H %M %S %3f %6f %9f} directives (after expanding {@code %D %R %T %F}): the value must
 * have exactly the format's width (a leading {@code -} for {@code %Y} aside), each field its
 * full width in digits; missing fields default to 0001-01-01 00:00:00 (so {@code %Y-%m} parses).
 * A value it rejects falls back to chrono.
 */
final class ParseFastPath {
  private final byte[] format;
  private final int width;

  private ParseFastPath(byte[] format, int width) {
    this.format = format;
    this.width = width;
  }

  /** The fast parser for {@code format}, or null when Polars would use chrono only. */
  static ParseFastPath of(String format) {
    String expanded = format.replace("%D", "%m/%d/%y").replace("%R", "%H:%M")
        .replace("%T", "%H:%M:%S").replace("%F", "%Y-%m-%d");
    byte[] bytes = expanded.getBytes(StandardCharsets.UTF_8);
    int width = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '%') {
        width++;
        continue;
      }
      if (++i >= bytes.length) {
        return null;
      }
      switch (bytes[i]) {
        case 'Y' -> width += 4;
        case 'y', 'd', 'm', 'H', 'M', 'S' -> width += 2;
        case 'b' -> width += 3;
        case '3', '6', '9' -> {
          if (i + 1 >= bytes.length || bytes[i + 1] != 'f') {
            return null;
          }
          width += bytes[i] - '0';
          i++;
        }
        default -> {
          return null;
        }
      }
    }
    return new ParseFastPath(bytes, width);
  }

  /** {@code [epochDay, nanosOfDay]} of {@code value}, or null when this parser rejects it. */
  long[] parse(String value) {
    byte[] val = value.getBytes(StandardCharsets.UTF_8);
    int offset = 0;
    boolean negative = false;
    if (val.length > 0 && val[0] == '-' && format.length >= 2 && format[0] == '%'
        && format[1] == 'Y') {
      offset = 1;
      negative = true;
    }
    if (val.length - offset != width) {
      return null;
    }
    long year = 1;
    long month = 1;
    long day = 1;
    long hour = 0;
    long minute = 0;
    long second = 0;
    long nano = 0;
    for (int i = 0; i < format.length; i++) {
      if (format[i] != '%') {
        if (val[offset++] != format[i]) {
          return null;
        }
        continue;
      }
      byte directive = format[++i];
      int digits = switch (directive) {
        case 'Y' -> 4;
        case '3', '6', '9' -> directive - '0';
        case 'b' -> 0;
        default -> 2;
      };
      if (directive == 'b') {
        month = monthAbbreviation(val, offset);
        if (month < 0) {
          return null;
        }
        offset += 3;
        continue;
      }
      long number = digits(val, offset, digits);
      if (number < 0) {
        return null;
      }
      offset += digits;
      switch (directive) {
        case 'Y' -> year = negative ? -number : number;
        case 'y' -> year = number < 70 ? 2000 + number : 1900 + number;
        case 'm' -> month = number;
        case 'd' -> day = number;
        case 'H' -> hour = number;
        case 'M' -> minute = number;
        case 'S' -> second = number;
        default -> {
          nano = number * (directive == '3' ? 1_000_000 : directive == '6' ? 1_000 : 1);
          i++;
        }
      }
    }
    if (month > 12 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    try {
      long epochDay = LocalDate.of((int) year, (int) month, (int) day).toEpochDay();
      return new long[] {epochDay, ((hour * 60 + minute) * 60 + second) * 1_000_000_000L + nano};
    } catch (DateTimeException invalid) {
      return null;
    }
  }

  private static long digits(byte[] val, int offset, int count) {
    long value = 0;
    for (int i = offset; i < offset + count; i++) {
      if (val[i] < '0' || val[i] > '9') {
        return -1;
      }
      value = value * 10 + (val[i] - '0');
    }
    return value;
  }

  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private static long monthAbbreviation(byte[] val, int offset) {
    String head = new String(val, offset, 3, StandardCharsets.ISO_8859_1);
    int index = MONTHS.indexOf(head);
    return index >= 0 && index % 3 == 0 ? index / 3 + 1 : -1;
  }
}
