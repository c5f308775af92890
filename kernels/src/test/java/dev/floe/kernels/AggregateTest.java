package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakChecked;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aggregate facade cases whose answers were checked on Polars 1.44.2 (see the comments). */
@LeakChecked
class AggregateTest {
  private static final double NAN = Double.NaN;

  private static Column column(DataType type, Object... values) {
    return JavaValues.toColumn(BufferAllocator.current(), type, Arrays.asList(values));
  }

  @Test
  void floatMinMaxSkipNaNUnlessAllAreNaN() {
    // pl.Series([1.0, nan, 3.0, None]): max 3.0, min 1.0, sum nan, mean nan
    try (Column c = column(DataType.FLOAT64, 1.0, NAN, 3.0, null)) {
      assertThat(Aggregate.max(c)).isEqualTo(3.0);
      assertThat(Aggregate.min(c)).isEqualTo(1.0);
      assertThat((Double) Aggregate.sum(c)).isNaN();
      assertThat(Aggregate.mean(c)).isNaN();
    }
    // pl.Series([nan, nan]).max() -> nan; pl.Series([nan, None]).min() -> nan
    try (Column c = column(DataType.FLOAT64, NAN, NAN);
        Column d = column(DataType.FLOAT64, NAN, null)) {
      assertThat((Double) Aggregate.max(c)).isNaN();
      assertThat((Double) Aggregate.min(d)).isNaN();
    }
    try (Column c = column(DataType.FLOAT64, Double.POSITIVE_INFINITY, NAN)) {
      assertThat(Aggregate.min(c)).isEqualTo(Double.POSITIVE_INFINITY);
    }
  }

  @Test
  void emptyAndAllNullFollowPolars() {
    // Series([], Int64).sum() -> 0; Series([None], Float64).sum() -> 0.0, mean -> None
    try (Column empty = column(DataType.INT64);
        Column nulls = column(DataType.FLOAT64, (Object) null)) {
      assertThat(Aggregate.sum(empty)).isEqualTo(0L);
      assertThat(Aggregate.sum(nulls)).isEqualTo(0.0);
      assertThat(Aggregate.mean(nulls)).isNull();
      assertThat(Aggregate.min(nulls)).isNull();
      assertThat(Aggregate.max(empty)).isNull();
      assertThat(Aggregate.count(nulls)).isZero();
      assertThat(Aggregate.nullCount(nulls)).isEqualTo(1);
    }
  }

  @Test
  void integerSumsWrapLikePolars() {
    // i64 [2^63-1, 1] -> -2^63; i32 [2^31-1, 1] -> -2^31 (i32 sum stays i32); i8 [127, 1] -> 128;
    // u32 [2^32-1, 1] -> 0; u64 [2^64-1, 1] -> 0
    try (Column i64 = column(DataType.INT64, Long.MAX_VALUE, 1L);
        Column i32 = column(DataType.INT32, Integer.MAX_VALUE, 1);
        Column i8 = column(DataType.INT8, (byte) 127, (byte) 1);
        Column u32 = column(DataType.UINT32, 0xFFFF_FFFFL, 1L);
        Column u64 = column(DataType.UINT64, -1L, 1L)) {
      assertThat(Aggregate.sum(i64)).isEqualTo(Long.MIN_VALUE);
      assertThat(Aggregate.sum(i32)).isEqualTo((long) Integer.MIN_VALUE);
      assertThat(Aggregate.sum(i8)).isEqualTo(128L);
      assertThat(Aggregate.sum(u32)).isEqualTo(0L);
      assertThat(Aggregate.sum(u64)).isEqualTo(0L);
    }
  }

  @Test
  void variancesMeansAndBooleans() {
    // var([1.0]) -> None; var([1,2,4], ddof=0) -> 1.5555555555555554; std([1,2,4]) -> 1.5275252316519465
    try (Column one = column(DataType.FLOAT64, 1.0);
        Column three = column(DataType.INT64, 1L, 2L, 4L)) {
      assertThat(Aggregate.variance(one, 1)).isNull();
      assertThat(Aggregate.variance(three, 0)).isCloseTo(1.5555555555555554, within(1e-15));
      assertThat(Aggregate.std(three, 1)).isCloseTo(1.5275252316519465, within(1e-15));
      assertThat(Aggregate.mean(three)).isCloseTo(7.0 / 3, within(1e-15));
    }
    // any([None, False]) -> False; all([None]) -> True; all([]) -> True; sum([True, None, True]) -> 2
    try (BooleanColumn a = (BooleanColumn) column(DataType.BOOLEAN, null, false);
        BooleanColumn b = (BooleanColumn) column(DataType.BOOLEAN, (Object) null);
        BooleanColumn c = (BooleanColumn) column(DataType.BOOLEAN);
        BooleanColumn d = (BooleanColumn) column(DataType.BOOLEAN, true, null, true)) {
      assertThat(Aggregate.any(a)).isFalse();
      assertThat(Aggregate.all(b)).isTrue();
      assertThat(Aggregate.all(c)).isTrue();
      assertThat(Aggregate.any(c)).isFalse();
      assertThat(Aggregate.sum(d)).isEqualTo(2L);
      assertThat(Aggregate.min(d)).isEqualTo(true);
    }
  }

  @Test
  void stringsTemporalsAndDecimals() {
    // Series(["b","a","é","Z",None]).min() -> "Z", max -> "é" (byte-wise)
    try (Column s = column(DataType.UTF8, "b", "a", "é", "Z", null)) {
      assertThat(Aggregate.min(s)).isEqualTo("Z");
      assertThat(Aggregate.max(s)).isEqualTo("é");
    }
    try (Column dates = column(DataType.DATE32, LocalDate.of(2020, 1, 2), null, LocalDate.of(1969, 5, 1));
        Column spans = column(new DataType.Duration(TimeUnit.MICROSECOND),
            Duration.ofNanos(1000), Duration.ofNanos(2000));
        Column decimals = column(new DataType.Decimal128(10, 2), new BigDecimal("1.25"), null,
            new BigDecimal("-3.50"))) {
      assertThat(Aggregate.min(dates)).isEqualTo(LocalDate.of(1969, 5, 1));
      assertThat(Aggregate.max(dates)).isEqualTo(LocalDate.of(2020, 1, 2));
      assertThat(Aggregate.sum(spans)).isEqualTo(Duration.ofNanos(3000)); // Polars: 0:00:00.000003
      assertThat(Aggregate.sum(decimals)).isEqualTo(new BigDecimal("-2.25"));
      assertThat(Aggregate.min(decimals)).isEqualTo(new BigDecimal("-3.50"));
      assertThatThrownBy(() -> Aggregate.sum(dates)).isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("sum").hasMessageContaining("date");
    }
  }

  @Test
  void unsignedAndSmallIntegerExtremes() {
    try (Column u64 = column(DataType.UINT64, -1L, 5L, null);
        Column u8 = column(DataType.UINT8, (short) 200, (short) 3)) {
      assertThat(Aggregate.max(u64)).isEqualTo(-1L); // 2^64-1 as unsigned bits
      assertThat(Aggregate.min(u64)).isEqualTo(5L);
      assertThat(Aggregate.max(u8)).isEqualTo((short) 200);
      assertThat(Aggregate.mean(u64)).isCloseTo((Math.pow(2, 64) + 5) / 2, within(1e4));
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }

  static List<Object> nonNull(List<Object> values) {
    return values.stream().filter(value -> value != null).toList();
  }
}
