package dev.floe.engine.exec;

import dev.floe.engine.exec.AggregateLeaves.Leaf;
import dev.floe.engine.expr.ExpressionEvaluator;
import dev.floe.kernels.GroupedTopRows;
import dev.floe.kernels.sort.NormalizedKeys;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.RecordBatch;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ReshapeFunction;
import dev.floe.planner.expr.ReshapeOp;
import dev.floe.planner.optimizer.RowWise;
import java.util.List;

/**
 * The implode leaf {@code x.sortBy(k, descending, nullsLast).head(n)} of a group-by (what the
 * optimizer's {@code sorted_group_head} makes of h2o's q8) as a top-n per group over the whole
 * input ({@link GroupedTopRows}): one pass keeps each group's first n rows in k's order, and only
 * those rows of x are gathered, instead of gathering every row in group order and sorting each
 * group. x and k must be row-wise, k one fixed-width numeric or temporal key, n small.
 */
final class GroupedHeads {
  private GroupedHeads() {}

  /** Whether {@link #evaluate} handles {@code leaf}. */
  static boolean handles(Leaf leaf) {
    return parts(leaf) != null;
  }

  /** The sort key, its flags and n of a handled leaf; null for any other leaf. */
  private record Parts(Expr values, Expr key, boolean descending, boolean nullsLast, int n) {}

  private static Parts parts(Leaf leaf) {
    if (!leaf.implode() || !(leaf.expr() instanceof ReshapeFunction head) || head.op() != ReshapeOp.HEAD
        || !(head.input() instanceof ReshapeFunction sortBy) || sortBy.op() != ReshapeOp.SORT_BY
        || sortBy.operands().size() != 1 || !RowWise.isRowWise(sortBy.input())
        || !RowWise.isRowWise(sortBy.operands().getFirst())
        || !(head.arguments().getFirst() instanceof Long n) || n < 0 || n > GroupedTopRows.MAX_N) {
      return null;
    }
    List<?> flags = (List<?>) sortBy.arguments().get(0);
    if (flags.size() != 1) {
      return null;
    }
    return new Parts(sortBy.input(), sortBy.operands().getFirst(), (Boolean) flags.getFirst(),
        (Boolean) sortBy.arguments().get(1), n.intValue());
  }

  /**
   * The leaf's lists, one per group, over {@code all}'s rows grouped by {@code ids}; null when the
   * key's evaluated type has no normalized keys (the caller then takes the general path).
   */
  static Column evaluate(Leaf leaf, RecordBatch all, int[] ids, int groups, BufferAllocator allocator) {
    Parts parts = parts(leaf);
    try (Column key = ExpressionEvaluator.evaluate(all, parts.key(), allocator)) {
      if (!(key instanceof FixedWidthColumn fixed) || !NormalizedKeys.supports(key.type())) {
        return null;
      }
      GroupedTopRows.Result top = GroupedTopRows.of(fixed, parts.descending(), parts.nullsLast(), ids, groups,
          parts.n());
      if (top == null) {
        return null;
      }
      try (Column values = ExpressionEvaluator.evaluate(all, parts.values(), allocator)) {
        Column picked = GroupedReducers.gather(values, top.rows(), allocator);
        try {
          return GeneralGroupBy.list(leaf.type(), picked, top.offsets(), groups, allocator);
        } catch (RuntimeException failure) {
          picked.close();
          throw failure;
        }
      }
    }
  }
}
