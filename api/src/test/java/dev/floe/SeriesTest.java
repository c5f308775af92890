package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakCheckExtension;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheckExtension.class)
class SeriesTest {

  @Test
  void typedFactoriesPickTheirTypes() {
    try (Series longs = Series.ofLongs("l", 1, 2);
        Series ints = Series.ofInts("i", 1, 2);
        Series doubles = Series.ofDoubles("d", 1.5);
        Series booleans = Series.ofBooleans("b", true, false);
        Series strings = Series.ofStrings("s", "a", null);
        Series dates = Series.ofDates("date", LocalDate.of(2024, 1, 1));
        Series dateTimes = Series.ofDateTimes("dt", LocalDateTime.of(2024, 1, 1, 0, 0))) {
      assertThat(longs.dtype()).isEqualTo(DataType.INT64);
      assertThat(ints.dtype()).isEqualTo(DataType.INT32);
      assertThat(doubles.dtype()).isEqualTo(DataType.FLOAT64);
      assertThat(booleans.dtype()).isEqualTo(DataType.BOOLEAN);
      assertThat(strings.dtype()).isEqualTo(DataType.UTF8);
      assertThat(strings.toList()).containsExactly("a", null);
      assertThat(dates.dtype()).isEqualTo(DataType.DATE32);
      assertThat(dateTimes.dtype()).isEqualTo(new DataType.Timestamp(TimeUnit.MICROSECOND, null));
    }
  }

  @Test
  void inferenceFollowsPolarsSupertypes() {
    try (Series mixed = Series.of("m", 1, 2.5, null);
        Series allNull = Series.of("n", null, null, null);
        Series nullFirst = Series.of("f", null, 2L);
        Series empty = Series.of("e")) {
      assertThat(mixed.dtype()).isEqualTo(DataType.FLOAT64);
      assertThat(mixed.toList()).containsExactly(1.0, 2.5, null);
      assertThat(allNull.dtype()).isEqualTo(DataType.NULL);
      assertThat(allNull.nullCount()).isEqualTo(3);
      assertThat(nullFirst.dtype()).isEqualTo(DataType.INT64);
      assertThat(nullFirst.toList()).containsExactly(null, 2L);
      assertThat(empty.dtype()).isEqualTo(DataType.NULL);
      assertThat(empty.isEmpty()).isTrue();
    }
    assertThatThrownBy(() -> Series.of("x", 1L, "a")).isInstanceOf(SchemaMismatchException.class);
  }

  @Test
  void explicitTypeConvertsValues() {
    try (Series series = Series.of("a", DataType.INT16, 1, 2L, null)) {
      assertThat(series.dtype()).isEqualTo(DataType.INT16);
      assertThat(series.toList()).containsExactly((short) 1, (short) 2, null);
    }
    assertThatThrownBy(() -> Series.of("a", DataType.INT8, 300))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("300");
  }

  @Test
  void propertiesAndAccess() {
    try (Series series = Series.of("a", 1L, null, 3L)) {
      assertThat(series.name()).isEqualTo("a");
      assertThat(series.len()).isEqualTo(3);
      assertThat(series.nullCount()).isEqualTo(1);
      assertThat(series.get(0)).isEqualTo(1L);
      assertThat(series.get(1)).isNull();
      assertThat(series.get(-1)).isEqualTo(3L);
      assertThat(series.isNull(1)).isTrue();
      assertThat(series.estimatedSize()).isPositive();
      assertThat(series.chunks()).hasSize(1);
      assertThat(series.column().length()).isEqualTo(3);
      assertThatThrownBy(() -> series.get(3))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessage("index 3 is out of bounds for series 'a' of length 3");
    }
  }

