package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.kernels.sort.NormalizedKeys;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link GroupedTopRows} against a stable sort of each group's rows (a Java list sort by null rank,
 * then normalized key) cut to n: integer, float (NaN, signed zeros), date and timestamp keys with
 * nulls first or last, either direction, slices, n from 0 to past the group sizes.
 */
@LeakCheckedProperty
class GroupedTopRowsPropertyTest {
  @Provide
  Arbitrary<ColumnSample> keys() {
    return Arbitraries.of(DataType.INT8, DataType.UINT16, DataType.INT32, DataType.UINT32, DataType.INT64,
        DataType.UINT64, DataType.FLOAT32, DataType.FLOAT64, DataType.DATE32)
        .flatMap(ColumnArbitraries::columns);
  }

  @Property(tries = 400)
  void topRowsAreEachGroupsStablySortedHead(@ForAll("keys") ColumnSample sample, @ForAll long seed,
      @ForAll boolean descending, @ForAll boolean nullsLast) {
    try (Column column = sample.build()) {
      FixedWidthColumn key = (FixedWidthColumn) column;
      Random random = new Random(seed);
      int groups = 1 + random.nextInt(random.nextBoolean() ? 3 : 100);
      int n = random.nextInt(6);
      int[] ids = random.ints(key.length(), 0, groups).toArray();
      GroupedTopRows.Result result = GroupedTopRows.of(key, descending, nullsLast, ids, groups, n);
      List<Integer> expected = new ArrayList<>();
      int[] offsets = new int[groups + 1];
      for (int group = 0; group < groups; group++) {
        int g = group;
        List<Integer> rows = new ArrayList<>(IntStream.range(0, ids.length).filter(row -> ids[row] == g).boxed()
            .toList());
        rows.sort(Comparator.<Integer>comparingInt(row -> key.isNull(row) ? (nullsLast ? 1 : -1) : 0)
            .thenComparing((a, b) -> Long.compareUnsigned(NormalizedKeys.key(key, a, descending),
                NormalizedKeys.key(key, b, descending))));
        List<Integer> head = rows.subList(0, Math.min(n, rows.size()));
        expected.addAll(head);
        offsets[group + 1] = offsets[group] + head.size();
      }
      assertThat(result.offsets()).containsExactly(offsets);
      assertThat(result.rows()).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  @Property(tries = 20)
  void largeNIsLeftToASort(@ForAll long seed) {
    try (Column column = ColumnSample.of(DataType.INT64, List.of(1L, 2L, 3L)).build()) {
      assertThat(GroupedTopRows.of((FixedWidthColumn) column, false, true, new int[3], 1, GroupedTopRows.MAX_N + 1
          + Math.floorMod(seed, 10))).isNull();
    }
  }
}
