package dev.floe.engine.exec;

import dev.floe.engine.expr.Projection;
import dev.floe.kernels.hashing.GroupIds;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.Concatenation;
import dev.floe.memory.column.RecordBatch;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Exprs;
import dev.floe.planner.plan.AsofJoin;
import dev.floe.planner.plan.AsofJoinLayout;
import dev.floe.planner.plan.AsofJoinOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Runs an {@link AsofJoin}: both inputs whole, the two key columns cast to the key type, the rows
 * split into by groups (the by values of both sides hashed together into group ids; a row with a
 * null by value is in no group), each group's rows checked for sortedness, then merged ({@link
 * AsofMatch}; runs of groups in parallel), then the output: every left row as it is, its match's right columns or nulls
 * ({@link AsofGather}).
 */
final class AsofJoinExec {
  private AsofJoinExec() {}

  /** Takes ownership of both inputs; the output is morsels (in order) from {@code allocator}. */
  static List<RecordBatch> run(AsofJoin join, List<RecordBatch> leftInput, List<RecordBatch> rightInput,
      BufferAllocator allocator, QueryContext context) {
    AsofJoinLayout layout;
    RecordBatch left;
    try {
      layout = AsofJoinLayout.of(join);
      left = Batches.concat(leftInput, join.left().schema(), allocator);
    } catch (RuntimeException failure) {
      rightInput.forEach(RecordBatch::close);
      throw failure;
    }
    try (left; RecordBatch right = Batches.concat(rightInput, join.right().schema(), allocator)) {
      int[] matches = matches(join, layout, left, right, allocator, context);
      return AsofGather.gather(layout.layout(), left, right, matches, allocator, context);
    }
  }

  /** The right row of each left row, -1 for none. */
  private static int[] matches(AsofJoin join, AsofJoinLayout layout, RecordBatch left, RecordBatch right,
      BufferAllocator allocator, QueryContext context) {
    AsofJoinOptions options = join.options();
    int[] out = new int[left.rowCount()];
    Arrays.fill(out, -1);
    List<Column> keys = new ArrayList<>(2);
    try {
      keys.addAll(evaluate(left, List.of(options.leftOn()), List.of(layout.keyType()), allocator));
      keys.addAll(evaluate(right, List.of(options.rightOn()), List.of(layout.keyType()), allocator));
      AsofKeys values = AsofKeys.of(keys.get(0), keys.get(1), layout.keyType(), options.tolerance());
      try (Groups groups = options.byLeft().isEmpty() ? Groups.whole(left.rowCount(), right.rowCount())
          : Groups.of(join, layout, left, right, allocator)) {
        if (options.checkSortedness()) {
          checkEach(groups, values, options);
        }
        mergeEach(groups, values, options, out, context);
      }
      return out;
    } finally {
      keys.forEach(Column::close);
    }
  }

  /** Fails on the first group (in group order) whose rows are not sorted, on either side. */
  private static void checkEach(Groups groups, AsofKeys values, AsofJoinOptions options) {
    for (int group = 0; group < groups.count(); group++) {
      AsofMatch.checkSorted(values, true, options.leftOn(), groups.leftRows, groups.leftStarts[group],
          groups.leftStarts[group + 1], groups.describeLeft);
      AsofMatch.checkSorted(values, false, options.rightOn(), groups.rightRows, groups.rightStarts[group],
          groups.rightStarts[group + 1], groups.describeRight);
    }
  }

  /**
   * Merges the groups, runs of consecutive groups holding about a morsel of rows each as tasks on
   * the query pool (each left row is in one group, so the tasks write disjoint entries of {@code out}).
   */
  private static void mergeEach(Groups groups, AsofKeys values, AsofJoinOptions options, int[] out,
      QueryContext context) {
    long step = Math.max(1, context.morselRows());
    List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
    int first = 0;
    while (first < groups.count()) {
      int end = first;
      long rows = 0;
      while (end < groups.count() && (end == first || rows < step)) {
        rows += groups.leftStarts[end + 1] - groups.leftStarts[end] + groups.rightStarts[end + 1]
            - groups.rightStarts[end];
        end++;
      }
      int from = first;
      int to = end;
      tasks.add(() -> {
        for (int group = from; group < to; group++) {
          AsofMatch.match(values, groups.leftRows, groups.leftStarts[group], groups.leftStarts[group + 1],
              groups.rightRows, groups.rightStarts[group], groups.rightStarts[group + 1], options.strategy(),
              options.allowExactMatches(), out);
        }
        return null;
      });
      first = end;
    }
    if (!tasks.isEmpty()) {
      JoinProbe.run(tasks, context);
    }
  }

  /** The columns {@code names} of {@code batch}, each cast to its type. */
  private static List<Column> evaluate(RecordBatch batch, List<String> names, List<dev.floe.memory.types.DataType> types,
      BufferAllocator allocator) {
    List<Expr> exprs = names.stream().map(Exprs::col).map(Expr.class::cast).toList();
    return Projection.evaluate(batch, HashJoin.keyExprs(exprs, types, batch), true, allocator);
  }

  /**
   * The rows of each group, left and right, in input order: group {@code g}'s left rows are
   * {@code leftRows[leftStarts[g], leftStarts[g + 1])}, likewise on the right.
   */
  private record Groups(int[] leftRows, int[] leftStarts, int[] rightRows, int[] rightStarts,
      IntFunction<String> describeLeft, IntFunction<String> describeRight, List<Column> owned) implements AutoCloseable {
    @Override
    public void close() {
      owned.forEach(Column::close);
    }

    int count() {
      return leftStarts.length - 1;
    }

    static Groups whole(int leftCount, int rightCount) {
      int[] leftRows = new int[leftCount];
      Arrays.setAll(leftRows, row -> row);
      int[] rightRows = new int[rightCount];
      Arrays.setAll(rightRows, row -> row);
      return new Groups(leftRows, new int[] {0, leftCount}, rightRows, new int[] {0, rightCount}, null, null,
          List.of());
    }

    /** Group ids over the by values of both sides at once, then the rows bucketed by id (a counting sort). */
    static Groups of(AsofJoin join, AsofJoinLayout layout, RecordBatch left, RecordBatch right,
        BufferAllocator allocator) {
      AsofJoinOptions options = join.options();
      List<Column> owned = new ArrayList<>();
      try {
        List<Column> leftBy = evaluate(left, options.byLeft(), layout.byTypes(), allocator);
        owned.addAll(leftBy);
        List<Column> rightBy = evaluate(right, options.byRight(), layout.byTypes(), allocator);
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
        return new Groups(leftRows, leftStarts, rightRows, rightStarts, row -> byValues(byLeft, leftBy, row),
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
}
