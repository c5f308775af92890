package dev.floe.io.csv;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** ISO 8601 dates and datetimes in place, as Polars' {@code try_parse_dates} reads them. */
public final class DateFields {
  private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

  /** The result of a field that is not a date or datetime. */
  public static final long INVALID = Long.MIN_VALUE;

  private DateFields() {}

  /** {@code yyyy-MM-dd}: days since the epoch. */
  public static long date(MemorySegment data, long start, long end) {
    if (end - start != 10 || data.get(BYTE, start + 4) != '-' || data.get(BYTE, start + 7) != '-') {
      return INVALID;
    }
    int year = digits(data, start, 4);
    int month = digits(data, start + 5, 2);
    int day = digits(data, start + 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
      return INVALID;
    }
    if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return INVALID;
    }
    return java.time.LocalDate.of(year, month, day).toEpochDay();
  }

  /** {@code yyyy-MM-dd[T ]HH:mm[:ss[.fffffffff]][Z]}: microseconds since the epoch. */
  public static long datetime(MemorySegment data, long start, long end) {
    long days = end - start < 16 ? INVALID : date(data, start, start + 10);
    if (days == INVALID) {
      return INVALID;
    }
    byte t = data.get(BYTE, start + 10);
    if ((t != 'T' && t != ' ') || data.get(BYTE, start + 13) != ':') {
      return INVALID;
    }
    int hour = digits(data, start + 11, 2);
    int minute = digits(data, start + 14, 2);
    int second = 0;
    long micros = 0;
    long p = start + 16;
    if (p < end && data.get(BYTE, p) == ':') {
      second = p + 3 <= end ? digits(data, p + 1, 2) : -1;
      p += 3;
      if (p < end && data.get(BYTE, p) == '.') {
        p++;
        int count = 0;
        long fraction = 0;
        while (p < end && isDigit(data.get(BYTE, p)) && count < 9) {
          fraction = fraction * 10 + (data.get(BYTE, p) - '0');
          p++;
          count++;
        }
        if (count == 0) {
          return INVALID;
        }
        for (int index = count; index < 9; index++) {
          fraction *= 10;
        }
        micros = fraction / 1000;
      }
    }
    if (p == end - 1 && data.get(BYTE, p) == 'Z') {
      p++;
    }
    if (p != end || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return INVALID;
    }
    return ((days * 86_400 + hour * 3600L + minute * 60L + second) * 1_000_000L) + micros;
  }

  private static int digits(MemorySegment data, long start, int count) {
    int value = 0;
    for (int index = 0; index < count; index++) {
      int digit = data.get(BYTE, start + index) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }
}
