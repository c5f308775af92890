package dev.floe.memory.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The bulk appends ({@code appendDoubles}, {@code appendLongs}, {@code appendInts}) build the same
 * column as one append per value, after a null and across growth, and refuse a type of another width.
 */
class BulkAppendTest {
  @Property(tries = 60)
  void bulkAppendsEqualOneAppendPerValue(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3000) int rows) {
    Random random = new Random(seed);
    double[] doubles = random.doubles(rows).map(value -> random.nextInt(50) == 0 ? Double.NaN : value - 0.5).toArray();
    long[] longs = random.longs(rows).toArray();
    int[] ints = random.ints(rows).toArray();
    int from = rows == 0 ? 0 : random.nextInt(rows);
    try (BufferAllocator allocator = BufferAllocator.newRoot("bulk", Long.MAX_VALUE);
        FixedWidthBuilder bulkDoubles = new FixedWidthBuilder(DataType.FLOAT64, allocator, 1);
        FixedWidthBuilder oneDoubles = new FixedWidthBuilder(DataType.FLOAT64, allocator, 1);
        FixedWidthBuilder bulkLongs = new FixedWidthBuilder(DataType.INT64, allocator, 1);
        FixedWidthBuilder oneLongs = new FixedWidthBuilder(DataType.INT64, allocator, 1);
        FixedWidthBuilder bulkInts = new FixedWidthBuilder(DataType.INT32, allocator, 1);
        FixedWidthBuilder oneInts = new FixedWidthBuilder(DataType.INT32, allocator, 1)) {
      for (FixedWidthBuilder builder : new FixedWidthBuilder[] {bulkDoubles, oneDoubles, bulkLongs, oneLongs,
          bulkInts, oneInts}) {
        builder.appendNull();
      }
      bulkDoubles.appendDoubles(doubles, from, rows - from);
      bulkLongs.appendLongs(longs, from, rows - from);
      bulkInts.appendInts(ints, from, rows - from);
      for (int row = from; row < rows; row++) {
        oneDoubles.appendDouble(doubles[row]);
        oneLongs.appendLong(longs[row]);
        oneInts.appendInt(ints[row]);
      }
      assertThatThrownBy(() -> bulkInts.appendDoubles(doubles, 0, 0)).isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("is not a 8-byte type");
      try (Column a = bulkDoubles.build(); Column b = oneDoubles.build(); Column c = bulkLongs.build();
          Column d = oneLongs.build(); Column e = bulkInts.build(); Column f = oneInts.build()) {
        assertThat(ColumnTesting.values(a)).isEqualTo(ColumnTesting.values(b)).hasSize(rows - from + 1);
        assertThat(ColumnTesting.values(c)).isEqualTo(ColumnTesting.values(d));
        assertThat(ColumnTesting.values(e)).isEqualTo(ColumnTesting.values(f));
        assertThat(a.nullCount()).isEqualTo(1);
      }
    }
  }
}
