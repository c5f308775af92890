package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.planner.expr.Expr;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dt function and option against Polars on hand-picked edge values: the DST gaps and
 * overlaps of Europe/Amsterdam and America/New_York, leap days and month ends, instants before
 * 1970 and near 2100, negative and sub-second durations, nulls.
 */
@LeakChecked
class TemporalEdgeCasesTest {
  @TempDir Path directory;

  private static final List<Instant> INSTANTS = Arrays.asList(
      Instant.parse("2024-10-27T00:30:00Z"), Instant.parse("2024-10-27T01:30:00Z"),
      Instant.parse("2024-10-27T00:59:59.999Z"), Instant.parse("2024-03-31T00:59:59.999Z"),
      Instant.parse("2024-03-31T01:00:00Z"), Instant.parse("2024-11-03T05:30:00Z"),
      Instant.parse("2024-11-03T06:30:00Z"), Instant.parse("2024-03-10T06:59:59Z"),
      Instant.parse("1969-12-31T23:59:59.999Z"), Instant.parse("1930-06-15T12:00:00Z"),
      Instant.parse("2099-12-31T23:30:00Z"), null);
  private static final List<LocalDate> DATES = Arrays.asList(
      LocalDate.of(2024, 2, 29), LocalDate.of(2023, 2, 28), LocalDate.of(2024, 3, 31),
      LocalDate.of(1969, 12, 31), LocalDate.of(1900, 2, 28), LocalDate.of(2000, 2, 29),
      LocalDate.of(2024, 12, 31), LocalDate.of(2021, 1, 3), LocalDate.of(1970, 1, 1),
      LocalDate.of(1932, 10, 31), LocalDate.of(2100, 3, 1), null);
  private static final List<LocalDateTime> WALL = Arrays.asList(
      LocalDateTime.of(2024, 10, 27, 2, 30), LocalDateTime.of(2024, 3, 31, 2, 30),
      LocalDateTime.of(2024, 11, 3, 1, 30), LocalDateTime.of(2024, 3, 10, 2, 30),
      LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 1000),
      LocalDateTime.of(1900, 1, 1, 0, 0), LocalDateTime.of(2024, 1, 31, 12, 0),
      LocalDateTime.of(2024, 1, 16, 12, 0), LocalDateTime.of(2024, 1, 17, 0, 0),
      LocalDateTime.of(2099, 6, 30, 12, 0), null);
  private static final List<Duration> DURATIONS = Arrays.asList(
      Duration.ofHours(-1).plusNanos(1000), Duration.ofNanos(-7000), Duration.ofDays(400),
      Duration.ofMinutes(-90), Duration.ZERO, Duration.ofNanos(1000), Duration.ofDays(-1),
      Duration.ofHours(36), Duration.ofSeconds(-59), Duration.ofMillis(1500), Duration.ofDays(3650), null);

  @Test
  void everyFunctionOnEdgeValues() throws Exception {
    PolarsCases cases = new PolarsCases(directory);
    int frame = cases.frame(List.of(
        new PolarsCases.TestColumn("tz", new DataType.Timestamp(TimeUnit.MILLISECOND, "Europe/Amsterdam"),
            "pl.Datetime(\"ms\", \"Europe/Amsterdam\")", INSTANTS),
        new PolarsCases.TestColumn("ny", new DataType.Timestamp(TimeUnit.MICROSECOND, "America/New_York"),
            "pl.Datetime(\"us\", \"America/New_York\")", INSTANTS),
        new PolarsCases.TestColumn("d", DataType.DATE32, "pl.Date", DATES),
        new PolarsCases.TestColumn("t", new DataType.Timestamp(TimeUnit.MICROSECOND, null),
            "pl.Datetime(\"us\")", WALL),
        new PolarsCases.TestColumn("tn", new DataType.Timestamp(TimeUnit.NANOSECOND, null),
            "pl.Datetime(\"ns\")", WALL),
        new PolarsCases.TestColumn("du", new DataType.Duration(TimeUnit.MICROSECOND),
            "pl.Duration(\"us\")", DURATIONS)));
    List<String> inputs = List.of("tz", "ny", "d", "t", "tn");
    List<String> everies = new ArrayList<>(TemporalGen.EVERY);
    everies.addAll(List.of("0d", "-1d", "1mo1d", "25h"));
    for (String name : inputs) {
      // Polars 1.44.2 panics on round("0d") and on rounding to less than the column's unit
      // ("3ns" on μs): those rounds only where it does not
      List<String> windows = new ArrayList<>(everies);
      windows.addAll(List.of("3ns", "1ns"));
      for (String every : windows) {
        add(cases, frame, col(name).dt().truncate(every), name, ".dt.truncate(\"" + every + "\")");
        if (!every.equals("0d") && (name.equals("tn") || !every.endsWith("ns"))) {
          add(cases, frame, col(name).dt().round(every), name, ".dt.round(\"" + every + "\")");
        }
      }
      for (String by : TemporalGen.OFFSETS) {
        add(cases, frame, col(name).dt().offsetBy(by), name, ".dt.offset_by(\"" + by + "\")");
      }
      List<String> formats = new ArrayList<>(name.equals("d") ? TemporalGen.DATE_FORMATS : TemporalGen.FORMATS);
      if (name.equals("tz") || name.equals("ny")) {
        formats.addAll(TemporalGen.ZONED_FORMATS);
      }
      if (name.equals("ny")) {
        formats.add("%Z"); // java.time lacks the historical abbreviations of Amsterdam (1930: WEST)
      }
      for (String format : formats) {
        add(cases, frame, col(name).dt().strftime(format), name,
            ".dt.strftime(" + PolarsCases.pyString(format) + ")");
      }
      for (String unit : List.of("s", "ms", "us", "ns", "d")) {
        add(cases, frame, col(name).dt().epoch(unit), name, ".dt.epoch(\"" + unit + "\")");
      }
      add(cases, frame, col(name).dt().weekday(), name, ".dt.weekday()");
      add(cases, frame, col(name).dt().century(), name, ".dt.century()");
      add(cases, frame, col(name).dt().millennium(), name, ".dt.millennium()");
      add(cases, frame, col(name).dt().daysInMonth(), name, ".dt.days_in_month()");
      add(cases, frame, col(name).dt().isLeapYear(), name, ".dt.is_leap_year()");
      add(cases, frame, col(name).dt().monthStart(), name, ".dt.month_start()");
      add(cases, frame, col(name).dt().monthEnd(), name, ".dt.month_end()");
      add(cases, frame, col(name).dt().week(), name, ".dt.week()");
      add(cases, frame, col(name).dt().isoYear(), name, ".dt.iso_year()");
      add(cases, frame, col(name).dt().hour(), name, ".dt.hour()");
      add(cases, frame, col(name).dt().date(), name, ".dt.date()");
      add(cases, frame, col(name).dt().time(), name, ".dt.time()");
    }
    for (String zone : List.of("Europe/Amsterdam", "America/New_York")) {
      for (String ambiguous : List.of("raise", "earliest", "latest", "null")) {
        for (String nonExistent : List.of("raise", "null")) {
          add(cases, frame, col("t").dt().replaceTimeZone(zone, ambiguous, nonExistent), "t",
              ".dt.replace_time_zone(\"" + zone + "\", ambiguous=\"" + ambiguous
                  + "\", non_existent=\"" + nonExistent + "\")");
        }
      }
      add(cases, frame, col("tz").dt().convertTimeZone(zone).dt().hour(), "tz",
          ".dt.convert_time_zone(\"" + zone + "\").dt.hour()");
    }
    String[] totals = {"Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Microseconds", "Nanoseconds"};
    for (String total : totals) {
      for (boolean fractional : List.of(false, true)) {
        Expr expr = switch (total) {
          case "Days" -> col("du").dt().totalDays(fractional);
          case "Hours" -> col("du").dt().totalHours(fractional);
          case "Minutes" -> col("du").dt().totalMinutes(fractional);
          case "Seconds" -> col("du").dt().totalSeconds(fractional);
          case "Milliseconds" -> col("du").dt().totalMilliseconds(fractional);
          case "Microseconds" -> col("du").dt().totalMicroseconds(fractional);
          default -> col("du").dt().totalNanoseconds(fractional);
        };
        add(cases, frame, expr, "du", ".dt.total_" + total.toLowerCase(java.util.Locale.ROOT)
            + "(fractional=" + (fractional ? "True" : "False") + ")");
      }
    }
    addArithmetic(cases, frame);
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  private static void addArithmetic(PolarsCases cases, int frame) {
    cases.add(frame, col("t").sub(col("tn")), "pl.col(\"t\") - pl.col(\"tn\")");
    cases.add(frame, col("t").sub(col("d")), "pl.col(\"t\") - pl.col(\"d\")");
    cases.add(frame, col("d").sub(col("t")), "pl.col(\"d\") - pl.col(\"t\")");
    cases.add(frame, col("d").sub(col("d").dt().offsetBy("-1mo")), "pl.col(\"d\") - pl.col(\"d\").dt.offset_by(\"-1mo\")");
    cases.add(frame, col("tz").sub(col("tz").dt().truncate("1d")), "pl.col(\"tz\") - pl.col(\"tz\").dt.truncate(\"1d\")");
    cases.add(frame, col("tz").add(col("du")), "pl.col(\"tz\") + pl.col(\"du\")");
    cases.add(frame, col("du").add(col("tn")), "pl.col(\"du\") + pl.col(\"tn\")");
    cases.add(frame, col("d").add(col("du")), "pl.col(\"d\") + pl.col(\"du\")");
    cases.add(frame, col("d").sub(col("du")), "pl.col(\"d\") - pl.col(\"du\")");
    cases.add(frame, col("du").mul(3), "pl.col(\"du\") * 3");
    cases.add(frame, col("du").mul(-2.5), "pl.col(\"du\") * -2.5");
    cases.add(frame, col("du").div(2), "pl.col(\"du\") / 2");
    cases.add(frame, col("du").div(0), "pl.col(\"du\") / 0");
    cases.add(frame, col("du").div(-1.5), "pl.col(\"du\") / -1.5");
    cases.add(frame, col("du").div(col("du")), "pl.col(\"du\") / pl.col(\"du\")");
    cases.add(frame, col("du").gt(Duration.ofMinutes(-1)), "pl.col(\"du\") > dt.timedelta(minutes=-1)");
    cases.add(frame, col("t").ge(LocalDate.of(2024, 1, 17)), "pl.col(\"t\") >= dt.date(2024, 1, 17)");
    cases.add(frame, col("tn").lt(LocalDateTime.of(2000, 1, 1, 0, 0)), "pl.col(\"tn\") < dt.datetime(2000, 1, 1)");
    cases.add(frame, col("d").eq(LocalDate.of(2024, 2, 29)), "pl.col(\"d\") == dt.date(2024, 2, 29)");
    cases.add(frame, col("t").gt(col("d")), "pl.col(\"t\") > pl.col(\"d\")");
    cases.add(frame, col("tz").le(col("tz").dt().offsetBy("1h")), "pl.col(\"tz\") <= pl.col(\"tz\").dt.offset_by(\"1h\")");
    cases.add(frame, col("t").add(Duration.ofMinutes(90)), "pl.col(\"t\") + dt.timedelta(minutes=90)");
    cases.add(frame, col("tn").sub(LocalDateTime.of(2000, 1, 1, 0, 0)), "pl.col(\"tn\") - dt.datetime(2000, 1, 1)");
    cases.add(frame, lit(LocalDate.of(2024, 3, 1)).sub(col("d")), "pl.lit(dt.date(2024, 3, 1)) - pl.col(\"d\")");
    cases.add(frame, col("d").sub(Duration.ofHours(1)), "pl.col(\"d\") - dt.timedelta(hours=1)");
    cases.add(frame, lit(LocalDate.of(2024, 2, 29)).dt().offsetBy("1y"), "pl.lit(dt.date(2024, 2, 29)).dt.offset_by(\"1y\")");
    cases.add(frame, lit(LocalDateTime.of(2024, 2, 29, 12, 0)).dt().strftime("%c"), "pl.lit(dt.datetime(2024, 2, 29, 12)).dt.strftime(\"%c\")");
    cases.add(frame, col("d").gt(20_000), "pl.col(\"d\") > 20000");
    cases.add(frame, col("du").le(0), "pl.col(\"du\") <= 0");
    cases.add(frame, col("t").eqMissing(col("tn")), "pl.col(\"t\").eq_missing(pl.col(\"tn\"))");
  }

  private static void add(PolarsCases cases, int frame, Expr expr, String column, String python) {
    cases.add(frame, expr, "pl.col(\"" + column + "\")" + python);
  }
}
