package dev.floe.memory.column;

import static dev.floe.memory.column.ColumnTesting.allocator;
import static dev.floe.memory.column.ColumnTesting.listOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Arrow's integer encodings of dates, times, timestamps and durations. */
class TemporalLayoutTest {

  @Test
  void date32CountsDaysSinceTheEpoch() {
    try (BufferAllocator allocator = allocator();
        FixedWidthColumn column = (FixedWidthColumn) JavaValues.toColumn(
            allocator, listOf(LocalDate.of(1970, 1, 2), LocalDate.of(1969, 12, 31),
                LocalDate.of(2000, 1, 1)))) {
      assertThat(column.type()).isEqualTo(DataType.DATE32);
      assertThat(column.getInt(0)).isEqualTo(1);
      assertThat(column.getInt(1)).isEqualTo(-1);
      assertThat(column.getInt(2)).isEqualTo(10957);
    }
  }

  @ParameterizedTest
  @EnumSource(TimeUnit.class)
  void timestampsAndDurationsCountUnits(TimeUnit unit) {
    long perSecond = unit.perSecond();
    LocalDateTime oneAndAHalfSeconds = LocalDateTime.of(1970, 1, 1, 0, 0, 1, 500_000_000);
    try (BufferAllocator allocator = allocator();
        FixedWidthColumn local = (FixedWidthColumn) JavaValues.toColumn(
            allocator, new DataType.Timestamp(unit, null),
            listOf(oneAndAHalfSeconds, LocalDateTime.of(1969, 12, 31, 23, 59, 59)));
        FixedWidthColumn utc = (FixedWidthColumn) JavaValues.toColumn(
            allocator, new DataType.Timestamp(unit, "UTC"),
            List.of(Instant.ofEpochSecond(2), ZonedDateTime.of(oneAndAHalfSeconds, ZoneOffset.UTC)));
        FixedWidthColumn duration = (FixedWidthColumn) JavaValues.toColumn(
            allocator, new DataType.Duration(unit), List.of(Duration.ofMillis(1500)))) {
      assertThat(local.getLong(0)).isEqualTo(perSecond + perSecond / 2);
      assertThat(local.getLong(1)).isEqualTo(-perSecond);
      assertThat(utc.getLong(0)).isEqualTo(2 * perSecond);
      assertThat(utc.getLong(1)).isEqualTo(perSecond + perSecond / 2);
      assertThat(utc.getObject(0))
          .isEqualTo(ZonedDateTime.ofInstant(Instant.ofEpochSecond(2), ZoneId.of("UTC")));
      assertThat(duration.getLong(0)).isEqualTo(perSecond + perSecond / 2);
    }
  }

  @Test
  void time64CountsSinceMidnight() {
    LocalTime time = LocalTime.of(0, 0, 1, 2000);
    try (BufferAllocator allocator = allocator();
        FixedWidthColumn nanos = (FixedWidthColumn) JavaValues.toColumn(allocator, List.of(time));
        FixedWidthColumn micros = (FixedWidthColumn) JavaValues.toColumn(
            allocator, new DataType.Time64(TimeUnit.MICROSECOND), List.of(time))) {
      assertThat(nanos.type()).isEqualTo(new DataType.Time64(TimeUnit.NANOSECOND));
      assertThat(nanos.getLong(0)).isEqualTo(1_000_002_000L);
      assertThat(micros.getLong(0)).isEqualTo(1_000_002L);
      assertThat(micros.getObject(0)).isEqualTo(time);
    }
  }
}
