package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ComputeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.ColumnAssertions;
import dev.floe.testkit.LeakChecked;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cast cases; each expected value is what Polars 1.44.2 returned for the same input. */
@LeakChecked
class CastTest {
  private static final double NAN = Double.NaN;

  private static Column column(DataType type, Object... values) {
    return JavaValues.toColumn(BufferAllocator.current(), type, Arrays.asList(values));
  }

  private static void check(Column input, DataType target, boolean strict, Object... expected) {
    try (Column result = Cast.cast(input, target, strict, BufferAllocator.current())) {
      assertThat(result.type()).isEqualTo(target);
      ColumnAssertions.assertColumnEquals(result, Arrays.asList(expected));
    }
  }

  @Test
  void strictRangeFailureNamesValueRowAndTypes() {
    try (Column c = column(DataType.INT64, 1L, 300L, 2L, null)) {
      assertThatThrownBy(() -> Cast.cast(c, DataType.INT8, true, BufferAllocator.current()))
          .isInstanceOf(ComputeException.class)
          .hasMessageContaining("conversion from `i64` to `i8` failed for value 300 at row 1");
      check(c, DataType.INT8, false, (byte) 1, null, (byte) 2, null);
      check(c, DataType.UINT8, false, (short) 1, null, (short) 2, null);
    }
  }

  @Test
  void floatsToIntegersTruncateAndFailOnNaN() {
    // [1.9, -1.9, nan, 1e20] -> i64 non-strict: [1, -1, None, None]
    try (Column c = column(DataType.FLOAT64, 1.9, -1.9, NAN, 1e20)) {
      check(c, DataType.INT64, false, 1L, -1L, null, null);
      // -> bool: [True, True, True, True]; [0.0, -0.0] -> False
      check(c, DataType.BOOLEAN, true, true, true, true, true);
      check(c, DataType.FLOAT32, true, 1.9f, -1.9f, Float.NaN, 1e20f);
    }
    try (Column c = column(DataType.FLOAT64, 0.0, -0.0, 1e300)) {
      check(c, DataType.BOOLEAN, true, false, false, true);
      check(c, DataType.FLOAT32, true, 0.0f, -0.0f, Float.POSITIVE_INFINITY);
    }
  }

  @Test
  void numbersToTextLikePolars() {
    try (Column c = column(DataType.FLOAT64, 1.0, 1e20, 0.1, NAN, Double.POSITIVE_INFINITY, -0.0,
        1.5e-7, 123456789.123, 1e16, 1e15, 2.5e-5, 1e-5, 1e-6, 1.2345678901234568e17, 5e-324)) {
      check(c, DataType.UTF8, true, "1.0", "1e+20", "0.1", "NaN", "inf", "-0.0", "1.5e-7",
          "123456789.123", "1e+16", "1000000000000000.0", "0.000025", "0.00001", "1e-6",
          "1.2345678901234568e+17", "5e-324");
    }
    try (Column c = column(DataType.FLOAT32, 1.0f, 0.1f, 1e20f, 1e-6f, 1e-7f, 1.0f / 3)) {
      check(c, DataType.UTF8, true, "1.0", "0.1", "1e+20", "0.000001", "1e-7", "0.33333334");
    }
    try (Column c = column(DataType.UINT64, -1L, 5L);
        Column b = column(DataType.BOOLEAN, true, false)) {
      check(c, DataType.UTF8, true, "18446744073709551615", "5");
      check(b, DataType.UTF8, true, "true", "false");
    }
  }

  @Test
  void temporalsToTextLikePolars() {
    LocalDateTime moment = LocalDateTime.of(2020, 1, 2, 3, 4, 5, 123_456_000);
    try (Column dates = column(DataType.DATE32, LocalDate.of(2020, 1, 2), LocalDate.of(1, 1, 1));
        Column ms = column(new DataType.Timestamp(TimeUnit.MILLISECOND, null), moment.withNano(123_000_000));
        Column us = column(new DataType.Timestamp(TimeUnit.MICROSECOND, null), moment,
            LocalDateTime.of(2020, 1, 2, 0, 0))) {
      check(dates, DataType.UTF8, true, "2020-01-02", "0001-01-01");
      check(ms, DataType.UTF8, true, "2020-01-02 03:04:05.123");
      check(us, DataType.UTF8, true, "2020-01-02 03:04:05.123456", "2020-01-02 00:00:00.000000");
    }
  }

