package dev.floe.kernels;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnAssertions;
import dev.floe.testkit.LeakChecked;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

@LeakChecked
class AggregateGroupedSumTest {
  @Test
  void updateCombineFinishMatchPerGroupSums() {
    BufferAllocator allocator = BufferAllocator.current();
    AggregateGroupedSum first = new AggregateGroupedSum(DataType.INT64);
    AggregateGroupedSum second = new AggregateGroupedSum(DataType.INT64);
    try (Column a = JavaValues.toColumn(allocator, DataType.INT64, Arrays.asList(1L, 2L, null, 4L));
        Column b = JavaValues.toColumn(allocator, DataType.INT64, Arrays.asList(10L, Long.MAX_VALUE, 1L))) {
      first.update(new int[] {0, 1, 1, 0}, a);
      second.update(new int[] {2, 0, 0}, b);
      first.combine(second);
      try (Column sums = first.finish(allocator)) {
        // group 0: 1 + 4 + MAX + 1 wraps; group 1: 2 (null skipped); group 2: 10
        ColumnAssertions.assertColumnEquals(sums, List.of(5L + Long.MAX_VALUE + 1, 2L, 10L));
      }
    }
    AggregateGroupedSum floats = new AggregateGroupedSum(DataType.FLOAT64);
    try (Column c = JavaValues.toColumn(allocator, DataType.FLOAT64, Arrays.asList(0.5, null, 1.5))) {
      floats.update(new int[] {1, 0, 1}, c);
      try (Column sums = floats.finish(allocator)) {
        ColumnAssertions.assertColumnEquals(sums, List.of(0.0, 2.0));
      }
    }
  }
}
