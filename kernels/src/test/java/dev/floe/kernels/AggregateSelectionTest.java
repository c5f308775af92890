package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * nUnique, median, quantile, argMin and argMax on edge cases whose answers were checked on Polars
 * 1.44.2 (see the comments): nulls, NaN, -0.0, empty and all-null input, slices, extremes.
 */
@LeakChecked
class AggregateSelectionTest {
  private static final double NAN = Double.NaN;

  private static Column column(DataType type, Object... values) {
    return JavaValues.toColumn(BufferAllocator.current(), type, Arrays.asList(values));
  }

  @Test
  void nUniqueCountsNullAsOneValueAndFoldsZerosAndNaNs() {
    // pl.Series([1.0, -0.0, 0.0, nan, nan, None, None, inf]).n_unique() -> 5
    try (Column floats = column(DataType.FLOAT64, 1.0, -0.0, 0.0, NAN, NAN, null, null,
            Double.POSITIVE_INFINITY);
        Column nulls = column(DataType.INT64, null, null);
        Column empty = column(DataType.INT64);
        Column strings = column(DataType.UTF8, "a", null, "é", "a", "", "");
        Column bools = column(DataType.BOOLEAN, true, null, true);
        Column extremes = column(DataType.INT64, Long.MIN_VALUE, Long.MAX_VALUE, 0L, Long.MIN_VALUE)) {
      assertThat(AggregateUnique.nUnique(floats)).isEqualTo(5);
      assertThat(AggregateUnique.nUnique(nulls)).isEqualTo(1);
      assertThat(AggregateUnique.nUnique(empty)).isZero();
      assertThat(AggregateUnique.nUnique(strings)).isEqualTo(4);
      assertThat(AggregateUnique.nUnique(bools)).isEqualTo(2);
      assertThat(AggregateUnique.nUnique(extremes)).isEqualTo(3);
    }
  }

  @Test
  void nUniqueOfASliceSeesOnlyTheSlice() {
    try (Column whole = column(DataType.INT32, 1, 2, 3, 3, null, 4);
        Column slice = whole.slice(2, 3)) {
      assertThat(AggregateUnique.nUnique(slice)).isEqualTo(2); // 3, 3, null
    }
  }

