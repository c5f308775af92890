package dev.floe.io.csv;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** ISO 8601 dates and datetimes in place, as Polars' {@code try_parse_dates} reads them. */
public final class DateFields {
  private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;
  private static final ValueLayout.OfLong WORD =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfChar PAIR =
      ValueLayout.JAVA_CHAR_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);

  /** The result of a field that is not a date or datetime. */
  public static final long INVALID = Long.MIN_VALUE;

  /**
   * The first day (days since the epoch) and the length of each month of the years {@link
   * #FIRST_YEAR} to {@code FIRST_YEAR + YEARS - 1}: a date there costs two table loads instead of
   * {@link #daysFromCivil}'s divisions (the usual lookup-table shortcut of date parsers).
   */
  private static final int FIRST_YEAR = 1900;
  private static final int YEARS = 256;
  private static final int[] MONTH_STARTS = new int[YEARS * 12];
  private static final byte[] MONTH_LENGTHS = new byte[YEARS * 12];

  static {
    for (int year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
      for (int month = 1; month <= 12; month++) {
        int index = (year - FIRST_YEAR) * 12 + month - 1;
        MONTH_STARTS[index] = (int) daysFromCivil(year, month, 1);
        MONTH_LENGTHS[index] = (byte) daysInMonth(year, month);
      }
    }
  }

  private DateFields() {}

  /**
   * {@code yyyy-MM-dd}: days since the epoch (proleptic Gregorian, as {@code LocalDate}). The eight
   * bytes {@code yyyy-MM-d} are checked as one little-endian word with the SWAR digit test (Lemire,
   * "SWAR explained: parsing eight digits", 2022), the days come from H. Hinnant's {@code
   * days_from_civil} (http://howardhinnant.github.io/date_algorithms.html), without {@code java.time}.
   */
  public static long date(MemorySegment data, long start, long end) {
    if (end - start != 10) {
      return INVALID;
    }
    long word = data.get(WORD, start);
    int tail = data.get(PAIR, start + 8);
    // bytes 4 and 7 are the '-': put a '0' there, so that the digit test covers the whole word
    if ((word & 0xFF0000FF00000000L) != 0x2D00002D00000000L) {
      return INVALID;
    }
    word ^= 0x1D00001D00000000L;
    int d8 = (tail & 0xFF) - '0';
    int d9 = (tail >>> 8) - '0';
    if (!allDigits(word) || d8 < 0 || d8 > 9 || d9 < 0 || d9 > 9) {
      return INVALID;
    }
    long values = word - 0x3030303030303030L;
    int year = (int) (values & 0xFF) * 1000 + (int) ((values >>> 8) & 0xFF) * 100
        + (int) ((values >>> 16) & 0xFF) * 10 + (int) ((values >>> 24) & 0xFF);
    int month = (int) ((values >>> 40) & 0xFF) * 10 + (int) ((values >>> 48) & 0xFF);
    int day = d8 * 10 + d9;
    int index = (year - FIRST_YEAR) * 12 + month - 1;
    if (year >= FIRST_YEAR && year < FIRST_YEAR + YEARS && month >= 1 && month <= 12) {
      return day < 1 || day > MONTH_LENGTHS[index] ? INVALID : MONTH_STARTS[index] + day - 1;
    }
    return dateOutsideTable(year, month, day);
  }

  /** {@link #date} for the years the month tables do not cover (kept out of the hot method). */
  private static long dateOutsideTable(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      return INVALID;
    }
    return daysFromCivil(year, month, day);
  }

  /** True when all eight bytes of the word are ASCII digits. */
  private static boolean allDigits(long word) {
    return ((word & 0xF0F0F0F0F0F0F0F0L)
        | (((word + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4)) == 0x3333333333333333L;
  }

  private static int daysInMonth(int year, int month) {
    if (month == 2) {
      return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
    }
    return 30 + ((month + (month >>> 3)) & 1);
  }

  /** Days since 1970-01-01 of a valid proleptic Gregorian date (Hinnant's days_from_civil). */
  static long daysFromCivil(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468L;
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
