package dev.floe.kernels;

import static dev.floe.testkit.ColumnAssertions.assertColumnEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakChecked;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cumulative, Shift, Diff and Rank on edge cases whose answers were checked on Polars 1.44.2 (see
 * the comments): NaN, -0.0, wrapping at MIN/MAX, bool, strings, dates, empty, all-null, slices.
 */
@LeakChecked
class SequenceKernelsTest {
  private static final double NAN = Double.NaN;

  private static Column column(DataType type, Object... values) {
    return JavaValues.toColumn(BufferAllocator.current(), type, Arrays.asList(values));
  }

  private static BufferAllocator allocator() {
    return BufferAllocator.current();
  }

  @Test
  void cumMinMaxSkipNaNAndTheLaterEqualZeroWins() {
    // [nan, 2, 1, nan, 0.5].cum_min() -> [nan, 2, 1, 1, 0.5]; cum_max of [1, nan, 0.5] -> [1, 1, 1]
    // [0.0, -0.0, 0.0].cum_min() -> [0.0, -0.0, 0.0]
    try (Column c = column(DataType.FLOAT64, NAN, 2.0, 1.0, NAN, 0.5);
        Column min = Cumulative.apply(c, Cumulative.Op.MIN, false, allocator());
        Column d = column(DataType.FLOAT64, 1.0, NAN, 0.5);
        Column max = Cumulative.apply(d, Cumulative.Op.MAX, false, allocator());
        Column zeros = column(DataType.FLOAT64, 0.0, -0.0, 0.0);
        Column zeroMin = Cumulative.apply(zeros, Cumulative.Op.MIN, false, allocator())) {
      assertColumnEquals(min, List.of(NAN, 2.0, 1.0, 1.0, 0.5));
      assertColumnEquals(max, List.of(1.0, 1.0, 1.0));
      assertThat(Double.doubleToRawLongBits((Double) zeroMin.getObject(1))).isNegative();
      assertThat(Double.doubleToRawLongBits((Double) zeroMin.getObject(2))).isZero();
    }
  }

  @Test
  void cumSumWrapsAndKeepsNullsInReverse() {
    // i32 [2^31-1, None, 1].cum_sum(reverse=True) -> [-2^31, None, 1]; i64 MAX + 1 wraps
    try (Column i32 = column(DataType.INT32, Integer.MAX_VALUE, null, 1);
        Column sum = Cumulative.apply(i32, Cumulative.Op.SUM, true, allocator());
        Column i64 = column(DataType.INT64, Long.MAX_VALUE, 1L);
        Column wrapped = Cumulative.apply(i64, Cumulative.Op.SUM, false, allocator());
        Column u64 = column(DataType.UINT64, -1L, 0L, -2L);
        Column unsignedMin = Cumulative.apply(u64, Cumulative.Op.MIN, false, allocator())) {
      assertColumnEquals(sum, Arrays.asList(Integer.MIN_VALUE, null, 1));
      assertColumnEquals(wrapped, List.of(Long.MAX_VALUE, Long.MIN_VALUE));
      assertColumnEquals(unsignedMin, List.of(-1L, 0L, 0L));
    }
  }

  @Test
  void cumulativeOfBoolDatesEmptyAllNullAndSlices() {
    // [True, None, False, True].cum_min() -> [True, None, False, False]; cum_max(reverse) of it
    // -> [True, None, True, True]
    try (Column bools = column(DataType.BOOLEAN, true, null, false, true);
        Column min = Cumulative.apply(bools, Cumulative.Op.MIN, false, allocator());
        Column max = Cumulative.apply(bools, Cumulative.Op.MAX, true, allocator());
        Column dates = column(DataType.DATE32, LocalDate.of(2020, 1, 5), LocalDate.of(2019, 1, 1));
        Column dateMin = Cumulative.apply(dates, Cumulative.Op.MIN, false, allocator());
        Column empty = column(DataType.INT64);
        Column emptySum = Cumulative.apply(empty, Cumulative.Op.SUM, false, allocator());
        Column nulls = column(DataType.FLOAT64, null, null);
        Column nullProd = Cumulative.apply(nulls, Cumulative.Op.PROD, false, allocator());
        Column count = Cumulative.count(nulls, false, allocator());
        Column whole = column(DataType.INT64, 100L, 1L, 2L, null, 3L, 100L);
        Column slice = whole.slice(1, 4);
        Column sliceSum = Cumulative.apply(slice, Cumulative.Op.SUM, false, allocator())) {
      assertColumnEquals(min, Arrays.asList(true, null, false, false));
      assertColumnEquals(max, Arrays.asList(true, null, true, true));
      assertColumnEquals(dateMin, List.of(LocalDate.of(2020, 1, 5), LocalDate.of(2019, 1, 1)));
      assertThat(emptySum.length()).isZero();
      assertColumnEquals(nullProd, Arrays.asList(null, null));
      assertColumnEquals(count, List.of(0L, 0L));
      assertColumnEquals(sliceSum, Arrays.asList(1L, 3L, null, 6L));
    }
  }

