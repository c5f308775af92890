package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ComputeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.testkit.LeakChecked;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Reshape} and {@link Distinct}: Polars' slice, gather and drop-NaN rules, value counts. */
@LeakChecked
class ReshapeKernelsTest {
  private static Column column(DataType type, Object... values) {
    return JavaValues.toColumn(BufferAllocator.current(), type, Arrays.asList(values));
  }

  private static List<Object> values(Column column) {
    List<Object> values = new ArrayList<>();
    for (int row = 0; row < column.length(); row++) {
      values.add(column.getObject(row));
    }
    return values;
  }

  @Test
  void slicesClipToTheColumnAndCountNegativeOffsetsFromTheEnd() {
    try (Column input = column(DataType.INT64, 0L, 1L, 2L, 3L, 4L);
        Column tail = Reshape.slice(input, -2, null);
        Column clipped = Reshape.slice(input, -7, 3L);
        Column beyond = Reshape.slice(input, 9, 2L);
        Column huge = Reshape.slice(input, 3, Long.MAX_VALUE)) {
      assertThat(values(tail)).containsExactly(3L, 4L);
      assertThat(values(clipped)).containsExactly(0L);
      assertThat(values(beyond)).isEmpty();
      assertThat(values(huge)).containsExactly(3L, 4L);
    }
  }

  @Test
  void gatherTakesNegativeIndicesFromTheEndAndNullsAsNulls() {
    try (Column input = column(DataType.UTF8, "a", "b", "c");
        Column indices = column(DataType.INT32, -1, null, 0, -3);
        Column gathered = Reshape.gather(input, indices, BufferAllocator.current())) {
      assertThat(values(gathered)).containsExactly("c", null, "a", "a");
    }
  }

  @Test
  void gatherOutOfBoundsNamesTheIndexAndTheLength() {
    try (Column input = column(DataType.INT64, 1L, 2L);
        Column low = column(DataType.INT64, -3L);
        Column high = column(DataType.UINT32, 2)) {
      assertThatThrownBy(() -> Reshape.gather(input, low, BufferAllocator.current()))
          .isInstanceOf(ComputeException.class)
          .hasMessageContaining("index -3")
          .hasMessageContaining("length 2");
      assertThatThrownBy(() -> Reshape.gather(input, high, BufferAllocator.current()))
          .isInstanceOf(ComputeException.class)
          .hasMessageContaining("index 2");
    }
  }

  @Test
  void dropNansKeepsNullsAndIgnoresOtherTypes() {
    try (Column floats = column(DataType.FLOAT64, 1.0, Double.NaN, null, -0.0);
        Column dropped = Reshape.dropNans(floats, BufferAllocator.current());
        Column strings = column(DataType.UTF8, "x", null);
        Column same = Reshape.dropNans(strings, BufferAllocator.current())) {
      assertThat(values(dropped)).containsExactly(1.0, null, -0.0);
      assertThat(values(same)).containsExactly("x", null);
    }
  }

  @Test
  void reverseOfASlice() {
    try (Column input = column(DataType.BOOLEAN, true, false, null, true);
        Column slice = input.slice(1, 3);
        Column reversed = Reshape.reverse(slice, BufferAllocator.current())) {
      assertThat(values(reversed)).containsExactly(true, null, false);
    }
  }

  @Test
  void uniqueAndCountsFollowFirstAppearance() {
    try (Column input = column(DataType.FLOAT64, 2.0, -0.0, Double.NaN, 0.0, null, 2.0, Double.NaN);
        Column unique = Distinct.unique(input, BufferAllocator.current());
        Column counts = Distinct.uniqueCounts(input, BufferAllocator.current())) {
      assertThat(values(unique)).containsExactly(2.0, -0.0, Double.NaN, null);
      assertThat(counts.type()).isEqualTo(DataType.UINT32);
      assertThat(values(counts)).containsExactly(2L, 2L, 2L, 1L);
    }
  }

  @Test
  void valueCountsSortedByCountWithTiesInOrderOfAppearance() {
    DataType.StructType type = DataType.StructType.of(
        Field.of("v", DataType.UTF8), Field.of("n", DataType.UINT32));
    try (Column input = column(DataType.UTF8, "a", "b", "b", null, "c", "c", "c", null);
        Column counts = Distinct.valueCounts(input, true, false, type, BufferAllocator.current());
        Column shares = Distinct.valueCounts(input, false, true, type, BufferAllocator.current())) {
      assertThat(counts.type()).isEqualTo(type);
      assertThat(values(counts).stream().map(Object::toString).toList())
          .containsExactly("{v=c, n=3}", "{v=b, n=2}", "{v=null, n=2}", "{v=a, n=1}");
      assertThat(values(shares).getFirst().toString()).isEqualTo("{v=a, n=0.125}");
    }
  }
}
