package dev.floe.planner.optimizer;

import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.Sort;

/**
 * A sort directly over a sort with the very same keys, directions, null placement and
 * maintain-order flag drops the inner one:
 *
 * <pre>
 * SORT BY [col("a")]                SORT BY [col("a")]
 *   SORT BY [col("a")]      =&gt;        input
 *     input
 * </pre>
 *
 * Floe's sort kernel is stable, so sorting twice by the same keys gives the order of sorting once.
 * Only when every key is {@link RowWise row-wise}: a key like {@code col("a").rank()} or
 * {@code cumSum} would see the rows in another order without the inner sort. Sorts by other keys,
 * or the same keys in other directions, stay: a stable outer sort keeps the inner order among its
 * ties, so the inner sort still matters.
 */
public final class EliminateRedundantSort implements OptimizerRule {
  @Override
  public String name() {
    return "eliminate_redundant_sort";
  }

  @Override
  public LogicalPlan rewrite(LogicalPlan plan) {
    return PlanTrees.transformUp(plan, EliminateRedundantSort::drop);
  }

  private static LogicalPlan drop(LogicalPlan plan) {
    if (plan instanceof Sort outer && outer.input() instanceof Sort inner
        && outer.by().equals(inner.by()) && outer.descending().equals(inner.descending())
        && outer.nullsLast() == inner.nullsLast() && outer.maintainOrder() == inner.maintainOrder()
        && RowWise.allRowWise(outer.by())) {
      return new Sort(inner.input(), outer.by(), outer.descending(), outer.nullsLast(), outer.maintainOrder());
    }
    return plan;
  }
}
