package dev.floe.kernels.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ComputeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.ColumnAssertions;
import dev.floe.testkit.LeakChecked;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The temporal kernels on edge cases: before 1970, leap days, the DST gaps and overlaps of
 * Europe/Amsterdam and America/New_York, negative durations, nulls, and sliced inputs. Expected
 * instants are what Polars 1.44.2 returned for the same input.
 */
@LeakChecked
class TemporalKernelsTest {
  private static final DataType.Timestamp AMSTERDAM =
      new DataType.Timestamp(TimeUnit.MICROSECOND, "Europe/Amsterdam");
  private static final DataType.Timestamp NEW_YORK =
      new DataType.Timestamp(TimeUnit.MICROSECOND, "America/New_York");
  private static final DataType.Timestamp NAIVE = new DataType.Timestamp(TimeUnit.MICROSECOND, null);

  private static BufferAllocator a() {
    return BufferAllocator.current();
  }

  private static Column column(DataType type, Object... values) {
    return JavaValues.toColumn(a(), type, Arrays.asList(values));
  }

  /** Physical values (null for nulls). */
  private static List<Long> physical(Column column) {
    FixedWidthColumn fixed = (FixedWidthColumn) column;
    List<Long> values = new ArrayList<>();
    for (int row = 0; row < fixed.length(); row++) {
      values.add(fixed.isNull(row) ? null : TemporalColumns.read(fixed, row));
    }
    return values;
  }

  private static long micros(String instant) {
    return Instant.parse(instant).toEpochMilli() * 1000;
  }

  @Test
  void fieldsBefore1970AndOnLeapDays() {
    try (Column dates = column(DataType.DATE32,
            LocalDate.of(1900, 2, 28), LocalDate.of(1969, 12, 31), null, LocalDate.of(2024, 2, 29));
        Column year = TemporalFields.field(dates, TemporalFields.Field.YEAR, a());
        Column ordinal = TemporalFields.field(dates, TemporalFields.Field.ORDINAL_DAY, a());
        Column week = TemporalFields.field(dates, TemporalFields.Field.WEEK, a());
        Column isoYear = TemporalFields.field(dates, TemporalFields.Field.ISO_YEAR, a())) {
      ColumnAssertions.assertColumnEquals(year, Arrays.asList(1900, 1969, null, 2024));
      ColumnAssertions.assertColumnEquals(ordinal, Arrays.asList((short) 59, (short) 365, null, (short) 60));
      ColumnAssertions.assertColumnEquals(week, Arrays.asList((byte) 9, (byte) 1, null, (byte) 9));
      ColumnAssertions.assertColumnEquals(isoYear, Arrays.asList(1900, 1970, null, 2024));
    }
    try (Column times = column(NAIVE, LocalDateTime.of(1969, 12, 31, 23, 59, 59, 500_001_000));
        Column second = TemporalFields.field(times, TemporalFields.Field.SECOND, a());
        Column micro = TemporalFields.field(times, TemporalFields.Field.MICROSECOND, a())) {
      ColumnAssertions.assertColumnEquals(second, List.of((byte) 59));
      ColumnAssertions.assertColumnEquals(micro, List.of(500_001));
    }
  }

  @Test
  void zonedFieldsUseTheWallClock() {
    try (Column zoned = column(AMSTERDAM, Instant.parse("2024-10-27T00:30:00Z"),
            Instant.parse("2024-10-27T01:30:00Z"));
        Column hour = TemporalFields.field(zoned, TemporalFields.Field.HOUR, a())) {
      ColumnAssertions.assertColumnEquals(hour, List.of((byte) 2, (byte) 2));
    }
  }

