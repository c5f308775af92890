package dev.floe.kernels.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link JoinTable} against a nested loop (and hashes of slices against hashes of the whole): for every row of one or two key columns (i64 and
 * strings from a small pool, with nulls) and a random build range, the rows its group lists are
 * exactly the build rows with an equal key, ascending; null keys match only when nulls match.
 */
@LeakCheckedProperty
class JoinTablePropertyTest {
  @Property(tries = 200)
  void groupsListExactlyTheEqualBuildRowsInOrder(@ForAll long seed) {
    Random random = new Random(seed);
    int rows = random.nextInt(60);
    int keyCount = 1 + random.nextInt(2);
    boolean nullsMatch = random.nextBoolean();
    List<List<Object>> values = new ArrayList<>();
    List<Column> keys = new ArrayList<>();
    try {
      for (int key = 0; key < keyCount; key++) {
        List<Object> column = new ArrayList<>();
        boolean strings = random.nextBoolean();
        for (int row = 0; row < rows; row++) {
          int value = random.nextInt(5);
          column.add(random.nextInt(6) == 0 ? null : strings ? (Object) ("s" + value) : (Object) (long) value);
        }
        values.add(column);
        keys.add(JavaValues.toColumn(BufferAllocator.current(), strings ? DataType.UTF8 : DataType.INT64, column));
      }
      int from = rows == 0 ? 0 : random.nextInt(rows);
      int to = from + (rows == from ? 0 : random.nextInt(rows - from + 1));
      long[] hashes = JoinTable.hashes(keys, BufferAllocator.current());
      assertThat(sliceHashes(keys, rows, 1 + random.nextInt(9))).as("hashes of slices").isEqualTo(hashes);
      try (JoinTable table = random.nextBoolean()
          ? JoinTable.build(keys, from, to, nullsMatch, BufferAllocator.current())
          : JoinTable.build(keys, hashes, from, to, nullsMatch, BufferAllocator.current())) {
        for (int row = 0; row < rows; row++) {
          List<Integer> expected = new ArrayList<>();
          for (int build = from; build < to; build++) {
            if (equal(values, row, build, nullsMatch)) {
              expected.add(build);
            }
          }
          int group = table.group(row);
          List<Integer> actual = new ArrayList<>();
          if (group >= 0) {
            for (int position = table.start(group); position < table.end(group); position++) {
              actual.add(table.row(position));
            }
          }
          assertThat(actual).as("row %d of %s, build [%d, %d)", row, values, from, to).isEqualTo(expected);
        }
      }
    } finally {
      keys.forEach(Column::close);
    }
  }

  /** The hashes of the keys computed slice by slice (as the engine does in parallel). */
  private static long[] sliceHashes(List<Column> keys, int rows, int step) {
    long[] all = new long[rows];
    for (int from = 0; from < rows; from += step) {
      int length = Math.min(step, rows - from);
      List<Column> parts = new ArrayList<>();
      try {
        for (Column key : keys) {
          parts.add(key.slice(from, length));
        }
        System.arraycopy(JoinTable.hashes(parts, BufferAllocator.current()), 0, all, from, length);
      } finally {
        parts.forEach(Column::close);
      }
    }
    return all;
  }

  private static boolean equal(List<List<Object>> values, int a, int b, boolean nullsMatch) {
    for (List<Object> column : values) {
      Object left = column.get(a);
      Object right = column.get(b);
      if ((left == null || right == null) && !nullsMatch) {
        return false;
      }
      if (!Objects.equals(left, right)) {
        return false;
      }
    }
    return true;
  }
}
