package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link GroupedSums} against the per-row reads of {@link AggregateValues} (its scalar reference):
 * every integer width, floats, u64, with nulls and at non-zero slice offsets, random group ids.
 * Integer sums wrap identically; float sums add in the same row order, so they are equal exactly.
 */
@LeakCheckedProperty
class GroupedSumsPropertyTest {
  @Provide
  Arbitrary<ColumnSample> numbers() {
    return Arbitraries.of(DataType.INT8, DataType.UINT8, DataType.INT16, DataType.UINT16, DataType.INT32,
        DataType.UINT32, DataType.INT64, DataType.UINT64, DataType.FLOAT32, DataType.FLOAT64, DataType.DATE32)
        .flatMap(ColumnArbitraries::columns);
  }

  @Property(tries = 300)
  void sumsAndCountsEqualTheRowByRowReference(@ForAll("numbers") ColumnSample sample, @ForAll long seed) {
    try (Column column = sample.build()) {
      FixedWidthColumn values = (FixedWidthColumn) column;
      Random random = new Random(seed);
      int groups = 1 + random.nextInt(random.nextBoolean() ? 4 : 300);
      int[] ids = random.ints(values.length(), 0, groups).toArray();
      double[] doubles = new double[groups];
      double[] expectedDoubles = new double[groups];
      int[] counts = new int[groups];
      int[] expectedCounts = new int[groups];
      int[] all = new int[groups];
      GroupedSums.addDoubles(values, ids, doubles);
      GroupedSums.count(values, ids, counts);
      GroupedSums.count(null, ids, all);
      for (int row = 0; row < ids.length; row++) {
        if (values.isValid(row)) {
          expectedDoubles[ids[row]] += AggregateValues.asDouble(values, row);
          expectedCounts[ids[row]]++;
        }
      }
      assertThat(doubles).containsExactly(expectedDoubles);
      assertThat(counts).containsExactly(expectedCounts);
      assertThat(java.util.Arrays.stream(all).sum()).isEqualTo(ids.length);
      if (!values.type().isFloatingPoint()) {
        long[] longs = new long[groups];
        long[] expectedLongs = new long[groups];
        GroupedSums.addLongs(values, ids, longs);
        for (int row = 0; row < ids.length; row++) {
          if (values.isValid(row)) {
            expectedLongs[ids[row]] += AggregateValues.asLong(values, row);
          }
        }
        assertThat(longs).containsExactly(expectedLongs);
      }
    }
  }
}
