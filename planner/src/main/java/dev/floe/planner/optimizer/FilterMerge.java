package dev.floe.planner.optimizer;

import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;

/**
 * Two filters in a row become one, the inner predicate first:
 *
 * <pre>
 * FILTER outer                 FILTER inner &amp; outer
 *   FILTER inner        =&gt;       input
 *     input
 * </pre>
 *
 * Rows pass both filters exactly when {@code inner & outer} is true (a null counts as false in both
 * forms). Not when the outer predicate is not {@link RowWise row-wise} ({@code col("a") >
 * col("a").mean()}): it would then see the rows the inner filter dropped. Chains of any length
 * merge in one pass (the rule works bottom-up).
 */
public final class FilterMerge implements OptimizerRule {
  @Override
  public String name() {
    return "filter_merge";
  }

  @Override
  public LogicalPlan rewrite(LogicalPlan plan) {
    return PlanTrees.transformUp(plan, FilterMerge::merge);
  }

  private static LogicalPlan merge(LogicalPlan plan) {
    if (plan instanceof Filter outer && outer.input() instanceof Filter inner
        && RowWise.isRowWise(outer.predicate())) {
      return new Filter(inner.input(), inner.predicate().and(outer.predicate()));
    }
    return plan;
  }
}
