package dev.floe.kernels.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.kernels.Cast;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link RadixGroupIds} against {@link GroupIdsReference} (a HashMap over Java values): two or three
 * keys mixing categoricals and integer or date keys of small ranges (negative bases, nulls, slices,
 * all-null keys) group identically, ids, first rows and count; a key of a wide range or a string
 * key makes it decline, and {@link GroupIds#of} still groups those.
 */
@LeakCheckedProperty
class RadixGroupIdsPropertyTest {
  private static final DataType[] INTEGERS = {DataType.INT8, DataType.INT16, DataType.INT32, DataType.INT64,
      DataType.UINT8, DataType.UINT32, DataType.DATE32};

  @Property(tries = 300)
  void mixedSmallKeysGroupLikeTheReference(@ForAll long seed) {
    Random random = new Random(seed);
    int length = random.nextInt(6) == 0 ? random.nextInt(3) : random.nextInt(2000);
    int keyCount = 2 + random.nextInt(2);
    boolean wide = random.nextInt(5) == 0;
    BufferAllocator allocator = BufferAllocator.current();
    List<Column> keys = new ArrayList<>();
    List<List<Object>> values = new ArrayList<>();
    try {
      for (int key = 0; key < keyCount; key++) {
        double nulls = random.nextInt(4) == 0 ? 0 : random.nextInt(10) == 0 ? 1 : random.nextDouble() * 0.3;
        int distinct = 1 + random.nextInt(random.nextBoolean() ? 5 : 30); // three radices of 31 stay under 2^16
        List<Object> column = new ArrayList<>();
        boolean categorical = random.nextBoolean();
        DataType type = categorical ? DataType.UTF8 : INTEGERS[random.nextInt(INTEGERS.length)];
        long base = type.isSignedInteger() || type instanceof DataType.Date32 ? random.nextInt(200) - 100 : 0;
        for (int row = 0; row < length; row++) {
          int value = random.nextInt(distinct);
          column.add(random.nextDouble() < nulls ? null : categorical ? "c" + value
              : DirectGroupIdsPropertyTest.box(type, wide && key == 0 && type instanceof DataType.Int64 && value == 0 ? Long.MAX_VALUE / 2
                  : base + value));
        }
        values.add(column);
        ColumnSample sample = random.nextBoolean() ? ColumnSample.of(type, column)
            : new ColumnSample(type, column, List.of(), column.isEmpty() ? List.of() : java.util.Collections.singletonList(column.getFirst()));
        try (Column built = sample.build()) {
          keys.add(categorical ? Cast.cast(built, DataType.CATEGORICAL, true, allocator) : built.share());
        }
      }
      GroupIdsReference expected = new GroupIdsReference(values, length);
      GroupIds direct = RadixGroupIds.tryOf(keys);
      boolean wideKey = wide && keys.getFirst().type() instanceof DataType.Int64
          && values.getFirst().contains(Long.MAX_VALUE / 2) && values.getFirst().stream().anyMatch(
              value -> value != null && !value.equals(Long.MAX_VALUE / 2));
      if (wideKey) {
        assertThat(direct).as("a key of a wide range is declined").isNull();
      } else {
        assertThat(direct).as("small keys %s", keys.stream().map(Column::type).toList()).isNotNull();
        assertThat(direct.ids()).containsExactly(expected.ids);
        assertThat(direct.firstRows()).containsExactly(expected.firstRowsArray());
        assertThat(direct.groupCount()).isEqualTo(expected.firstRows.size());
      }
      GroupIds general = GroupIds.of(keys, allocator);
      assertThat(general.ids()).containsExactly(expected.ids);
    } finally {
      keys.forEach(Column::close);
    }
  }
}