  @Test
  void quantileInterpolationsFollowPolars() {
    // pl.Series([5, 1, 4, 2, None, 3]).quantile(q, method)
    try (Column c = column(DataType.INT64, 5L, 1L, 4L, 2L, null, 3L)) {
      assertThat(AggregateQuantile.quantile(c, 0.1, AggregateQuantile.Method.NEAREST)).isEqualTo(1.0);
      assertThat(AggregateQuantile.quantile(c, 0.3, AggregateQuantile.Method.HIGHER)).isEqualTo(3.0);
      assertThat(AggregateQuantile.quantile(c, 0.9, AggregateQuantile.Method.LOWER)).isEqualTo(4.0);
      assertThat(AggregateQuantile.quantile(c, 0.1, AggregateQuantile.Method.MIDPOINT)).isEqualTo(1.5);
      assertThat(AggregateQuantile.quantile(c, 0.7, AggregateQuantile.Method.LINEAR))
          .isCloseTo(3.8, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(AggregateQuantile.quantile(c, 0.3, AggregateQuantile.Method.EQUIPROBABLE)).isEqualTo(2.0);
      assertThat(AggregateQuantile.median(c)).isEqualTo(3.0);
    }
    // [1, 2, 3, 4, 5].quantile(0.125, "nearest") -> 2.0 (the index 0.5 rounds away from zero)
    try (Column c = column(DataType.INT32, 1, 2, 3, 4, 5)) {
      assertThat(AggregateQuantile.quantile(c, 0.125, AggregateQuantile.Method.NEAREST)).isEqualTo(2.0);
    }
  }

  @Test
  void quantileTreatsNaNAsTheLargestValue() {
    // pl.Series([1.0, nan, 2.0, 3.0]): quantile(0.5, "nearest") -> 3.0, (1.0, nearest) -> nan,
    // median of [1.0, None, nan] -> nan
    try (Column c = column(DataType.FLOAT64, 1.0, NAN, 2.0, 3.0);
        Column d = column(DataType.FLOAT64, 1.0, null, NAN)) {
      assertThat(AggregateQuantile.quantile(c, 0.5, AggregateQuantile.Method.NEAREST)).isEqualTo(3.0);
      assertThat(AggregateQuantile.quantile(c, 1.0, AggregateQuantile.Method.NEAREST)).isNaN();
      assertThat(AggregateQuantile.median(d)).isNaN();
    }
  }

  @Test
  void quantileOfNothingIsNullAndBadQuantilesFail() {
    try (Column empty = column(DataType.FLOAT64);
        Column nulls = column(DataType.INT32, null, null);
        Column strings = column(DataType.UTF8, "a")) {
      assertThat(AggregateQuantile.median(empty)).isNull();
      assertThat(AggregateQuantile.quantile(nulls, 0.3, AggregateQuantile.Method.LINEAR)).isNull();
      assertThatThrownBy(() -> AggregateQuantile.quantile(empty, 1.5, AggregateQuantile.Method.LINEAR))
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("1.5");
      assertThatThrownBy(() -> AggregateQuantile.median(strings))
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("str");
    }
  }

  @Test
  void medianOfExtremesAndSlices() {
    // u64 [2^64-1, 2^64-3].median() -> 1.8446744073709552e19
    try (Column u64 = column(DataType.UINT64, -1L, -3L);
        Column whole = column(DataType.INT16, (short) 100, (short) -5, (short) 7, (short) 9);
        Column slice = whole.slice(1, 2)) {
      assertThat(AggregateQuantile.median(u64)).isEqualTo(1.8446744073709552e19);
      assertThat(AggregateQuantile.median(slice)).isEqualTo(1.0);
    }
  }

  @Test
  void argMinArgMaxTakeTheFirstAndSkipNaN() {
    // pl.Series([1.0, -0.0, 0.0, nan, nan, None, None, inf]): arg_min 1, arg_max 7
    try (Column floats = column(DataType.FLOAT64, 1.0, -0.0, 0.0, NAN, NAN, null, null,
            Double.POSITIVE_INFINITY);
        Column allNaN = column(DataType.FLOAT64, null, NAN, NAN);
        Column ties = column(DataType.INT64, 3L, 1L, 1L, 5L, 5L)) {
      assertThat(AggregateArg.argMin(floats)).isEqualTo(1L);
      assertThat(AggregateArg.argMax(floats)).isEqualTo(7L);
      assertThat(AggregateArg.argMin(allNaN)).isEqualTo(1L);
      assertThat(AggregateArg.argMax(allNaN)).isEqualTo(1L);
      assertThat(AggregateArg.argMin(ties)).isEqualTo(1L);
      assertThat(AggregateArg.argMax(ties)).isEqualTo(3L);
    }
  }

  @Test
  void argMinArgMaxOfOtherTypes() {
    // [None, True, None, False].arg_min() -> 3; [None, False, False].arg_max() -> 1;
    // ["b", None, "a", "a"].arg_min() -> 2; strings compare byte-wise ("é" after "zz")
    try (Column bools = column(DataType.BOOLEAN, null, true, null, false);
        Column falses = column(DataType.BOOLEAN, null, false, false);
        Column strings = column(DataType.UTF8, "b", null, "a", "a", "zz", "é", "");
        Column dates = column(DataType.DATE32, LocalDate.of(2020, 1, 1), null, LocalDate.of(1969, 1, 1));
        Column unsigned = column(DataType.UINT64, 1L, -1L, 0L)) {
      assertThat(AggregateArg.argMin(bools)).isEqualTo(3L);
      assertThat(AggregateArg.argMax(falses)).isEqualTo(1L);
      assertThat(AggregateArg.argMin(strings)).isEqualTo(6L);
      assertThat(AggregateArg.argMax(strings)).isEqualTo(5L);
      assertThat(AggregateArg.argMin(dates)).isEqualTo(2L);
      assertThat(AggregateArg.argMax(unsigned)).isEqualTo(1L);
    }
    // ["zz", "a", "zz"]: arg_max -> 2 (strings: the last tie), arg_min -> 1; [3, 5, 5].arg_max() -> 1
    try (Column strings = column(DataType.UTF8, "zz", "a", "zz", null);
        Column numbers = column(DataType.INT32, 3, 5, 5)) {
      assertThat(AggregateArg.argMax(strings)).isEqualTo(2L);
      assertThat(AggregateArg.argMin(strings)).isEqualTo(1L);
      assertThat(AggregateArg.argMax(numbers)).isEqualTo(1L);
    }
  }

  @Test
  void argMinOfNothingIsNull() {
    try (Column empty = column(DataType.INT64);
        Column nulls = column(DataType.UTF8, null, null)) {
      assertThat(AggregateArg.argMin(empty)).isNull();
      assertThat(AggregateArg.argMax(nulls)).isNull();
    }
  }
}