  @Test
  void slicesFollowPolarsSemantics() {
    try (Series series = Series.ofLongs("a", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        Series head = series.head(3);
        Series headNegative = series.head(-8);
        Series tail = series.tail(2);
        Series tailNegative = series.tail(-7);
        Series fromEnd = series.slice(-3, 5);
        Series beforeStart = series.slice(-12, 5);
        Series pastEnd = series.slice(12, 3);
        Series rest = series.slice(8);
        Series defaultHead = series.head()) {
      assertThat(head.toList()).containsExactly(0L, 1L, 2L);
      assertThat(headNegative.toList()).containsExactly(0L, 1L);
      assertThat(tail.toList()).containsExactly(8L, 9L);
      assertThat(tailNegative.toList()).containsExactly(7L, 8L, 9L);
      assertThat(fromEnd.toList()).containsExactly(7L, 8L, 9L);
      assertThat(beforeStart.toList()).containsExactly(0L, 1L, 2L);
      assertThat(pastEnd.toList()).isEmpty();
      assertThat(rest.toList()).containsExactly(8L, 9L);
      assertThat(defaultHead.len()).isEqualTo(5);
    }
  }

  @Test
  void derivedSeriesShareBuffersAndCloseIndependently() {
    Series original = Series.ofLongs("a", 1, 2, 3);
    Series renamed = original.rename("b");
    Series aliased = original.alias("c");
    Series sliced = original.slice(1, 2);
    original.close();
    assertThat(renamed.name()).isEqualTo("b");
    assertThat(renamed.toList()).containsExactly(1L, 2L, 3L);
    assertThat(aliased.name()).isEqualTo("c");
    assertThat(sliced.toList()).containsExactly(2L, 3L);
    renamed.close();
    aliased.close();
    sliced.close();
    sliced.close(); // idempotent
  }

  @Test
  void rechunkJoinsChunks() {
    try (DataFrame top = DataFrame.of(Series.ofLongs("a", 1, 2));
        DataFrame bottom = DataFrame.of(Series.ofLongs("a", 3));
        DataFrame stacked = top.vstack(bottom);
        Series chunked = stacked.column("a").share();
        Series single = chunked.rechunk()) {
      assertThat(chunked.chunks()).hasSize(2);
      assertThat(single.chunks()).hasSize(1);
      assertThat(single.toList()).containsExactly(1L, 2L, 3L);
      assertThat(single).isEqualTo(chunked);
    }
  }

  @Test
  void equalityComparesNameTypeAndValuesWithNanEqualToNan() {
    try (Series left = Series.of("a", 1.0, Double.NaN, null, 0.0);
        Series right = Series.of("a", 1.0, Double.NaN, null, -0.0);
        Series renamed = left.rename("b");
        Series otherType = Series.of("a", DataType.FLOAT32, 1.0f, Float.NaN, null, 0.0f);
        Series otherValue = Series.of("a", 1.0, Double.NaN, 2.0, 0.0)) {
      assertThat(left).isEqualTo(right).hasSameHashCodeAs(right);
      assertThat(left).isNotEqualTo(renamed).isNotEqualTo(otherType).isNotEqualTo(otherValue);
    }
  }

  @Test
  void borrowedViewsDoNotClose() {
    try (DataFrame frame = DataFrame.of(Series.ofLongs("a", 1, 2))) {
      Series view = frame.column("a");
      assertThat(view.isBorrowed()).isTrue();
      view.close();
      assertThat(frame.column("a").toList()).containsExactly(1L, 2L);
      try (Series own = view.share()) {
        assertThat(own.isBorrowed()).isFalse();
      }
    }
  }

  @Test
  void useAfterCloseFailsClearly() {
    Series series = Series.ofLongs("a", 1);
    series.close();
    assertThatThrownBy(series::toList).isInstanceOf(InvalidOperationException.class);
    assertThat(series.toString()).isEqualTo("Series: 'a' [closed]");
  }

  @Test
  void ofListTakesValuesOfAJavaList() {
    try (Series series = Series.ofList("a", Arrays.asList(1L, null));
        Series typed = Series.ofList("b", DataType.UINT32, List.of(4_000_000_000L))) {
      assertThat(series.toList()).containsExactly(1L, null);
      assertThat(typed.get(0)).isEqualTo(4_000_000_000L);
    }
  }
}
