package dev.floe.kernels.temporal;

/**
 * Parses one value with one format the way Polars' strptime does, into a date (epoch days) or a
 * date-time ({@code [epochSecond, nanoOfSecond]}, local, or UTC when the format has an offset):
 * Polars' fast path first (exact, offset-free formats), then chrono over the whole string, or
 * with {@code exact=false} from each character on, allowing a remainder. A date-time format that
 * yields only a date gives midnight (chrono's date fallback in Polars).
 */
final class ParseRow {
  private final ChronoParser parser = new ChronoParser();

  /** Epoch day of {@code value}, or {@link ChronoParsed#NONE}. */
  long date(String value, ChronoFormat format, ParseFastPath fast, boolean exact) {
    if (fast != null && exact) {
      long[] parsed = fast.parse(value);
      if (parsed != null) {
        return parsed[0];
      }
    }
    if (exact) {
      return parser.parse(value, format) ? parser.parsed().toEpochDay() : ChronoParsed.NONE;
    }
    for (int start = 0; start < value.length(); start = next(value, start)) {
      if (parser.parsePrefix(value, start, format) >= 0) {
        long day = parser.parsed().toEpochDay();
        if (day != ChronoParsed.NONE) {
          return day;
        }
      }
    }
    return ChronoParsed.NONE;
  }

  /**
   * {@code [epochSecond, nanoOfSecond]} of {@code value} (UTC when {@code zoned}: the parsed
   * offset is subtracted and required), or null.
   */
  long[] dateTime(
      String value, ChronoFormat format, ParseFastPath fast, boolean exact, boolean zoned) {
    if (fast != null && exact && !zoned) {
      long[] parsed = fast.parse(value);
      if (parsed != null) {
        long seconds = parsed[1] / 1_000_000_000L;
        return new long[] {parsed[0] * 86_400 + seconds, parsed[1] - seconds * 1_000_000_000L};
      }
    }
    if (exact) {
      return parser.parse(value, format) ? resolve(zoned) : null;
    }
    for (int start = 0; start < value.length(); start = next(value, start)) {
      if (parser.parsePrefix(value, start, format) >= 0) {
        long[] result = resolve(zoned);
        if (result != null) {
          return result;
        }
      }
    }
    return null;
  }

  private long[] resolve(boolean zoned) {
    ChronoParsed parsed = parser.parsed();
    long[] local = parsed.toEpochSecondAndNanos();
    if (zoned) {
      if (local == null || parsed.offsetSeconds == ChronoParsed.NONE) {
        return null;
      }
      local[0] -= parsed.offsetSeconds;
      return local;
    }
    if (local != null) {
      return local;
    }
    long day = parsed.toEpochDay();
    return day == ChronoParsed.NONE ? null : new long[] {day * 86_400, 0};
  }

  private static int next(String value, int index) {
    return index + Character.charCount(value.codePointAt(index));
  }
}
