package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link GroupedExtremes} against a reference that compares each row with the value at the held
 * row through the per-row reads ({@link AggregateValues}): every integer width, u64, dates,
 * timestamps, floats with NaN and signed zeros, nulls, slices, random group ids; the rows picked
 * are identical (first row among equals, NaN only for all-NaN groups, -1 for all-null groups).
 */
@LeakCheckedProperty
class GroupedExtremesPropertyTest {
  @Provide
  Arbitrary<ColumnSample> numbers() {
    return Arbitraries.of(DataType.INT8, DataType.UINT8, DataType.INT16, DataType.UINT16, DataType.INT32,
        DataType.UINT32, DataType.INT64, DataType.UINT64, DataType.FLOAT32, DataType.FLOAT64, DataType.DATE32,
        new DataType.Timestamp(dev.floe.memory.types.TimeUnit.MICROSECOND, null))
        .flatMap(ColumnArbitraries::columns);
  }

  @Property(tries = 400)
  void extremeRowsEqualTheReference(@ForAll("numbers") ColumnSample sample, @ForAll long seed,
      @ForAll boolean min) {
    try (Column column = sample.build()) {
      FixedWidthColumn values = (FixedWidthColumn) column;
      Random random = new Random(seed);
      int groups = 1 + random.nextInt(random.nextBoolean() ? 3 : 200);
      int[] ids = random.ints(values.length(), 0, groups).toArray();
      assertThat(GroupedExtremes.rows(values, ids, groups, min)).containsExactly(reference(values, ids, groups, min));
    }
  }

  private static int[] reference(FixedWidthColumn values, int[] ids, int groups, boolean min) {
    int[] best = new int[groups];
    Arrays.fill(best, -1);
    DataType type = values.type();
    for (int row = 0; row < ids.length; row++) {
      if (values.isNull(row)) {
        continue;
      }
      int current = best[ids[row]];
      if (current < 0) {
        best[ids[row]] = row;
        continue;
      }
      int order;
      if (type.isFloatingPoint()) {
        double value = AggregateValues.asDouble(values, row);
        double held = AggregateValues.asDouble(values, current);
        if (Double.isNaN(value)) {
          continue;
        }
        order = Double.isNaN(held) ? (min ? -1 : 1) : Double.compare(value, held);
      } else if (type instanceof DataType.UInt64) {
        order = Long.compareUnsigned(values.getLong(row), values.getLong(current));
      } else {
        order = Long.compare(AggregateValues.asLong(values, row), AggregateValues.asLong(values, current));
      }
      if (min ? order < 0 : order > 0) {
        best[ids[row]] = row;
      }
    }
    return best;
  }
}
