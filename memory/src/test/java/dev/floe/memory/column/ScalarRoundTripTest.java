package dev.floe.memory.column;

import static dev.floe.memory.column.ColumnTesting.allocator;
import static dev.floe.memory.column.ColumnTesting.assertRoundTrip;
import static dev.floe.memory.column.ColumnTesting.withNulls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Java values to column and back for every non-nested type, with nulls, slices and empties. */
class ScalarRoundTripTest {
  private static final int SIZE = 21;

  @Test
  void signedIntegers() {
    try (BufferAllocator allocator = allocator()) {
      assertRoundTrip(
          allocator, DataType.INT8, withNulls(SIZE, (byte) 1, Byte.MIN_VALUE, Byte.MAX_VALUE));
      assertRoundTrip(allocator, DataType.INT16, withNulls(SIZE, (short) -2, Short.MAX_VALUE));
      assertRoundTrip(allocator, DataType.INT32, withNulls(SIZE, 3, Integer.MIN_VALUE, 0));
      assertRoundTrip(allocator, DataType.INT64, withNulls(SIZE, 4L, Long.MAX_VALUE, -1L));
    }
  }

  @Test
  void unsignedIntegersWiden() {
    try (BufferAllocator allocator = allocator()) {
      assertRoundTrip(allocator, DataType.UINT8, withNulls(SIZE, (short) 255, (short) 0));
      assertRoundTrip(allocator, DataType.UINT16, withNulls(SIZE, 65535, 7));
      assertRoundTrip(allocator, DataType.UINT32, withNulls(SIZE, 4_294_967_295L, 1L));
      assertRoundTrip(allocator, DataType.UINT64, withNulls(SIZE, -1L, 5L));
    }
  }

  @Test
  void floats() {
    try (BufferAllocator allocator = allocator()) {
      assertRoundTrip(allocator, DataType.FLOAT32, withNulls(SIZE, 1.5f, Float.NaN, -0.0f));
      assertRoundTrip(
          allocator, DataType.FLOAT64, withNulls(SIZE, 2.25, Double.NEGATIVE_INFINITY, 1e300));
    }
  }

  @Test
  void booleans() {
    try (BufferAllocator allocator = allocator()) {
      assertRoundTrip(allocator, DataType.BOOLEAN, withNulls(SIZE, true, false, false, true, true));
    }
  }

  @Test
  void decimals() {
    try (BufferAllocator allocator = allocator()) {
      assertRoundTrip(
          allocator,
          new DataType.Decimal128(38, 2),
          withNulls(SIZE, new BigDecimal("123.45"), new BigDecimal("-0.01"),
              new BigDecimal("99999999999999999999999999999999999.99")));
    }
  }

  @Test
  void temporalTypes() {
    try (BufferAllocator allocator = allocator()) {
      assertRoundTrip(
          allocator, DataType.DATE32,
          withNulls(SIZE, LocalDate.of(2024, 2, 29), LocalDate.of(1969, 12, 31)));
      assertRoundTrip(
          allocator, new DataType.Time64(TimeUnit.NANOSECOND),
          withNulls(SIZE, LocalTime.of(23, 59, 59, 999_999_999), LocalTime.MIDNIGHT));
      assertRoundTrip(
          allocator, new DataType.Timestamp(TimeUnit.MICROSECOND, null),
          withNulls(SIZE, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000),
              LocalDateTime.of(1900, 1, 1, 0, 0)));
      assertRoundTrip(
          allocator, new DataType.Timestamp(TimeUnit.MILLISECOND, "Europe/Paris"),
          withNulls(SIZE,
              ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris")),
              ZonedDateTime.of(2024, 1, 1, 12, 0, 0, 1_000_000, ZoneId.of("Europe/Paris"))));
      assertRoundTrip(
          allocator, new DataType.Duration(TimeUnit.SECOND),
          withNulls(SIZE, Duration.ofHours(-3), Duration.ofSeconds(59)));
    }
  }

  @Test
  void stringsInEveryLayout() {
    List<String> values = withNulls(
        SIZE, "", "a", "héllo wörld", "exactly12byt", "thirteen byte", "🦆".repeat(40));
    try (BufferAllocator allocator = allocator()) {
      assertRoundTrip(allocator, DataType.UTF8, values);
      assertRoundTrip(allocator, DataType.LARGE_UTF8, values);
      assertRoundTrip(allocator, DataType.UTF8_VIEW, values);
    }
  }

  @Test
  void binariesInEveryLayout() {
    List<byte[]> values =
        withNulls(SIZE, new byte[0], new byte[] {1, 2, 3}, new byte[100], new byte[] {-1});
    try (BufferAllocator allocator = allocator()) {
      assertRoundTrip(allocator, DataType.BINARY, values);
      assertRoundTrip(allocator, DataType.LARGE_BINARY, values);
      assertRoundTrip(allocator, DataType.BINARY_VIEW, values);
      assertRoundTrip(
          allocator, new DataType.FixedSizeBinary(3),
          withNulls(SIZE, new byte[] {1, 2, 3}, new byte[] {0, 0, 0}, new byte[] {-1, 9, 8}));
    }
  }

  @Test
  void nullType() {
    List<Object> values = new ArrayList<>();
    for (int index = 0; index < SIZE; index++) {
      values.add(null);
    }
    try (BufferAllocator allocator = allocator()) {
      assertRoundTrip(allocator, DataType.NULL, values);
      try (Column column = JavaValues.toColumn(allocator, values)) {
        assertThat(column).isInstanceOf(NullColumn.class);
        assertThat(column.buffers()).isEmpty();
        assertThat(column.nullCount()).isEqualTo(SIZE);
      }
    }
  }

  @Test
  void viewStringsSpanSeveralDataBuffers() {
    List<String> values = new ArrayList<>();
    for (int index = 0; index < 3000; index++) {
      values.add(index % 11 == 0 ? null : ("value number " + index + " ").repeat(1 + index % 7));
    }
    try (BufferAllocator allocator = allocator();
        ViewColumn column = (ViewColumn) JavaValues.toColumn(allocator, DataType.UTF8_VIEW, values)) {
      assertThat(column.dataBuffers()).hasSizeGreaterThan(1);
      assertThat(column.dataBuffers().get(0).capacity()).isEqualTo(ViewBuilder.FIRST_BLOCK_BYTES);
      ColumnTesting.assertHoldsWithSlices(column, values);
    }
  }

  @Test
  void inferredColumnsReadBackTheirValues() {
    List<Object> values = ColumnTesting.listOf(1L, null, 3L);
    try (BufferAllocator allocator = allocator();
        Column column = JavaValues.toColumn(allocator, values)) {
      assertThat(column.type()).isEqualTo(DataType.INT64);
      ColumnTesting.assertHolds(column, values);
    }
  }
}
