package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.planner.plan.Distinct;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.Slice;
import dev.floe.planner.plan.Sort;
import dev.floe.planner.plan.Union;
import dev.floe.planner.plan.WithColumns;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default rules together on larger plans: the result is what each rule promises, the output
 * schema is the input's, and optimizing the result again changes nothing in one pass.
 */
class OptimizerPipelineTest {
  private static Optimized optimizeTwiceAndCheckStable(LogicalPlan plan) {
    Optimized optimized = Optimizer.defaults().optimize(plan);
    assertThat(optimized.plan().schema()).isEqualTo(plan.schema());
    Optimized again = Optimizer.defaults().optimize(optimized.plan());
    assertThat(again.plan()).isSameAs(optimized.plan());
    assertThat(again.report().passes()).isEqualTo(1);
    return optimized;
  }

  @Test
  void filtersSplitIntoEveryUnionInputAndStopAboveTheColumnsTheyComputeThere() {
    LogicalPlan left = new WithColumns(Tables.scan("t"), List.of(col("b").mul(2).alias("b2")));
    LogicalPlan right = new WithColumns(Tables.scan("u"), List.of(col("b").mul(3).alias("b2")));
    LogicalPlan plan = new Select(
        new Filter(new Filter(new Union(List.of(left, right)), col("a").gt(1)), col("b2").lt(10)),
        List.of(col("b2"), col("a").alias("key")));
    assertThat(PlanPrinter.print(optimizeTwiceAndCheckStable(plan).plan())).isEqualTo("""
        SELECT [col("b2"), col("a").alias("key")]
          UNION 2 INPUTS
            FILTER col("b2") < 10
              WITH_COLUMNS [(col("b") * 2).alias("b2")]
                DF t [a, b, s, d]
                  PROJECT 2/4 COLUMNS [a, b]
                  SELECTION col("a") > 1
            FILTER col("b2") < 10
              WITH_COLUMNS [(col("b") * 3).alias("b2")]
                DF u [a, b, s, d]
                  PROJECT 2/4 COLUMNS [a, b]
                  SELECTION col("a") > 1
        """);
  }

  @Test
  void aHeadAboveASortStaysAboveItButTheScanStillProjectsAndFilters() {
    LogicalPlan plan = new Slice(
        new Sort(new Distinct(new Filter(Tables.scan(), col("s").eq("x")), List.of("s", "a"), Distinct.Keep.FIRST,
            true), List.of(col("a")), List.of(true), false, false),
        0, 3);
    LogicalPlan selected = new Select(plan, List.of(col("a")));
    assertThat(PlanPrinter.print(optimizeTwiceAndCheckStable(selected).plan())).isEqualTo("""
        SELECT [col("a")]
          SLICE offset=0, length=3
            SORT BY [col("a") DESC]
              UNIQUE [s, a] KEEP FIRST MAINTAIN ORDER
                DF t [a, b, s, d]
                  PROJECT 2/4 COLUMNS [a, s]
                  SELECTION col("s") == "x"
        """);
  }
}
