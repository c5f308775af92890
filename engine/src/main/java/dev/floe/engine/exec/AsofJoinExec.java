package dev.floe.engine.exec;

import dev.floe.engine.expr.Projection;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Exprs;
import dev.floe.planner.plan.AsofJoin;
import dev.floe.planner.plan.AsofJoinLayout;
import dev.floe.planner.plan.AsofJoinOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs an {@link AsofJoin}: both inputs whole, the two key columns cast to the key type, the rows
 * split into by groups ({@link AsofGroups}), each group's rows checked for sortedness, then merged
 * ({@link AsofMatch}; runs of groups in parallel), then the output: every left row as it is, with
 * its match's right columns or nulls ({@link AsofGather}).
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
      try (AsofGroups groups = options.byLeft().isEmpty() ? AsofGroups.whole(left.rowCount(), right.rowCount())
          : AsofGroups.of(join, layout, left, right, allocator)) {
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
  private static void checkEach(AsofGroups groups, AsofKeys values, AsofJoinOptions options) {
    for (int group = 0; group < groups.count(); group++) {
      AsofMatch.checkSorted(values, true, options.leftOn(), groups.leftRows(), groups.leftStarts()[group],
          groups.leftStarts()[group + 1], groups.describeLeft());
      AsofMatch.checkSorted(values, false, options.rightOn(), groups.rightRows(), groups.rightStarts()[group],
          groups.rightStarts()[group + 1], groups.describeRight());
    }
  }

  /**
   * Merges the groups, runs of consecutive groups holding about a morsel of rows each as tasks on
   * the query pool (each left row is in one group, so the tasks write disjoint entries of {@code out}).
   */
  private static void mergeEach(AsofGroups groups, AsofKeys values, AsofJoinOptions options, int[] out,
      QueryContext context) {
    long step = Math.max(1, context.morselRows());
    List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
    int first = 0;
    while (first < groups.count()) {
      int end = first;
      long rows = 0;
      while (end < groups.count() && (end == first || rows < step)) {
        rows += groups.leftStarts()[end + 1] - groups.leftStarts()[end] + groups.rightStarts()[end + 1]
            - groups.rightStarts()[end];
        end++;
      }
      int from = first;
      int to = end;
      tasks.add(() -> {
        for (int group = from; group < to; group++) {
          AsofMatch.match(values, groups.leftRows(), groups.leftStarts()[group], groups.leftStarts()[group + 1],
              groups.rightRows(), groups.rightStarts()[group], groups.rightStarts()[group + 1], options.strategy(),
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
  static List<Column> evaluate(RecordBatch batch, List<String> names, List<dev.floe.memory.types.DataType> types,
      BufferAllocator allocator) {
    List<Expr> exprs = names.stream().map(Exprs::col).map(Expr.class::cast).toList();
    return Projection.evaluate(batch, HashJoin.keyExprs(exprs, types, batch), true, allocator);
  }
}
