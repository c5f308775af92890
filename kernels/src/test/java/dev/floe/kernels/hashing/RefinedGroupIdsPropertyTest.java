package dev.floe.kernels.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link RefinedGroupIds} against {@link GroupIdsReference} (a HashMap over Java values): an
 * integer key (and maybe a short string key) with long strings (non-ASCII, empty, with nulls and
 * slices) that it decides fully, mostly or hardly at all, in any column order. Whenever it groups,
 * ids, first rows and count equal the reference; when an integer key of a wide enough range
 * decides the strings (some past 15 bytes) it always groups; {@link GroupIds#of} groups
 * every case like the reference.
 */
@LeakCheckedProperty
class RefinedGroupIdsPropertyTest {
  @Property(tries = 300)
  void packedThenComparedKeysGroupLikeTheReference(@ForAll long seed) {
    Random random = new Random(seed);
    int length = random.nextInt(6) == 0 ? random.nextInt(3) : random.nextInt(3000);
    int distinct = 1 + random.nextInt(random.nextBoolean() ? 10 : 1000);
    int mode = random.nextInt(3); // 0: the strings follow the key; 1: mostly; 2: independent
    boolean stringKey = random.nextBoolean(); // a short string key besides the integer one
    DataType longType = random.nextBoolean() ? DataType.UTF8 : DataType.LARGE_UTF8;
    double nulls = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.2;
    List<Object> packedValues = new ArrayList<>();
    List<Object> shortValues = new ArrayList<>();
    List<Object> longValues = new ArrayList<>();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int row = 0; row < length; row++) {
      int key = random.nextInt(distinct);
      packedValues.add(random.nextDouble() < nulls ? null : key * 31L - 1000);
      shortValues.add(random.nextDouble() < nulls ? null : "k" + key % 7);
      min = Math.min(min, key * 31L - 1000);
      max = Math.max(max, key * 31L - 1000);
      int text = switch (mode) {
        case 0 -> key;
        case 1 -> random.nextInt(10) == 0 ? key + 1 : key;
        default -> random.nextInt(50);
      };
      longValues.add(random.nextDouble() < nulls ? null : text % 17 == 0 ? ""
          : "a long string past fifteen bytes, ünïcödé " + text);
    }
    BufferAllocator allocator = BufferAllocator.current();
    List<Column> keys = new ArrayList<>();
    try {
      List<List<Object>> values = new ArrayList<>(List.of(packedValues, longValues));
      if (stringKey) {
        values.add(random.nextInt(3), shortValues);
      }
      if (random.nextBoolean()) {
        Collections.reverse(values);
      }
      for (List<Object> column : values) {
        DataType type = column == packedValues ? DataType.INT64 : column == shortValues ? DataType.UTF8 : longType;
        keys.add(sample(type, column, random).build());
      }
      GroupIdsReference expected = new GroupIdsReference(values, length);
      GroupIds refined = RefinedGroupIds.tryOf(keys);
      boolean anyLong = longValues.stream().anyMatch(value -> value != null && !value.equals(""));
      boolean identifier = length > 0 && max - min >= length / 4; // the integer key spans enough values
      if (mode == 0 && nulls == 0 && anyLong && identifier) {
        assertThat(refined).as("a packed key that decides the strings").isNotNull();
      }
      if (refined != null) {
        assertThat(refined.ids()).containsExactly(expected.ids);
        assertThat(refined.firstRows()).containsExactly(expected.firstRowsArray());
        assertThat(refined.groupCount()).isEqualTo(expected.firstRows.size());
      }
      assertThat(GroupIds.of(keys, allocator).ids()).containsExactly(expected.ids);
    } finally {
      keys.forEach(Column::close);
    }
  }

  private static ColumnSample sample(DataType type, List<Object> values, Random random) {
    return random.nextBoolean() ? ColumnSample.of(type, values)
        : new ColumnSample(type, values, Collections.singletonList(null), Collections.singletonList(values.isEmpty()
            ? null : values.getFirst()));
  }
}