  @Test
  void cumulativeRejectsStrings() {
    try (Column strings = column(DataType.UTF8, "a")) {
      assertThatThrownBy(() -> Cumulative.apply(strings, Cumulative.Op.SUM, false, allocator()))
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("str");
    }
  }

  @Test
  void shiftFillsEveryLayout() {
    for (DataType type : List.of(DataType.UTF8, DataType.LARGE_UTF8, DataType.UTF8_VIEW)) {
      try (Column strings = column(type, "a", null, "bc", "d");
          Column fill = column(type, "é");
          Column down = Shift.shift(strings, 1, fill, allocator());
          Column up = Shift.shift(strings, -3, null, allocator());
          Column all = Shift.shift(strings, 9, fill, allocator());
          Column slice = strings.slice(1, 3);
          Column shiftedSlice = Shift.shift(slice, -1, null, allocator())) {
        assertColumnEquals(down, Arrays.asList("é", "a", null, "bc"));
        assertColumnEquals(up, Arrays.asList("d", null, null, null));
        assertColumnEquals(all, List.of("é", "é", "é", "é"));
        assertColumnEquals(shiftedSlice, Arrays.asList("bc", "d", null));
      }
    }
    try (Column bools = column(DataType.BOOLEAN, true, false);
        Column shifted = Shift.shift(bools, 1, null, allocator());
        Column empty = column(DataType.INT64);
        Column emptyShift = Shift.shift(empty, 2, null, allocator())) {
      assertColumnEquals(shifted, Arrays.asList(null, true));
      assertThat(emptyShift.length()).isZero();
    }
  }

  @Test
  void diffOfDatetimesIsADurationAndFloatsKeepNaN() {
    DataType micros = new DataType.Timestamp(TimeUnit.MICROSECOND, null);
    DataType duration = new DataType.Duration(TimeUnit.MICROSECOND);
    // [nan, 1.0, inf].diff() -> [None, nan, inf]; diff(0) of nan -> nan
    try (Column stamps = column(micros, java.time.LocalDateTime.of(2020, 1, 1, 0, 0),
            java.time.LocalDateTime.of(2020, 1, 2, 0, 0));
        Column spans = Diff.diff(stamps, 1, duration, allocator());
        Column floats = column(DataType.FLOAT64, NAN, 1.0, Double.POSITIVE_INFINITY);
        Column differences = Diff.diff(floats, 1, DataType.FLOAT64, allocator());
        Column self = Diff.diff(floats, 0, DataType.FLOAT64, allocator())) {
      assertColumnEquals(spans, Arrays.asList(null, java.time.Duration.ofDays(1)));
      assertColumnEquals(differences, Arrays.asList(null, NAN, Double.POSITIVE_INFINITY));
      assertColumnEquals(self, Arrays.asList(NAN, 0.0, NAN));
    }
  }

  @Test
  void rankPutsNaNAboveInfinityAndTiesZeros() {
    // pl.Series([1.0, -0.0, 0.0, nan, nan, None, None, inf]).rank() ->
    // [3.0, 1.5, 1.5, 5.5, 5.5, None, None, 4.0]; rank("ordinal", descending=True) ->
    // [4, 5, 6, 1, 2, None, None, 3]; rank("dense") -> [2, 1, 1, 4, 4, None, None, 3]
    try (Column c = column(DataType.FLOAT64, 1.0, -0.0, 0.0, NAN, NAN, null, null,
            Double.POSITIVE_INFINITY);
        Column average = Rank.rank(c, Rank.Method.AVERAGE, false, allocator());
        Column ordinal = Rank.rank(c, Rank.Method.ORDINAL, true, allocator());
        Column dense = Rank.rank(c, Rank.Method.DENSE, false, allocator());
        Column empty = column(DataType.UTF8);
        Column emptyRank = Rank.rank(empty, Rank.Method.MIN, false, allocator())) {
      assertColumnEquals(average, Arrays.asList(3.0, 1.5, 1.5, 5.5, 5.5, null, null, 4.0));
      assertColumnEquals(ordinal, Arrays.asList(4L, 5L, 6L, 1L, 2L, null, null, 3L));
      assertColumnEquals(dense, Arrays.asList(2L, 1L, 1L, 4L, 4L, null, null, 3L));
      assertThat(emptyRank.type()).isEqualTo(DataType.UINT32);
      assertThat(emptyRank.length()).isZero();
    }
  }
}
