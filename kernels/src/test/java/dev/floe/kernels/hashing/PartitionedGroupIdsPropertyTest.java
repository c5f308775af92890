package dev.floe.kernels.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link PartitionedGroupIds} against {@link GroupIds#of}: for random key columns (one or two of
 * i64, f64 with NaN and -0.0, strings; with nulls; few or many distinct values; enough rows that
 * partition tables grow), any power-of-two partition count, and tasks run in order or on a pool,
 * the ids, first rows and group count are exactly those of the single table.
 */
@LeakCheckedProperty
class PartitionedGroupIdsPropertyTest {
  private static final ForkJoinPool POOL = new ForkJoinPool(3);

  @Property(tries = 150)
  void partitionedGroupingEqualsTheSingleTable(@ForAll long seed) {
    Random random = new Random(seed);
    int rows = random.nextInt(random.nextBoolean() ? 50 : 5000);
    int distinct = 1 + random.nextInt(random.nextBoolean() ? 8 : 4000);
    int keyCount = 1 + random.nextInt(2);
    int partitions = 1 << random.nextInt(5);
    boolean pooled = random.nextBoolean();
    BufferAllocator allocator = BufferAllocator.current();
    List<Column> keys = new ArrayList<>();
    try {
      for (int key = 0; key < keyCount; key++) {
        int kind = random.nextInt(3);
        List<Object> values = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
          int value = random.nextInt(distinct);
          values.add(random.nextInt(10) == 0 ? null : switch (kind) {
            case 0 -> (Object) (long) value;
            case 1 -> value % 7 == 0 ? Double.NaN : value % 7 == 1 ? (random.nextBoolean() ? -0.0 : 0.0)
                : (Object) (double) value;
            default -> "k" + value;
          });
        }
        DataType type = kind == 0 ? DataType.INT64 : kind == 1 ? DataType.FLOAT64 : DataType.UTF8;
        keys.add(JavaValues.toColumn(allocator, type, values));
      }
      GroupIds expected = GroupIds.of(keys, allocator);
      long[] hashes = GroupIds.hashes(keys, allocator);
      GroupIds actual = PartitionedGroupIds.of(keys, hashes, partitions, tasks -> {
        if (pooled) {
          tasks.stream().map(POOL::submit).toList().forEach(java.util.concurrent.ForkJoinTask::join);
        } else {
          tasks.forEach(Runnable::run);
        }
      });
      assertThat(actual.groupCount()).isEqualTo(expected.groupCount());
      assertThat(actual.firstRows()).isEqualTo(expected.firstRows());
      assertThat(actual.ids()).isEqualTo(expected.ids());
    } finally {
      keys.forEach(Column::close);
    }
  }
}
