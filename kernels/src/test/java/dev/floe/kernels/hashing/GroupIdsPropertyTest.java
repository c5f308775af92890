package dev.floe.kernels.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.DataTypeArbitraries;
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
 * {@link GroupIds} against a {@link HashMap}-based reference ({@link GroupIdsReference}) on columns
 * of every leaf type (strings in all three layouts, floats with NaN and -0.0, nulls), sliced or
 * not, with values drawn from a small pool so that keys repeat; one and several key columns.
 */
@LeakCheckedProperty
class GroupIdsPropertyTest {

  @Provide
  Arbitrary<ColumnSample> leafColumns() {
    return ColumnArbitraries.leafColumns();
  }

  @Provide
  Arbitrary<ColumnSample> anyColumns() {
    return ColumnArbitraries.columns();
  }

  /** Nested and dictionary keys take the slow path (values compared as Java objects). */
  @Property(tries = 150)
  void nestedAndDictionaryKeysGroupLikeTheReference(
      @ForAll("anyColumns") ColumnSample sample, @ForAll long seed) {
    check(List.of(repeating(sample, new Random(seed))));
  }

  @Provide
  Arbitrary<DataType> keyTypes() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, DataTypeArbitraries.leafTypes()),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(DataType.UTF8, DataType.LARGE_UTF8,
            DataType.UTF8_VIEW, DataType.FLOAT64, DataType.FLOAT32, DataType.BOOLEAN)));
  }

  @Property(tries = 300)
  void oneKeyColumnGroupsLikeTheReference(
      @ForAll("leafColumns") ColumnSample sample, @ForAll long seed) {
    ColumnSample keys = repeating(sample, new Random(seed));
    check(List.of(keys));
  }

  @Provide
  Arbitrary<List<ColumnSample>> keyPools() {
    return keyTypes()
        .flatMap(type -> ColumnArbitraries.columns(type, Arbitraries.integers().between(0, 8)))
        .list().ofMinSize(1).ofMaxSize(3);
  }

  @Property(tries = 200)
  void severalKeyColumnsGroupLikeTheReference(
      @ForAll("keyPools") List<ColumnSample> pools, @ForAll long seed) {
    Random random = new Random(seed);
    int length = random.nextInt(300);
    List<ColumnSample> samples = new ArrayList<>();
    for (ColumnSample pool : pools) {
      samples.add(repeating(pool, length, random));
    }
    check(samples);
  }

  /** A column of {@code sample}'s length whose values come from a handful of its own values. */
  static ColumnSample repeating(ColumnSample sample, Random random) {
    return repeating(sample, sample.length(), random);
  }

  static ColumnSample repeating(ColumnSample sample, int length, Random random) {
    List<Object> pool = new ArrayList<>();
    for (int index = 0; index < Math.min(sample.length(), 1 + random.nextInt(6)); index++) {
      pool.add(sample.values().get(random.nextInt(sample.length())));
    }
    pool.add(null);
    if (sample.type() instanceof DataType.Float64) {
      pool.addAll(List.of(0.0, -0.0, Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L)));
    } else if (sample.type() instanceof DataType.Float32) {
      pool.addAll(List.of(0.0f, -0.0f, Float.NaN));
    }
    List<Object> values = new ArrayList<>();
    for (int row = 0; row < length; row++) {
      values.add(pool.get(random.nextInt(pool.size())));
    }
    if (random.nextBoolean()) {
      return ColumnSample.of(sample.type(), values);
    }
    List<Object> before = new ArrayList<>();
    for (int row = random.nextInt(70); row > 0; row--) {
      before.add(pool.get(random.nextInt(pool.size())));
    }
    return new ColumnSample(sample.type(), values, before, java.util.Collections.singletonList(pool.getFirst()));
  }

  private static void check(List<ColumnSample> samples) {
    int length = samples.getFirst().length();
    List<Column> columns = new ArrayList<>();
    try {
      for (ColumnSample sample : samples) {
        columns.add(sample.build());
      }
      GroupIds groups = GroupIds.of(columns, BufferAllocator.current());
      GroupIdsReference expected =
          new GroupIdsReference(samples.stream().map(ColumnSample::values).toList(), length);
      assertThat(groups.ids()).as("ids of %s", samples).containsExactly(expected.ids);
      assertThat(groups.groupCount()).isEqualTo(expected.firstRows.size());
      assertThat(groups.firstRows()).containsExactly(expected.firstRowsArray());
      assertThat(groups.counts()).containsExactly(expected.countsArray());
      assertThat(groups.lastRows()).containsExactly(expected.lastRowsArray());
      // hashing into a reused scratch array (longer than the rows) writes the same hashes
      long[] fresh = GroupIds.hashes(columns, BufferAllocator.current());
      long[] scratch = new long[length + 3];
      java.util.Arrays.fill(scratch, 42L);
      assertThat(GroupIds.hashes(columns, BufferAllocator.current(), scratch)).isSameAs(scratch);
      assertThat(java.util.Arrays.copyOf(scratch, length)).containsExactly(fresh);
      assertThat(java.util.Arrays.copyOfRange(scratch, length, length + 3)).containsOnly(42L);
    } finally {
      columns.forEach(Column::close);
    }
  }
}
