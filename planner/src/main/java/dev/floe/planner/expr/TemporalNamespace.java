package dev.floe.planner.expr;

/**
 * The {@code dt} namespace of an expression: {@code col("t").dt().year()}. Fields of a zoned
 * datetime are those of its wall-clock time; durations are Polars duration strings
 * ({@code "1d12h"}, {@code "15m"}, {@code "1mo"}, {@code "-1w"}; units ns us ms s m h d w mo q y).
 */
public final class TemporalNamespace {
  private final Expr input;

  TemporalNamespace(Expr input) {
    this.input = input;
  }

  /** The expression this namespace applies to. */
  Expr input() {
    return input;
  }

  private Expr of(TemporalOp op, Object... arguments) {
    return TemporalFunction.of(op, input, arguments);
  }

  /** The year (i32) of a date or datetime. */
  public Expr year() { return of(TemporalOp.YEAR); }

  /** The month 1..12 (i8). */
  public Expr month() { return of(TemporalOp.MONTH); }

  /** The day of the month 1..31 (i8). */
  public Expr day() { return of(TemporalOp.DAY); }

  /** The hour 0..23 (i8) of a datetime or time. */
  public Expr hour() { return of(TemporalOp.HOUR); }

  /** The minute 0..59 (i8). */
  public Expr minute() { return of(TemporalOp.MINUTE); }

  /** The second 0..59 (i8). */
  public Expr second() { return of(TemporalOp.SECOND); }

  /** The milliseconds within the second (i32). */
  public Expr millisecond() { return of(TemporalOp.MILLISECOND); }

  /** The microseconds within the second (i32). */
  public Expr microsecond() { return of(TemporalOp.MICROSECOND); }

  /** The nanoseconds within the second (i32). */
  public Expr nanosecond() { return of(TemporalOp.NANOSECOND); }

  /** The ISO weekday, Monday 1 .. Sunday 7 (i8). */
  public Expr weekday() { return of(TemporalOp.WEEKDAY); }

  /** The day of the year 1..366 (i16). */
  public Expr ordinalDay() { return of(TemporalOp.ORDINAL_DAY); }

  /** The quarter 1..4 (i8). */
  public Expr quarter() { return of(TemporalOp.QUARTER); }

  /** The ISO week 1..53 (i8). */
  public Expr week() { return of(TemporalOp.WEEK); }

  /** The ISO week-numbering year (i32). */
  public Expr isoYear() { return of(TemporalOp.ISO_YEAR); }

  /** The century (i32): 2024 is in the 21st. */
  public Expr century() { return of(TemporalOp.CENTURY); }

  /** The millennium (i32): 2024 is in the 3rd. */
  public Expr millennium() { return of(TemporalOp.MILLENNIUM); }

  /** The number of days in the value's month (i8). */
  public Expr daysInMonth() { return of(TemporalOp.DAYS_IN_MONTH); }

  /** Whether the value's year is a leap year (bool). */
  public Expr isLeapYear() { return of(TemporalOp.IS_LEAP_YEAR); }

  /** The first day of the value's month, time of day kept. */
  public Expr monthStart() { return of(TemporalOp.MONTH_START); }

  /** The last day of the value's month, time of day kept. */
  public Expr monthEnd() { return of(TemporalOp.MONTH_END); }

  /** The date of a datetime (in its wall-clock time). */
  public Expr date() { return of(TemporalOp.DATE); }

  /** The time of day of a datetime. */
  public Expr time() { return of(TemporalOp.TIME); }

  /** Each value truncated to the start of its window of {@code every}. */
  public Expr truncate(String every) { return of(TemporalOp.TRUNCATE, every); }

  /** Each value rounded to a window of {@code every} (truncation of value + every/2). */
  public Expr round(String every) { return of(TemporalOp.ROUND, every); }

  /** Each value moved by {@code by} (months and years calendar-aware; may be negative). */
  public Expr offsetBy(String by) { return of(TemporalOp.OFFSET_BY, by); }