  @Test
  void truncationInAnOverlapKeepsTheOffset() {
    try (Column zoned = column(AMSTERDAM, Instant.parse("2024-10-27T00:30:00Z"),
            Instant.parse("2024-10-27T01:30:00Z"), Instant.parse("2024-03-30T01:30:00Z"));
        Column hour = Truncation.truncate(zoned, "1h", a());
        Column day = Truncation.truncate(zoned, "1d", a());
        Column rounded = Truncation.round(zoned, "1h", a())) {
      assertThat(physical(hour)).containsExactly(
          micros("2024-10-27T00:00:00Z"), micros("2024-10-27T01:00:00Z"), micros("2024-03-30T01:00:00Z"));
      assertThat(physical(day)).containsExactly(
          micros("2024-10-26T22:00:00Z"), micros("2024-10-26T22:00:00Z"), micros("2024-03-29T23:00:00Z"));
      assertThat(physical(rounded)).containsExactly(
          micros("2024-10-27T01:00:00Z"), micros("2024-10-27T02:00:00Z"), micros("2024-03-30T02:00:00Z"));
    }
  }

  @Test
  void offsetsAcrossDstAndMonthEnds() {
    try (Column zoned = column(AMSTERDAM, Instant.parse("2024-10-27T00:30:00Z"),
            Instant.parse("2024-10-26T00:30:00Z"), Instant.parse("2024-03-30T01:30:00Z"));
        Column day = Offsets.offsetBy(zoned, "1d", a())) {
      assertThat(physical(day)).containsExactly(
          micros("2024-10-28T01:30:00Z"), micros("2024-10-27T00:30:00Z"), micros("2024-03-31T00:30:00Z"));
    }
    try (Column dates = column(DataType.DATE32, LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31),
            LocalDate.of(1900, 1, 1));
        Column year = Offsets.offsetBy(dates, "1y", a());
        Column back = Offsets.offsetBy(dates, "-1mo", a())) {
      ColumnAssertions.assertColumnEquals(year, List.of(
          LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 31), LocalDate.of(1901, 1, 1)));
      ColumnAssertions.assertColumnEquals(back, List.of(
          LocalDate.of(2024, 1, 29), LocalDate.of(2024, 2, 29), LocalDate.of(1899, 12, 1)));
    }
  }

  @Test
  void replacingTheZoneResolvesAmbiguousAndMissingTimes() {
    LocalDateTime overlap = LocalDateTime.of(2024, 11, 3, 1, 30);
    LocalDateTime gap = LocalDateTime.of(2024, 3, 10, 2, 30);
    try (Column naive = column(NAIVE, overlap, null);
        Column earliest = TimeZones.replace(naive, "America/New_York", "earliest", "raise", a());
        Column latest = TimeZones.replace(naive, "America/New_York", "latest", "raise", a());
        Column none = TimeZones.replace(naive, "America/New_York", "null", "raise", a())) {
      assertThat(earliest.type()).isEqualTo(NEW_YORK);
      assertThat(physical(earliest)).containsExactly(micros("2024-11-03T05:30:00Z"), null);
      assertThat(physical(latest)).containsExactly(micros("2024-11-03T06:30:00Z"), null);
      assertThat(physical(none)).containsExactly(null, null);
      assertThatThrownBy(() -> TimeZones.replace(naive, "America/New_York", "raise", "raise", a()))
          .isInstanceOf(ComputeException.class)
          .hasMessageContaining("ambiguous");
    }
    try (Column naive = column(NAIVE, gap);
        Column none = TimeZones.replace(naive, "America/New_York", "raise", "null", a())) {
      assertThat(physical(none)).containsExactly((Long) null);
      assertThatThrownBy(() -> TimeZones.replace(naive, "America/New_York", "raise", "raise", a()))
          .isInstanceOf(ComputeException.class)
          .hasMessageContaining("non-existent");
    }
  }

  @Test
  void convertingKeepsTheInstant() {
    try (Column zoned = column(AMSTERDAM, Instant.parse("2024-10-27T00:30:00Z"));
        Column converted = TimeZones.convert(zoned, "America/New_York");
        Column local = TemporalFields.field(converted, TemporalFields.Field.HOUR, a())) {
      assertThat(physical(converted)).isEqualTo(physical(zoned));
      ColumnAssertions.assertColumnEquals(local, List.of((byte) 20));
    }
  }

  @Test
  void negativeDurationsTruncateTowardZero() {
    DataType type = new DataType.Duration(TimeUnit.MICROSECOND);
    try (Column durations = column(type, Duration.ofHours(-1).plusNanos(1000), Duration.ofNanos(-7000), null);
        Column hours = Epochs.total(durations, Epochs.Total.HOURS, false, a());
        Column millis = Epochs.total(durations, Epochs.Total.MILLISECONDS, false, a());
        Column fractional = Epochs.total(durations, Epochs.Total.SECONDS, true, a())) {
      ColumnAssertions.assertColumnEquals(hours, Arrays.asList(0L, 0L, null));
      ColumnAssertions.assertColumnEquals(millis, Arrays.asList(-3_599_999L, 0L, null));
      ColumnAssertions.assertColumnEquals(fractional, Arrays.asList(-3599.9999989999997, -0.000007, null));
    }
  }

  @Test
  void epochsFloor() {
    try (Column times = column(NAIVE, LocalDateTime.of(1969, 12, 31, 23, 59, 59, 500_001_000));
        Column seconds = Epochs.epoch(times, "s", a());
        Column days = Epochs.epoch(times, "d", a())) {
      ColumnAssertions.assertColumnEquals(seconds, List.of(-1L));
      ColumnAssertions.assertColumnEquals(days, List.of(-1));
    }
  }

  @Test
  void strftimeNamesZonesAndRejectsMissingParts() {
    try (Column zoned = column(AMSTERDAM, Instant.parse("2024-10-27T00:30:00Z"),
            Instant.parse("2024-10-27T01:30:00Z"));
        Column text = ChronoFormatter.format(zoned, "%Y-%m-%d %H:%M:%S%.f %z %Z %:z", a())) {
      ColumnAssertions.assertColumnEquals(text, List.of(
          "2024-10-27 02:30:00 +0200 CEST +02:00", "2024-10-27 02:30:00 +0100 CET +01:00"));
    }
    try (Column dates = column(DataType.DATE32, LocalDate.of(1969, 12, 31))) {
      assertThatThrownBy(() -> ChronoFormatter.format(dates, "%H", a()))
          .isInstanceOf(ComputeException.class)
          .hasMessageContaining("cannot format Date with format '%H'");
    }
    try (Column naive = column(NAIVE, LocalDateTime.of(2024, 1, 1, 0, 0))) {
      assertThatThrownBy(() -> ChronoFormatter.format(naive, "%z", a()))
          .isInstanceOf(ComputeException.class);
      assertThatThrownBy(() -> ChronoFormatter.format(naive, "%Q", a()))
          .isInstanceOf(ComputeException.class);
    }
  }

  @Test
  void slicedInputsGiveTheSlicesOfTheWholeResults() {
    List<Function<Column, Column>> kernels = List.of(
        c -> TemporalFields.field(c, TemporalFields.Field.DAY, a()),
        c -> TemporalFields.field(c, TemporalFields.Field.TIME, a()),
        c -> TemporalFields.field(c, TemporalFields.Field.IS_LEAP_YEAR, a()),
        c -> MonthBounds.apply(c, true, a()),
        c -> Truncation.truncate(c, "1mo", a()),
        c -> Truncation.round(c, "15m", a()),
        c -> Offsets.offsetBy(c, "-1y2mo", a()),
        c -> Epochs.epoch(c, "ms", a()),
        c -> ChronoFormatter.format(c, "%F %T%.f %Z", a()),
        c -> TimeZones.replace(c, null, "raise", "raise", a()));
    try (Column whole = column(AMSTERDAM, Instant.parse("1931-05-01T10:11:12.123456Z"), null,
            Instant.parse("2024-10-27T00:30:00Z"), Instant.parse("2099-12-31T23:59:59Z"),
            Instant.parse("1970-01-01T00:00:00Z"), null);
        Column slice = whole.slice(1, 4)) {
      for (Function<Column, Column> kernel : kernels) {
        try (Column all = kernel.apply(whole);
            Column expected = all.slice(1, 4);
            Column actual = kernel.apply(slice)) {
          ColumnAssertions.assertColumnEquals(actual, expected);
        }
      }
    }
  }
}
