package dev.floe.planner.expr;

/**
 * The dt functions. {@link #ARITHMETIC} is internal: the planner lowers temporal arithmetic
 * ({@code col("t") - col("t2")}, {@code col("d") + duration}) to it, with the operation's kind and
 * result type as arguments.
 */
public enum TemporalOp {
  YEAR("year"),
  MONTH("month"),
  DAY("day"),
  HOUR("hour"),
  MINUTE("minute"),
  SECOND("second"),
  MILLISECOND("millisecond"),
  MICROSECOND("microsecond"),
  NANOSECOND("nanosecond"),
  WEEKDAY("weekday"),
  ORDINAL_DAY("ordinalDay"),
  QUARTER("quarter"),
  WEEK("week"),
  ISO_YEAR("isoYear"),
  CENTURY("century"),
  MILLENNIUM("millennium"),
  DAYS_IN_MONTH("daysInMonth"),
  IS_LEAP_YEAR("isLeapYear"),
  DATE("date"),
  TIME("time"),
  TRUNCATE("truncate"),
  ROUND("round"),
  OFFSET_BY("offsetBy"),
  MONTH_START("monthStart"),
  MONTH_END("monthEnd"),
  EPOCH("epoch"),
  TIMESTAMP("timestamp"),
  STRFTIME("strftime"),
  CONVERT_TIME_ZONE("convertTimeZone"),
  REPLACE_TIME_ZONE("replaceTimeZone"),
  TOTAL_DAYS("totalDays"),
  TOTAL_HOURS("totalHours"),
  TOTAL_MINUTES("totalMinutes"),
  TOTAL_SECONDS("totalSeconds"),
  TOTAL_MILLISECONDS("totalMilliseconds"),
  TOTAL_MICROSECONDS("totalMicroseconds"),
  TOTAL_NANOSECONDS("totalNanoseconds"),
  ARITHMETIC("arithmetic");

  private final String method;

  TemporalOp(String method) {
    this.method = method;
  }

  /** The Java method name, used when printing. */
  public String method() {
    return method;
  }

  /** True for the calendar and clock fields (year ... time). */
  public boolean isField() {
    return ordinal() <= TIME.ordinal();
  }

  /** True for the calendar fields of a date (year ... isLeapYear, date). */
  public boolean isCalendarField() {
    return ordinal() <= DATE.ordinal() && !isClockField();
  }

  /** True for the clock fields of a time (hour ... nanosecond, time). */
  public boolean isClockField() {
    return (ordinal() >= HOUR.ordinal() && ordinal() <= NANOSECOND.ordinal()) || this == TIME;
  }

  /** True for the duration totals (totalDays ... totalNanoseconds). */
  public boolean isTotal() {
    return ordinal() >= TOTAL_DAYS.ordinal() && ordinal() <= TOTAL_NANOSECONDS.ordinal();
  }
}
