package dev.floe.engine.exec;

import dev.floe.engine.expr.Projection;
import dev.floe.kernels.hashing.JoinTable;
import dev.floe.kernels.hashing.PartitionedJoinTable;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.planner.plan.Join;
import dev.floe.planner.plan.JoinLayout;
import dev.floe.planner.plan.JoinOptions.Validate;
import dev.floe.planner.plan.JoinType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Semi, anti and left joins whose right side is the larger: the table is built on the (small) left
 * side, and the right input, cut into morsels without being concatenated, is probed by parallel
 * tasks on the query pool, each evaluating and hashing only its own morsel's keys ({@link
 * JoinLookup#groups}). A semi or anti join marks the left rows that some right row matched (one
 * byte a left row, written by any task: every write stores the same value, and the tasks' end
 * publishes them), then keeps the left rows that matched (semi) or did not (anti), in left order.
 * A left join collects each morsel's (right row, left row) pairs, which {@link LeftBuildPairs} puts
 * in left order, a left row's matches in right order, with unmatched left rows null-padded in
 * their place: the same output as {@link HashJoin}'s general path, whose table over the larger
 * side and concatenated key columns this avoids. Null keys never match unless {@code nullsEqual}
 * (the table leaves out left rows with a null key, the lookup right rows with one). The right
 * side's {@code validate} checks ({@code m:1}, {@code 1:1}) are left to the other paths; {@code
 * 1:m} is checked on the table.
 */
final class LeftBuildJoin {
  private LeftBuildJoin() {}

  /** Whether {@link #run} handles the join: semi, anti or left, in left order, the right side larger. */
  static boolean applies(Join join, JoinLayout layout, boolean rightFirst, long leftRows, long rightRows) {
    JoinType how = join.how();
    Validate validate = join.options().validate();
    return (how == JoinType.SEMI || how == JoinType.ANTI || how == JoinType.LEFT) && !rightFirst
        && rightRows > leftRows && (validate == Validate.MANY_TO_MANY || validate == Validate.ONE_TO_MANY)
        && layout.columns().stream().noneMatch(column -> column.side() == JoinLayout.Side.KEY);
  }

  /** Takes ownership of both inputs; the output is morsels (in left order) from {@code allocator}. */
  static List<RecordBatch> run(Join join, JoinLayout layout, List<RecordBatch> leftInput,
      List<RecordBatch> rightInput, BufferAllocator allocator, QueryContext context) {
    RecordBatch left;
    try {
      left = Batches.concat(leftInput, join.left().schema(), allocator);
    } catch (RuntimeException failure) {
      rightInput.forEach(RecordBatch::close);
      throw failure;
    }
    List<RecordBatch> morsels = List.of();
    try (left) {
      morsels = ProbeJoin.morsels(rightInput, context.morselRows());
      if (join.how() == JoinType.LEFT) {
        LeftBuildPairs pairs = pairs(join, layout, left, morsels, allocator, context);
        return pairs.gather(layout, left, morsels, join.right().schema(), allocator, context);
      }
      boolean[] matched = matched(join, layout, left, morsels, allocator, context);
      boolean semi = join.how() == JoinType.SEMI;
      int[] rows = new int[left.rowCount()];
      int count = 0;
      for (int row = 0; row < rows.length; row++) {
        if (matched[row] == semi) {
          rows[count++] = row;
        }
      }
      return JoinGather.gather(layout, left, null, java.util.Arrays.copyOf(rows, count), null, null, allocator,
          context);
    } finally {
      morsels.forEach(RecordBatch::close);
    }
  }

