package dev.floe.kernels.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link PartitionedJoinTable} (1 to 16 partitions, its tasks run in a shuffled order) against one
 * {@link JoinTable} over both sides concatenated: for random build and probe keys (i64, i32,
 * strings; with nulls or not; few distinct values, so keys repeat, or many, so they are often
 * unique; one or two keys), every probe row finds the same build rows, in the same order, by
 * equality and by the integer key kept in the slots (one row at a time and in blocks); and the partitions report unique keys exactly
 * when no build key repeats, in which case a group is its one build row.
 */
@LeakCheckedProperty
class PartitionedJoinTablePropertyTest {
  private static final DataType[] TYPES = {DataType.INT64, DataType.INT32, DataType.UINT32, DataType.DATE32,
      DataType.UTF8};

  @Property(tries = 300)
  void partitionsFindWhatOneTableFinds(@ForAll long seed) {
    Random random = new Random(seed);
    int buildRows = random.nextInt(60);
    int probeRows = random.nextInt(150);
    int keyCount = random.nextInt(4) == 0 ? 2 : 1;
    int range = random.nextBoolean() ? 6 : 10_000;
    boolean nullsMatch = random.nextBoolean();
    boolean nulls = random.nextBoolean();
    int partitions = 1 << random.nextInt(5);
    BufferAllocator allocator = BufferAllocator.current();
    List<Column> build = new ArrayList<>();
    List<Column> probe = new ArrayList<>();
    List<Column> both = new ArrayList<>();
    try {
      for (int key = 0; key < keyCount; key++) {
        DataType type = TYPES[random.nextInt(TYPES.length)];
        List<Object> buildValues = values(random, type, buildRows, range, nulls);
        List<Object> probeValues = values(random, type, probeRows, range, nulls);
        List<Object> all = new ArrayList<>(buildValues);
        all.addAll(probeValues);
        build.add(JavaValues.toColumn(allocator, type, buildValues));
        probe.add(JavaValues.toColumn(allocator, type, probeValues));
        both.add(JavaValues.toColumn(allocator, type, all));
      }
      try (JoinTable reference = JoinTable.build(both, 0, buildRows, nullsMatch, allocator);
          PartitionedJoinTable table = PartitionedJoinTable.build(build, nullsMatch, partitions, tasks -> {
            List<Runnable> shuffled = new ArrayList<>(tasks);
            Collections.shuffle(shuffled, random);
            shuffled.forEach(Runnable::run);
          }, allocator)) {
        assertThat(table.parts()).hasSize(partitions);
        boolean unique = table.parts().stream().allMatch(JoinTable::uniqueKeys);
        assertThat(unique).as("unique build keys").isEqualTo(reference.uniqueKeys());
        int distinct = table.parts().stream().mapToInt(JoinTable::groupCount).sum();
        assertThat(distinct).as("distinct build keys").isEqualTo(reference.groupCount());
        IntegerKeys integers = table.keysInSlots(probe) ? IntegerKeys.of(probe) : null;
        long[] hashes = JoinTable.hashes(probe, allocator);
        CrossEquality equality = CrossEquality.of(build, probe);
        int[] blockGroups = new int[probeRows];
        int[] inlineGroups = new int[probeRows];
        long[] inlineHashes = new long[probeRows];
        if (integers != null) {
          table.groupsOfKeys(hashes, integers, probeRows, blockGroups, false);
          if (integers.hashesInline()) {
            table.groupsOfKeys(inlineHashes, integers, probeRows, inlineGroups, true);
            assertThat(inlineHashes).as("hashes from the keys").isEqualTo(hashes);
            assertThat(inlineGroups).as("groups with the hashes from the keys").isEqualTo(blockGroups);
          }
        }
        for (int row = 0; row < probeRows; row++) {
          List<Integer> expected = rows(reference, reference.group(buildRows + row));
          boolean nullKey = !nullsMatch && hasNull(probe, row);
          JoinTable part = table.part(hashes[row]);
          int group = nullKey ? -1 : part.group(hashes[row], equality, row);
          assertThat(rows(part, group)).as("probe row %d", row).isEqualTo(expected);
          if (part.uniqueKeys() && group >= 0) {
            assertThat(part.firstRow(group)).as("a unique key's group is its row").isEqualTo(group);
          }
          if (integers != null) {
            assertThat(rows(part, part.groupOfKey(hashes[row], integers.at(row))))
                .as("probe row %d by the key in the slots", row).isEqualTo(expected);
            assertThat(rows(part, blockGroups[row])).as("probe row %d looked up in a block", row).isEqualTo(expected);
          }
        }
      }
    } finally {
      build.forEach(Column::close);
      probe.forEach(Column::close);
      both.forEach(Column::close);
    }
  }

  static boolean hasNull(List<Column> keys, int row) {
    return keys.stream().anyMatch(column -> column.isNull(row));
  }

  /** The build rows of {@code group} (none for -1), ascending. */
  static List<Integer> rows(JoinTable table, int group) {
    List<Integer> rows = new ArrayList<>();
    if (group >= 0) {
      for (int position = table.start(group); position < table.end(group); position++) {
        rows.add(table.row(position));
      }
    }
    return rows;
  }

  private static List<Object> values(Random random, DataType type, int rows, int range, boolean nulls) {
    List<Object> values = new ArrayList<>(rows);
    for (int row = 0; row < rows; row++) {
      int value = random.nextInt(range);
      values.add(nulls && random.nextInt(8) == 0 ? null : switch (type) {
        case DataType.Int64 ignored -> (long) value - range / 2;
        case DataType.Int32 ignored -> value;
        case DataType.UInt32 ignored -> 3_000_000_000L + value; // above Integer.MAX_VALUE: zero-extended
        case DataType.Date32 ignored -> java.time.LocalDate.ofEpochDay(value - range / 2);
        default -> "key" + value;
      });
    }
    return values;
  }
}
