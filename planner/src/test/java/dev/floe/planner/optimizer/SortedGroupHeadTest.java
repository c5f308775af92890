package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.planner.plan.Aggregate;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Sort;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A group-by of heads over a sort by one numeric key sorts inside the groups; anything that
 * would see a different answer or order (maintainOrder, other aggregations, several or string
 * sort keys, order-dependent keys) keeps the sort.
 */
class SortedGroupHeadTest {
  private final SortedGroupHead rule = new SortedGroupHead();

  private static Sort sortBy(String key, boolean descending) {
    return new Sort(Tables.scan(), List.of(col(key)), List.of(descending), false, false);
  }

  @Test
  void headsOverASortBecomeHeadsOfEachGroupsSortBy() {
    LogicalPlan plan = new Aggregate(sortBy("b", true), List.of(col("a")),
        List.of(col("b").head(2).alias("top"), col("d").head(1)), false);
    assertThat(PlanPrinter.print(rule.rewrite(plan))).isEqualTo("""
        AGGREGATE [col("b").sortBy(col("b"), [true], false).head(2).alias("top"), \
        col("d").sortBy(col("b"), [true], false).head(1)] BY [col("a")]
          DF t [a, b, s, d]
        """);
  }

  @Test
  void keepsTheSortWhereTheRewriteWouldChangeAnAnswerOrAPromisedOrder() {
    LogicalPlan ordered = new Aggregate(sortBy("b", true), List.of(col("a")), List.of(col("b").head(2)), true);
    LogicalPlan summed = new Aggregate(sortBy("b", true), List.of(col("a")),
        List.of(col("b").head(2), col("d").sum()), false);
    LogicalPlan tail = new Aggregate(sortBy("b", true), List.of(col("a")), List.of(col("b").tail(2)), false);
    LogicalPlan stringKey = new Aggregate(sortBy("s", false), List.of(col("a")), List.of(col("b").head(2)), false);
    LogicalPlan twoKeys = new Aggregate(new Sort(Tables.scan(), List.of(col("b"), col("d")), List.of(true, false),
        false, false), List.of(col("a")), List.of(col("b").head(2)), false);
    LogicalPlan rankedKey = new Aggregate(sortBy("b", false), List.of(col("a").rank()), List.of(col("b").head(2)),
        false);
    LogicalPlan notSorted = new Aggregate(Tables.scan(), List.of(col("a")), List.of(col("b").head(2)), false);
    for (LogicalPlan plan : List.of(ordered, summed, tail, stringKey, twoKeys, rankedKey, notSorted)) {
      assertThat(rule.rewrite(plan)).as(PlanPrinter.print(plan)).isSameAs(plan);
    }
  }
}
