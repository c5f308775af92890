package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Sort;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sort over a sort with the very same keys and flags drops the inner one; any difference keeps both. */
class EliminateRedundantSortTest {
  private final EliminateRedundantSort rule = new EliminateRedundantSort();

  private static Sort sort(LogicalPlan input, String key, boolean descending, boolean maintainOrder) {
    return new Sort(input, List.of(col(key)), List.of(descending), false, maintainOrder);
  }

  @Test
  void dropsTheInnerOfTwoIdenticalSorts() {
    LogicalPlan plan = sort(sort(sort(Tables.scan(), "a", true, true), "a", true, true), "a", true, true);
    assertThat(PlanPrinter.print(rule.rewrite(plan))).isEqualTo("""
        SORT BY [col("a") DESC] MAINTAIN ORDER
          DF t [a, b, s, d]
        """);
  }

  @Test
  void keepsSortsThatDifferInKeysDirectionsNullsOrderOrUseOrderDependentKeys() {
    LogicalPlan otherKey = sort(sort(Tables.scan(), "a", false, true), "b", false, true);
    LogicalPlan otherDirection = sort(sort(Tables.scan(), "a", false, true), "a", true, true);
    LogicalPlan otherStability = sort(sort(Tables.scan(), "a", false, false), "a", false, true);
    LogicalPlan otherNulls = new Sort(sort(Tables.scan(), "a", false, true), List.of(col("a")), List.of(false), true,
        true);
    Sort ranked = new Sort(Tables.scan(), List.of(col("a").rank()), List.of(false), false, true);
    LogicalPlan orderDependent = ranked.withInputs(List.of(ranked));
    for (LogicalPlan plan : List.of(otherKey, otherDirection, otherStability, otherNulls, orderDependent)) {
      assertThat(rule.rewrite(plan)).isSameAs(plan);
    }
  }
}
