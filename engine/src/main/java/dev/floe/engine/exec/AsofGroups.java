package dev.floe.engine.exec;

import dev.floe.kernels.hashing.GroupIds;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.Concatenation;
import dev.floe.memory.column.RecordBatch;
import dev.floe.planner.plan.AsofJoin;
import dev.floe.planner.plan.AsofJoinLayout;
import dev.floe.planner.plan.AsofJoinOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The rows of an as-of join's by groups, left and right, in input order: group {@code g}'s left
 * rows are {@code leftRows[leftStarts[g], leftStarts[g + 1])}, likewise on the right. The by values
 * of both sides are hashed together ({@link GroupIds} over the concatenated by columns), so equal
 * values on either side share an id; a row with a null by value is in no group. The rows are then
 * bucketed by id with a counting sort, O(n + m). Closing releases the by columns, which stay open
 * for the sortedness messages ({@link #describeLeft}).
 */
record AsofGroups(int[] leftRows, int[] leftStarts, int[] rightRows, int[] rightStarts,
    IntFunction<String> describeLeft, IntFunction<String> describeRight, List<Column> owned) implements AutoCloseable {
  @Override
  public void close() {
    owned.forEach(Column::close);
  }

  int count() {
    return leftStarts.length - 1;
  }

  static AsofGroups whole(int leftCount, int rightCount) {
    int[] leftRows = new int[leftCount];
    Arrays.setAll(leftRows, row -> row);
    int[] rightRows = new int[rightCount];
    Arrays.setAll(rightRows, row -> row);
    return new AsofGroups(leftRows, new int[] {0, leftCount}, rightRows, new int[] {0, rightCount}, null, null,
        List.of());
  }

  /** Group ids over the by values of both sides at once, then the rows bucketed by id (a counting sort). */
  static AsofGroups of(AsofJoin join, AsofJoinLayout layout, RecordBatch left, RecordBatch right,
      BufferAllocator allocator) {
    AsofJoinOptions options = join.options();
    List<Column> owned = new ArrayList<>();
    try {
      List<Column> leftBy = AsofJoinExec.evaluate(left, options.byLeft(), layout.byTypes(), allocator);
      owned.addAll(leftBy);
      List<Column> rightBy = AsofJoinExec.evaluate(right, options.byRight(), layout.byTypes(), allocator);
      owned.addAll(rightBy);
      List<Column> both = new ArrayList<>();
      for (int index = 0; index < leftBy.size(); index++) {
        Column combined = Concatenation.concat(allocator, List.of(leftBy.get(index), rightBy.get(index)));
        owned.add(combined);
        both.add(combined);
      }
      GroupIds ids = GroupIds.of(both, allocator);
      int nl = left.rowCount();
      int total = nl + right.rowCount();
      int[] id = ids.ids().clone();
      for (int row = 0; row < total; row++) {
        for (Column column : both) {
          if (column.isNull(row)) {
            id[row] = -1; // a null by value pairs with nothing
            break;
          }
        }
      }
      int groups = ids.groupCount();
      int[] leftStarts = starts(id, 0, nl, groups);
      int[] rightStarts = starts(id, nl, total, groups);
      int[] leftRows = bucket(id, 0, nl, leftStarts);
      int[] rightRows = bucket(id, nl, total, rightStarts);
      List<String> byLeft = options.byLeft();
      List<String> byRight = options.byRight();
      // the by columns stay open for the messages until the groups are closed
      return new AsofGroups(leftRows, leftStarts, rightRows, rightStarts, row -> byValues(byLeft, leftBy, row),
          row -> byValues(byRight, rightBy, row), owned);
    } catch (RuntimeException failure) {
      owned.forEach(Column::close);
      throw failure;
    }
  }

  private static String byValues(List<String> names, List<Column> columns, int row) {
    List<String> parts = new ArrayList<>();
    for (int index = 0; index < names.size(); index++) {
      parts.add(names.get(index) + "=" + columns.get(index).getObject(row));
    }
    return "(" + String.join(", ", parts) + ")";
  }

  /** Where each group's rows start among rows {@code [from, to)} (ids -1 are left out); one extra end entry. */
  private static int[] starts(int[] id, int from, int to, int groups) {
    int[] starts = new int[groups + 1];
    for (int row = from; row < to; row++) {
      if (id[row] >= 0) {
        starts[id[row] + 1]++;
      }
    }
    for (int group = 0; group < groups; group++) {
      starts[group + 1] += starts[group];
    }
    return starts;
  }

  /** Rows {@code [from, to)} (numbered from {@code from}) in group order, input order within a group. */
  private static int[] bucket(int[] id, int from, int to, int[] starts) {
    int[] next = Arrays.copyOf(starts, starts.length - 1);
    int[] rows = new int[starts[starts.length - 1]];
    for (int row = from; row < to; row++) {
      if (id[row] >= 0) {
        rows[next[id[row]]++] = row - from;
      }
    }
    return rows;
  }
}
