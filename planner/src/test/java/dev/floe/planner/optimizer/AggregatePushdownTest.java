package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.planner.expr.Exprs;
import dev.floe.planner.expr.FrameLength;
import dev.floe.planner.plan.Aggregate;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Select;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden plans of the pushdowns through a group-by: a filter on plain (possibly renamed) key
 * columns moves below it, one on an aggregate, a computed key or a float key read through
 * arithmetic stays above; the input is pruned to the columns the keys and the needed aggregations
 * read, and aggregations nobody needs are dropped.
 */
class AggregatePushdownTest {
  private static String optimized(OptimizerRule rule, LogicalPlan plan) {
    return PlanPrinter.print(rule.rewrite(plan));
  }

  private static Aggregate sumOfBBySAndA() {
    return new Aggregate(Tables.scan(), List.of(col("s"), col("a").alias("k")),
        List.of(col("b").sum(), col("d").max().alias("m")), true);
  }

  @Test
  void aFilterOnKeysMovesBelowTheAggregateRenamedBack() {
    LogicalPlan plan = new Filter(sumOfBBySAndA(), col("s").eq("x").and(col("k").gt(2)));
    assertThat(optimized(new PredicatePushdown(), plan)).isEqualTo("""
        AGGREGATE [col("b").sum(), col("d").max().alias("m")] BY [col("s"), col("a").alias("k")] MAINTAIN ORDER
          DF t [a, b, s, d]
            SELECTION (col("s") == "x") & (col("a") > 2)
        """);
  }

  @Test
  void aFilterOnAnAggregateStaysAboveWhileItsKeyConjunctMoves() {
    LogicalPlan plan = new Filter(sumOfBBySAndA(), col("b").gt(1.0).and(col("s").eq("x")));
    assertThat(optimized(new PredicatePushdown(), plan)).isEqualTo("""
        FILTER col("b") > 1.0
          AGGREGATE [col("b").sum(), col("d").max().alias("m")] BY [col("s"), col("a").alias("k")] MAINTAIN ORDER
            DF t [a, b, s, d]
              SELECTION col("s") == "x"
        """);
  }

  @Test
  void aFilterOnAComputedKeyOrThroughArithmeticOnAFloatKeyStaysAbove() {
    LogicalPlan computed = new Filter(new Aggregate(Tables.scan(), List.of(col("a").mod(10).alias("k")),
        List.of(col("b").sum()), false), col("k").eq(1));
    LogicalPlan floatKey = new Filter(new Aggregate(Tables.scan(), List.of(col("b")),
        List.of(col("a").sum()), false), Exprs.lit(1.0).div(col("b")).gt(0));
    PredicatePushdown rule = new PredicatePushdown();
    assertThat(rule.rewrite(computed)).isSameAs(computed);
    assertThat(rule.rewrite(floatKey)).isSameAs(floatKey);
  }

  @Test
  void theInputIsPrunedToWhatKeysAndNeededAggregationsRead() {
    LogicalPlan plan = new Select(sumOfBBySAndA(), List.of(col("k"), col("m")));
    assertThat(optimized(new ProjectionPushdown(), plan)).isEqualTo("""
        SELECT [col("k"), col("m")]
          AGGREGATE [col("d").max().alias("m")] BY [col("s"), col("a").alias("k")] MAINTAIN ORDER
            DF t [a, b, s, d]
              PROJECT 3/4 COLUMNS [a, s, d]
        """);
  }

  @Test
  void selectorsInAggregationsSkipTheKeysAndAreExpandedWhenPruned() {
    LogicalPlan plan = new Select(new Aggregate(Tables.scan(), List.of(col("s")), List.of(Exprs.all().max(),
        new FrameLength()), false), List.of(col("s"), col("a"), col("len")));
    assertThat(optimized(new ProjectionPushdown(), plan)).isEqualTo("""
        SELECT [col("s"), col("a"), col("len")]
          AGGREGATE [col("a").max(), len()] BY [col("s")]
            DF t [a, b, s, d]
              PROJECT 2/4 COLUMNS [a, s]
        """);
  }

  @Test
  void anAggregateThatNeedsEveryColumnIsLeftAlone() {
    LogicalPlan plan = new Aggregate(Tables.scan(), List.of(col("s"), col("a")),
        List.of(col("b").sum(), col("d").mean()), false);
    assertThat(new ProjectionPushdown().rewrite(plan)).isSameAs(plan);
    assertThat(new PredicatePushdown().rewrite(plan)).isSameAs(plan);
  }
}
