package dev.floe.kernels.temporal;

import dev.floe.errors.InvalidOperationException;

/**
 * A Polars duration string such as {@code "1d12h"}, {@code "-1mo"} or {@code "500us"}: integers
 * each followed by a unit ({@code ns us ms s m h d w mo q y}), with at most one minus sign, at the
 * front. Calendar parts are kept apart as Polars keeps them: months (a quarter is 3, a year 12),
 * weeks, days, and the fixed part in nanoseconds. All parts are non-negative; {@code negative}
 * applies to the whole duration.
 *
 * @param text the string as given
 * @param months calendar months
 * @param weeks calendar weeks
 * @param days calendar days
 * @param nanos the fixed part (hours and smaller) in nanoseconds
 * @param negative whether the string started with a minus sign
 */
public record DurationString(
    String text, long months, long weeks, long days, long nanos, boolean negative) {

  private static final String UNITS = "'y', 'mo', 'q', 'w', 'd', 'h', 'm', 's', 'ms', 'us', 'ns'";
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  /**
   * Parses {@code text}.
   *
   * @throws InvalidOperationException naming the string and the valid units when it is malformed
   */
  public static DurationString parse(String text) {
    if (text == null || text.isEmpty()) {
      throw invalid(text, "a duration string must not be empty; valid units are " + UNITS);
    }
    boolean negative = text.charAt(0) == '-';
    if (text.indexOf('-', 1) >= 0) {
      throw invalid(text, "only a single minus sign is allowed, at the front of the string");
    }
    long months = 0;
    long weeks = 0;
    long days = 0;
    long nanos = 0;
    int position = negative ? 1 : 0;
    if (position == text.length()) {
      throw invalid(text, "expected an integer and a unit; valid units are " + UNITS);
    }
    try {
      while (position < text.length()) {
        int digits = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
          position++;
        }
        if (digits == position) {
          throw invalid(text, "expected an integer before each unit; valid units are " + UNITS);
        }
        long amount = Long.parseLong(text.substring(digits, position));
        int unitStart = position;
        while (position < text.length() && !Character.isDigit(text.charAt(position))) {
          position++;
        }
        String unit = text.substring(unitStart, position);
        switch (unit) {
          case "ns" -> nanos = Math.addExact(nanos, amount);
          case "us", "µs" -> nanos = Math.addExact(nanos, Math.multiplyExact(amount, 1_000L));
          case "ms" -> nanos = Math.addExact(nanos, Math.multiplyExact(amount, 1_000_000L));
          case "s" -> nanos = Math.addExact(nanos, Math.multiplyExact(amount, 1_000_000_000L));
          case "m" -> nanos = Math.addExact(nanos, Math.multiplyExact(amount, 60_000_000_000L));
          case "h" -> nanos = Math.addExact(nanos, Math.multiplyExact(amount, 3_600_000_000_000L));
          case "d" -> days = Math.addExact(days, amount);
          case "w" -> weeks = Math.addExact(weeks, amount);
          case "mo" -> months = Math.addExact(months, amount);
          case "q" -> months = Math.addExact(months, Math.multiplyExact(amount, 3L));
          case "y" -> months = Math.addExact(months, Math.multiplyExact(amount, 12L));
          case "" -> throw invalid(text, "expected a unit after " + amount + "; valid units are " + UNITS);
          default -> throw invalid(text, "unit '" + unit + "' not supported; valid units are " + UNITS);
        }
      }
    } catch (NumberFormatException | ArithmeticException tooLarge) {
      throw invalid(text, "the duration is too large");
    }
    return new DurationString(text, months, weeks, days, nanos, negative);
  }

  private static InvalidOperationException invalid(String text, String reason) {
    return new InvalidOperationException("invalid duration string \"" + text + "\": " + reason);
  }

  /** True when every part is zero. */
  public boolean isZero() {
    return months == 0 && weeks == 0 && days == 0 && nanos == 0;
  }

  /** +1, or -1 for a negative duration. */
  public long sign() {
    return negative ? -1 : 1;
  }

  /**
   * Polars' fixed-length approximation of the whole duration (a month as 28 days), in
   * {@code nanosPerUnit}-nanosecond units, without the sign: the half of it is what rounding adds.
   */
  public long approximate(long nanosPerUnit) {
    long perDay = NANOS_PER_DAY / nanosPerUnit;
    return months * 28 * perDay + weeks * 7 * perDay + days * perDay + nanos / nanosPerUnit;
  }
}
