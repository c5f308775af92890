package dev.floe.kernels;

import static dev.floe.testkit.ColumnAssertions.assertColumnEquals;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The string gather ({@link GatherStrings}: short values as words, runs of consecutive rows as
 * one copy) and the generic one of 64-bit offsets give the sample's values at the gathered rows:
 * index arrays mixing runs (as a filter makes), random and repeated rows and nulls (-1), on
 * sliced columns with nulls, empty, multi-byte and long values.
 */
@LeakCheckedProperty
class GatherStringsPropertyTest {
  @Provide
  Arbitrary<ColumnSample> strings() {
    return Arbitraries.of(DataType.UTF8, DataType.LARGE_UTF8, DataType.BINARY)
        .flatMap(type -> Arbitraries.longs()
            .map(seed -> StringPredicatePropertyTest.sample(type, seed)));
  }

  @Property(tries = 400)
  void gatheredRowsHoldTheSampleValues(
      @ForAll("strings") ColumnSample sample, @ForAll long seed) {
    Random random = new Random(seed);
    int length = sample.length();
    int count = random.nextInt(3) == 0 ? 0 : random.nextInt(2 * length + 5);
    int[] rows = new int[count + random.nextInt(3)]; // spare entries past count are ignored
    // mostly runs (the run-by-run copy) or mostly random rows (the value-by-value copy)
    double runs = new double[] {0.0, 0.3, 0.9, 0.99}[random.nextInt(4)];
    for (int index = 0; index < count; index++) {
      int kind = random.nextDouble() < runs ? 1 : random.nextInt(4);
      if (length == 0 || (kind == 0 && random.nextInt(3) > 0)) {
        rows[index] = -1;
      } else if (kind == 1 && index > 0 && rows[index - 1] >= 0 && rows[index - 1] + 1 < length) {
        rows[index] = rows[index - 1] + 1;
      } else if (kind == 2 && index > 0) {
        rows[index] = rows[index - 1];
      } else {
        rows[index] = random.nextInt(length);
      }
    }
    List<Object> expected = new ArrayList<>(count);
    for (int index = 0; index < count; index++) {
      expected.add(rows[index] < 0 ? null : sample.values().get(rows[index]));
    }
    try (Column column = sample.build();
        Column gathered = GatherRows.gather(column, rows, count, BufferAllocator.current())) {
      assertColumnEquals(gathered, expected);
    }
  }
}