  @Test
  void textToNumbersAndDates() {
    // ["1"," 2","+3","-4","1.0","0x10","1e3",""] -> i64: [1, None, 3, -4, None, None, None, None]
    try (Column c = column(DataType.UTF8, "1", " 2", "+3", "-4", "1.0", "0x10", "1e3", "")) {
      check(c, DataType.INT64, false, 1L, null, 3L, -4L, null, null, null, null);
      assertThatThrownBy(() -> Cast.cast(c, DataType.INT64, true, BufferAllocator.current()))
          .isInstanceOf(ComputeException.class)
          .hasMessageContaining("conversion from `str` to `i64` failed for value \" 2\" at row 1");
    }
    try (Column c = column(DataType.UTF8, "1", "1.5", " 2", "1e3", "inf", "-inf", "NaN", "nan",
        "abc", ".5", "5.", "+1.5", "Infinity", "1e400", "0x1p3", "1d")) {
      check(c, DataType.FLOAT64, false, 1.0, 1.5, null, 1000.0, Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY, NAN, NAN, null, 0.5, 5.0, 1.5, Double.POSITIVE_INFINITY,
          Double.POSITIVE_INFINITY, null, null);
    }
    try (Column c = column(DataType.UTF8, "2020-01-02", "2020-1-2", "2020/01/02", "2020-02-30")) {
      check(c, DataType.DATE32, false, LocalDate.of(2020, 1, 2), null, null, null);
    }
    try (Column c = column(DataType.UTF8, "2020-01-02T03:04:05")) {
      check(c, new DataType.Timestamp(TimeUnit.MICROSECOND, null), true,
          LocalDateTime.of(2020, 1, 2, 3, 4, 5));
    }
    try (Column c = column(DataType.UTF8, "true")) {
      assertThatThrownBy(() -> Cast.cast(c, DataType.BOOLEAN, true, BufferAllocator.current()))
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("not supported");
    }
  }

  @Test
  void temporalConversions() {
    DataType micros = new DataType.Timestamp(TimeUnit.MICROSECOND, null);
    DataType millis = new DataType.Timestamp(TimeUnit.MILLISECOND, null);
    try (Column dates = column(DataType.DATE32, LocalDate.of(2020, 1, 2));
        Column stamps = column(micros, LocalDateTime.of(2020, 1, 2, 23, 59),
            LocalDateTime.of(1969, 12, 31, 23, 0), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000));
        Column spans = column(new DataType.Duration(TimeUnit.MICROSECOND), Duration.ofNanos(-1_500_000));
        Column days = column(DataType.INT32, 1, 2)) {
      check(dates, millis, true, LocalDateTime.of(2020, 1, 2, 0, 0));
      check(stamps, DataType.DATE32, true, LocalDate.of(2020, 1, 2), LocalDate.of(1969, 12, 31),
          LocalDate.of(1969, 12, 31));
      check(stamps, millis, true, LocalDateTime.of(2020, 1, 2, 23, 59),
          LocalDateTime.of(1969, 12, 31, 23, 0), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000));
      // duration[us] -1500us -> duration[ms]: -1ms (truncated toward zero)
      check(spans, new DataType.Duration(TimeUnit.MILLISECOND), true, Duration.ofMillis(-1));
      check(days, DataType.DATE32, true, LocalDate.of(1970, 1, 2), LocalDate.of(1970, 1, 3));
      check(dates, DataType.INT32, true, 18263);
    }
  }

  @Test
  void decimalsRoundHalfToEven() {
    DataType d102 = new DataType.Decimal128(10, 2);
    try (Column c = column(d102, new BigDecimal("1.75"), new BigDecimal("-1.25"), new BigDecimal("2.50"),
        new BigDecimal("-2.50"), new BigDecimal("1.50"))) {
      check(c, DataType.INT64, true, 2L, -1L, 2L, -2L, 2L);
      check(c, DataType.FLOAT64, true, 1.75, -1.25, 2.5, -2.5, 1.5);
      check(c, DataType.UTF8, true, "1.75", "-1.25", "2.50", "-2.50", "1.50");
    }
    try (Column s = column(DataType.UTF8, "1.255", "2", "-0.5", "abc", "1.265");
        Column f = column(DataType.FLOAT64, 1.255, 0.125, 0.375, 12345.0);
        Column i = column(DataType.INT64, 1L, 2L)) {
      check(s, d102, false, new BigDecimal("1.26"), new BigDecimal("2.00"), new BigDecimal("-0.50"),
          null, new BigDecimal("1.26"));
      check(i, d102, true, new BigDecimal("1.00"), new BigDecimal("2.00"));
      check(f, new DataType.Decimal128(4, 2), false, new BigDecimal("1.25"), new BigDecimal("0.12"),
          new BigDecimal("0.38"), null);
    }
  }

  @Test
  void identityShares() {
    BufferAllocator allocator = BufferAllocator.current();
    try (Column c = column(DataType.INT64, 1L, 2L);
        Column same = Cast.cast(c, DataType.INT64, true, allocator)) {
      assertThat(same.buffers().get(1)).isSameAs(c.buffers().get(1));
      ColumnAssertions.assertColumnEquals(same, List.of(1L, 2L));
    }
  }
}
