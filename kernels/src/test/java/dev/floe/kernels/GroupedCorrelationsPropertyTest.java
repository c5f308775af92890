package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link GroupedCorrelations} against the two-pass {@link Correlations#pearson} over each group's
 * rows gathered together: random groups, nulls on either side, constant groups (NaN), groups of
 * one pair, values far from zero (where the one-pass sums-of-squares form loses every digit), and
 * the rows split into ranges whose states are merged. Equal to a relative 1e-9, NaN where it is NaN.
 */
@LeakCheckedProperty
class GroupedCorrelationsPropertyTest {
  @Property(tries = 300)
  void oneParallelPassEqualsTheTwoPassCorrelationOfEachGroup(@ForAll long seed) {
    Random random = new Random(seed);
    int rows = random.nextInt(random.nextBoolean() ? 20 : 2000);
    int groups = 1 + random.nextInt(random.nextBoolean() ? 3 : 50);
    double offset = random.nextBoolean() ? 0 : 1e6; // the sums-of-squares form would lose ~9 digits here
    boolean constant = random.nextInt(5) == 0;
    int[] ids = random.ints(rows, 0, groups).toArray();
    List<Object> xs = new ArrayList<>();
    List<Object> ys = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      double x = offset + (constant ? 3 : random.nextInt(100)) + random.nextDouble();
      xs.add(random.nextInt(10) == 0 ? null : constant ? offset : x);
      ys.add(random.nextInt(10) == 0 ? null : offset + 0.5 * x + random.nextGaussian());
    }
    BufferAllocator allocator = BufferAllocator.current();
    try (Column x = JavaValues.toColumn(allocator, DataType.FLOAT64, xs);
        Column y = JavaValues.toColumn(allocator, DataType.FLOAT64, ys)) {
      int ranges = 1 + random.nextInt(4);
      GroupedCorrelations total = new GroupedCorrelations(groups);
      for (int range = 0; range < ranges; range++) {
        GroupedCorrelations state = new GroupedCorrelations(groups);
        state.update(x, y, ids, rows * range / ranges, rows * (range + 1) / ranges);
        total.merge(state);
      }
      double[] actual = total.finish();
      for (int group = 0; group < groups; group++) {
        List<Object> gx = new ArrayList<>();
        List<Object> gy = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
          if (ids[row] == group) {
            gx.add(xs.get(row));
            gy.add(ys.get(row));
          }
        }
        try (Column cx = JavaValues.toColumn(allocator, DataType.FLOAT64, gx);
            Column cy = JavaValues.toColumn(allocator, DataType.FLOAT64, gy)) {
          double expected = Correlations.pearson(cx, cy, 0, gx.size());
          if (Double.isNaN(expected)) {
            assertThat(actual[group]).as("group %d", group).isNaN();
          } else {
            assertThat(Math.abs(actual[group] - expected)).as("group %d: %s vs %s", group, actual[group], expected)
                .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(expected)));
          }
        }
      }
    }
  }
}