  /** Which left rows some right row matches. */
  private static boolean[] matched(Join join, JoinLayout layout, RecordBatch left, List<RecordBatch> morsels,
      BufferAllocator allocator, QueryContext context) {
    boolean[] hit = new boolean[left.rowCount()];
    List<Column> buildKeys = buildKeys(join, layout, left, allocator);
    try (PartitionedJoinTable table = table(join, buildKeys, allocator, context)) {
      JoinLookup lookup = new JoinLookup(join, layout, join.rightOn(), table, buildKeys, allocator);
      List<Callable<Void>> tasks = new ArrayList<>(morsels.size());
      for (RecordBatch morsel : morsels) {
        tasks.add(() -> {
          ProbeScratch scratch = ProbeScratch.acquire();
          try {
            int[] groups = lookup.groups(morsel, scratch);
            long[] hashes = scratch.hashes(0);
            for (int row = 0; row < morsel.rowCount(); row++) {
              int group = groups[row];
              if (group >= 0) {
                hit[table.part(hashes[row]).firstRow(group)] = true; // a group is marked at its first row
              }
            }
          } finally {
            scratch.release();
          }
          return null;
        });
      }
      JoinProbe.run(tasks, context);
      for (JoinTable part : table.parts()) {
        if (part.uniqueKeys()) {
          continue; // each group is its first row
        }
        for (int group = 0; group < part.groupCount(); group++) {
          if (hit[part.firstRow(group)]) {
            for (int position = part.start(group); position < part.end(group); position++) {
              hit[part.row(position)] = true;
            }
          }
        }
      }
      return hit;
    } finally {
      buildKeys.forEach(Column::close);
    }
  }

  /** Every morsel's (right row, left row) pairs; the table is closed before this returns. */
  private static LeftBuildPairs pairs(Join join, JoinLayout layout, RecordBatch left, List<RecordBatch> morsels,
      BufferAllocator allocator, QueryContext context) {
    LeftBuildPairs pairs = new LeftBuildPairs(morsels.size());
    List<Column> buildKeys = buildKeys(join, layout, left, allocator);
    try (PartitionedJoinTable table = table(join, buildKeys, allocator, context)) {
      JoinLookup lookup = new JoinLookup(join, layout, join.rightOn(), table, buildKeys, allocator);
      List<Callable<Void>> tasks = new ArrayList<>(morsels.size());
      for (int index = 0; index < morsels.size(); index++) {
        int at = index;
        RecordBatch morsel = morsels.get(index);
        tasks.add(() -> {
          ProbeScratch scratch = ProbeScratch.acquire();
          try {
            int[] groups = lookup.groups(morsel, scratch);
            long[] hashes = scratch.hashes(0);
            JoinProbe.Pairs found = scratch.pairs;
            for (int row = 0; row < morsel.rowCount(); row++) {
              int group = groups[row];
              if (group < 0) {
                continue;
              }
              JoinTable part = table.part(hashes[row]);
              if (part.uniqueKeys()) {
                found.add(row, group);
              } else {
                for (int position = part.start(group); position < part.end(group); position++) {
                  found.add(row, part.row(position));
                }
              }
            }
            pairs.set(at, found);
          } finally {
            scratch.release();
          }
          return null;
        });
      }
      JoinProbe.run(tasks, context);
      return pairs;
    } finally {
      buildKeys.forEach(Column::close);
    }
  }

  /** The left side's key columns in the match types. */
  private static List<Column> buildKeys(Join join, JoinLayout layout, RecordBatch left, BufferAllocator allocator) {
    return Projection.evaluate(left, HashJoin.keyExprs(join.leftOn(), ProbeJoin.matchTypes(layout), left), true,
        allocator);
  }

  /**
   * The table over the left keys (in hash partitions when large), checked for unique keys when
   * {@code validate} is {@code 1:m}; the caller closes it.
   */
  private static PartitionedJoinTable table(Join join, List<Column> buildKeys, BufferAllocator allocator,
      QueryContext context) {
    int partitions = buildKeys.getFirst().length() >= ProbeJoin.LARGE_BUILD_ROWS ? ProbeJoin.PARTITIONS : 1;
    PartitionedJoinTable table = PartitionedJoinTable.build(buildKeys, join.options().nullsEqual(), partitions,
        tasks -> JoinProbe.runAll(tasks, context), allocator);
    try {
      if (join.options().validate() == Validate.ONE_TO_MANY) {
        JoinValidation.uniqueLeft(join, table, buildKeys);
      }
      return table;
    } catch (RuntimeException failure) {
      table.close();
      throw failure;
    }
  }
}