  /** Microseconds since the epoch (i64). */
  public Expr epoch() { return epoch("us"); }

  /** Time since the epoch in {@code unit}: "s", "ms", "us", "ns" (i64) or "d" (i32). */
  public Expr epoch(String unit) { return of(TemporalOp.EPOCH, unit); }

  /** Microseconds since the epoch (i64). */
  public Expr timestamp() { return timestamp("us"); }

  /** Time since the epoch in {@code unit}: "ms", "us" or "ns" (i64). */
  public Expr timestamp(String unit) { return of(TemporalOp.TIMESTAMP, unit); }

  /** The values formatted with chrono's directives ({@code %Y-%m-%d %H:%M:%S%.f %z}). */
  public Expr strftime(String format) { return of(TemporalOp.STRFTIME, format); }

  /** The same instants in time zone {@code timeZone} (IANA name). */
  public Expr convertTimeZone(String timeZone) {
    return of(TemporalOp.CONVERT_TIME_ZONE, timeZone);
  }

  /** The same wall-clock times in {@code timeZone} (null: naive); ambiguous/gap times raise. */
  public Expr replaceTimeZone(String timeZone) {
    return replaceTimeZone(timeZone, "raise", "raise");
  }

  /**
   * The same wall-clock times in {@code timeZone} (null: naive). {@code ambiguous}: "raise",
   * "earliest", "latest" or "null"; {@code nonExistent}: "raise" or "null".
   */
  public Expr replaceTimeZone(String timeZone, String ambiguous, String nonExistent) {
    return of(TemporalOp.REPLACE_TIME_ZONE, timeZone, ambiguous, nonExistent);
  }

  /** Whole days of a duration (i64, truncated toward zero). */
  public Expr totalDays() { return totalDays(false); }

  /** Days of a duration: whole (i64) or {@code fractional} (f64). */
  public Expr totalDays(boolean fractional) { return of(TemporalOp.TOTAL_DAYS, fractional); }

  /** Whole hours of a duration (i64, truncated toward zero). */
  public Expr totalHours() { return totalHours(false); }

  /** Hours of a duration: whole (i64) or {@code fractional} (f64). */
  public Expr totalHours(boolean fractional) { return of(TemporalOp.TOTAL_HOURS, fractional); }

  /** Whole minutes of a duration (i64, truncated toward zero). */
  public Expr totalMinutes() { return totalMinutes(false); }

  /** Minutes of a duration: whole (i64) or {@code fractional} (f64). */
  public Expr totalMinutes(boolean fractional) { return of(TemporalOp.TOTAL_MINUTES, fractional); }

  /** Whole seconds of a duration (i64, truncated toward zero). */
  public Expr totalSeconds() { return totalSeconds(false); }

  /** Seconds of a duration: whole (i64) or {@code fractional} (f64). */
  public Expr totalSeconds(boolean fractional) { return of(TemporalOp.TOTAL_SECONDS, fractional); }

  /** Whole milliseconds of a duration (i64, truncated toward zero). */
  public Expr totalMilliseconds() { return totalMilliseconds(false); }

  /** Milliseconds of a duration: whole (i64) or {@code fractional} (f64). */
  public Expr totalMilliseconds(boolean fractional) {
    return of(TemporalOp.TOTAL_MILLISECONDS, fractional);
  }

  /** Whole microseconds of a duration (i64, truncated toward zero). */
  public Expr totalMicroseconds() { return totalMicroseconds(false); }

  /** Microseconds of a duration: whole (i64) or {@code fractional} (f64). */
  public Expr totalMicroseconds(boolean fractional) {
    return of(TemporalOp.TOTAL_MICROSECONDS, fractional);
  }

  /** Whole nanoseconds of a duration (i64, truncated toward zero). */
  public Expr totalNanoseconds() { return totalNanoseconds(false); }

  /** Nanoseconds of a duration: whole (i64) or {@code fractional} (f64). */
  public Expr totalNanoseconds(boolean fractional) {
    return of(TemporalOp.TOTAL_NANOSECONDS, fractional);
  }
}
