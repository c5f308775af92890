package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Slice;
import org.junit.jupiter.api.Test;

/** Filter over filter becomes one filter, inner predicate first; not past a non-row-wise predicate. */
class FilterMergeTest {
  private final FilterMerge rule = new FilterMerge();

  @Test
  void mergesAChainOfFiltersInnerFirst() {
    LogicalPlan plan = new Filter(new Filter(new Filter(Tables.scan(), col("a").gt(1)), col("b").lt(2)),
        col("d").eq(3));
    assertThat(PlanPrinter.print(rule.rewrite(plan))).isEqualTo("""
        FILTER ((col("a") > 1) & (col("b") < 2)) & (col("d") == 3)
          DF t [a, b, s, d]
        """);
  }

  @Test
  void leavesSeparatedFiltersAndAggregatingPredicatesAlone() {
    LogicalPlan separated = new Filter(new Slice(new Filter(Tables.scan(), col("a").gt(1)), 0, 3), col("b").lt(2));
    assertThat(rule.rewrite(separated)).isSameAs(separated);
    LogicalPlan aggregating = new Filter(new Filter(Tables.scan(), col("a").gt(1)), col("b").gt(col("b").mean()));
    assertThat(rule.rewrite(aggregating)).isSameAs(aggregating);
  }
}
