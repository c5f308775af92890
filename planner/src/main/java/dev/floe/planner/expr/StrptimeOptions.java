package dev.floe.planner.expr;

import dev.floe.memory.types.TimeUnit;

/**
 * The keyword arguments of {@code str().strptime/toDate/toTime/toDatetime}, as an immutable record
 * with withers: {@code StrptimeOptions.DEFAULT.withFormat("%Y-%m-%d %H:%M").withStrict(false)}.
 *
 * @param format chrono format; null infers it from the data as Polars does
 * @param strict a value that does not parse raises (else it becomes null)
 * @param exact the format must match the whole string (else it may match anywhere; dates and
 *     datetimes only, as in Polars)
 * @param timeUnit datetimes only; null follows Polars: ns for a format with {@code %.9f} or
 *     {@code %9f}, ms with {@code %.3f} or {@code %3f}, else us
 * @param timeZone datetimes only: wall times are localized to it; with an offset ({@code %z}) in
 *     the format the values are UTC instants shown in this zone (or UTC)
 */
public record StrptimeOptions(
    String format, boolean strict, boolean exact, TimeUnit timeUnit, String timeZone) {
  /** Inferred format, strict, exact, unit from the format, no time zone. */
  public static final StrptimeOptions DEFAULT = new StrptimeOptions(null, true, true, null, null);

  public StrptimeOptions withFormat(String newFormat) {
    return new StrptimeOptions(newFormat, strict, exact, timeUnit, timeZone);
  }

  public StrptimeOptions withStrict(boolean newStrict) {
    return new StrptimeOptions(format, newStrict, exact, timeUnit, timeZone);
  }

  public StrptimeOptions withExact(boolean newExact) {
    return new StrptimeOptions(format, strict, newExact, timeUnit, timeZone);
  }

  public StrptimeOptions withTimeUnit(TimeUnit newTimeUnit) {
    return new StrptimeOptions(format, strict, exact, newTimeUnit, timeZone);
  }

  public StrptimeOptions withTimeZone(String newTimeZone) {
    return new StrptimeOptions(format, strict, exact, timeUnit, newTimeZone);
  }

  /** The datetime unit: {@link #timeUnit} or the one Polars derives from the format. */
  TimeUnit resolvedTimeUnit() {
    if (timeUnit != null) {
      return timeUnit;
    }
    if (format != null && (format.contains("%.9f") || format.contains("%9f"))) {
      return TimeUnit.NANOSECOND;
    }
    if (format != null && (format.contains("%.3f") || format.contains("%3f"))) {
      return TimeUnit.MILLISECOND;
    }
    return TimeUnit.MICROSECOND;
  }
}
