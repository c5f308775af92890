package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static dev.floe.planner.expr.Exprs.lit;
import static dev.floe.planner.expr.Exprs.when;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.WithColumns;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Subexpressions repeated within one select or with_columns become temporaries in a with_columns
 * below (outermost repeats first, nested ones in a layer of their own, inside aggregations and
 * branches too); single occurrences, plain columns, literals and non-row-wise repeats stay; names
 * skip the input's columns; the result is stable under the whole optimizer.
 */
class CommonSubexpressionEliminationTest {
  private static final CommonSubexpressionElimination RULE = new CommonSubexpressionElimination();
  /** Not plain arithmetic (which the engine recomputes fused, and the rule leaves alone). */
  private static final Expr PRODUCT = col("a").mul(col("d")).abs();

  private static LogicalPlan select(Expr... exprs) {
    return new Select(Tables.scan(), List.of(exprs));
  }

  private static String rewritten(LogicalPlan plan) {
    LogicalPlan result = RULE.rewrite(plan);
    assertThat(result.schema()).isEqualTo(plan.schema());
    assertThat(RULE.rewrite(result)).as("a second run finds nothing").isSameAs(result);
    return PlanPrinter.print(result);
  }

  @Test
  void aRepeatInASelectIsComputedOnceBelowIt() {
    assertThat(rewritten(select(PRODUCT.add(1).alias("x"), PRODUCT.mul(2).alias("y")))).isEqualTo("""
        SELECT [(col("__floe_cse_0") + 1).alias("x"), (col("__floe_cse_0") * 2).alias("y")]
          WITH_COLUMNS [(col("a") * col("d")).abs().alias("__floe_cse_0")]
            DF t [a, b, s, d]
        """);
  }

  @Test
  void aWithColumnsIsRewrittenUnderASelectOfItsOwnOutputs() {
    LogicalPlan plan = new WithColumns(Tables.scan(), List.of(PRODUCT.add(1).alias("x"), PRODUCT.mul(2).alias("a")));
    assertThat(rewritten(plan)).isEqualTo("""
        SELECT [col("a"), col("b"), col("s"), col("d"), col("x")]
          WITH_COLUMNS [(col("__floe_cse_0") + 1).alias("x"), (col("__floe_cse_0") * 2).alias("a")]
            WITH_COLUMNS [(col("a") * col("d")).abs().alias("__floe_cse_0")]
              DF t [a, b, s, d]
        """);
  }

  @Test
  void theOutermostRepeatIsTakenAndItsPartsOnlyWhenTheyStillRepeat() {
    Expr plusOne = PRODUCT.add(1);
    // a * d occurs only inside the repeated a * d + 1: one temporary
    assertThat(rewritten(select(plusOne.mul(2).alias("x"), plusOne.mul(3).alias("y")))).isEqualTo("""
        SELECT [(col("__floe_cse_0") * 2).alias("x"), (col("__floe_cse_0") * 3).alias("y")]
          WITH_COLUMNS [((col("a") * col("d")).abs() + 1).alias("__floe_cse_0")]
            DF t [a, b, s, d]
        """);
    // once more elsewhere, a * d is computed once and read by the temporary above it
    assertThat(rewritten(select(plusOne.mul(2).alias("x"), plusOne.mul(3).alias("y"), PRODUCT.sub(1).alias("z"))))
        .isEqualTo("""
        SELECT [(col("__floe_cse_0") * 2).alias("x"), (col("__floe_cse_0") * 3).alias("y"), (col("__floe_cse_1") - 1).alias("z")]
          WITH_COLUMNS [(col("__floe_cse_1") + 1).alias("__floe_cse_0")]
            WITH_COLUMNS [(col("a") * col("d")).abs().alias("__floe_cse_1")]
              DF t [a, b, s, d]
        """);
    // a * d in two different repeats: found in a second round, over the temporaries' definitions
    Expr timesB = PRODUCT.mul(col("b"));
    assertThat(rewritten(select(plusOne.alias("x"), plusOne.mul(3).alias("y"), timesB.alias("z"),
        timesB.add(1).alias("w")))).isEqualTo("""
        SELECT [col("__floe_cse_0").alias("x"), (col("__floe_cse_0") * 3).alias("y"), col("__floe_cse_1").alias("z"), (col("__floe_cse_1") + 1).alias("w")]
          WITH_COLUMNS [(col("__floe_cse_2") + 1).alias("__floe_cse_0"), (col("__floe_cse_2") * col("b")).alias("__floe_cse_1")]
            WITH_COLUMNS [(col("a") * col("d")).abs().alias("__floe_cse_2")]
              DF t [a, b, s, d]
        """);
  }

  @Test
  void aRepeatInsideAggregationsIsComputedForEveryRowAndNamesStay() {
    // the unaliased sum keeps its name "a" through an alias
    assertThat(rewritten(select(PRODUCT.sum(), PRODUCT.mean().alias("m"), col("a").max().alias("top"))))
        .isEqualTo("""
        SELECT [col("__floe_cse_0").sum().alias("a"), col("__floe_cse_0").mean().alias("m"), col("a").max().alias("top")]
          WITH_COLUMNS [(col("a") * col("d")).abs().alias("__floe_cse_0")]
            DF t [a, b, s, d]
        """);
    // names taken from the root column keep it too
    assertThat(rewritten(select(PRODUCT.add(1).name().suffix("_x"), PRODUCT.mul(2).name().keep()))).isEqualTo("""
        SELECT [(col("__floe_cse_0") + 1).name().suffix("_x").alias("a_x"), (col("__floe_cse_0") * 2).name().keep().alias("a")]
          WITH_COLUMNS [(col("a") * col("d")).abs().alias("__floe_cse_0")]
            DF t [a, b, s, d]
        """);
  }

  @Test
  void aliasesDoNotHideARepeatAndBranchesShareTooSinceEveryBranchIsEvaluated() {
    Expr cast = col("s").cast(DataType.INT64);
    assertThat(rewritten(select(PRODUCT.alias("x"), PRODUCT.alias("y"),
        when(col("b").gt(0)).then(cast).otherwise(0).alias("z"), cast.add(1).alias("w")))).isEqualTo("""
        SELECT [col("__floe_cse_0").alias("x"), col("__floe_cse_0").alias("y"), when(col("b") > 0).then(col("__floe_cse_1")).otherwise(0).alias("z"), (col("__floe_cse_1") + 1).alias("w")]
          WITH_COLUMNS [(col("a") * col("d")).abs().alias("__floe_cse_0"), col("s").cast(i64).alias("__floe_cse_1")]
            DF t [a, b, s, d]
        """);
  }

  @Test
  void singleOccurrencesPlainColumnsLiteralsAndNonRowWiseRepeatsStay() {
    List<LogicalPlan> plans = List.of(
        select(PRODUCT.add(1).alias("x"), col("b").mul(2).alias("y")),
        select(col("a"), col("a").alias("a2"), col("d").alias("d2"), col("d").alias("d3")),
        select(lit(1).add(2).alias("x"), lit(1).add(2).alias("y"), col("a")),
        select(col("a").sum().add(1).alias("x"), col("a").sum().mul(2).alias("y")),
        select(col("a").cumSum().add(1).alias("x"), col("a").cumSum().mul(2).alias("y")),
        select(col("a").shift(1).add(1).alias("x"), col("a").shift(1).mul(2).alias("y")),
        new WithColumns(Tables.scan(), List.of(col("a").sum().alias("x"), col("a").sum().alias("y"))),
        new Filter(Tables.scan(), PRODUCT.gt(1).and(PRODUCT.lt(5))));
    for (LogicalPlan plan : plans) {
      assertThat(RULE.rewrite(plan)).as(PlanPrinter.print(plan)).isSameAs(plan);
    }
  }

  @Test
  void temporaryNamesSkipTheInputsColumnsAndTheNodesOutputs() {
    LogicalPlan input = new WithColumns(Tables.scan(), List.of(col("a").alias("__floe_cse_0")));
    LogicalPlan plan = new WithColumns(input, List.of(PRODUCT.add(1).alias("__floe_cse_1"), PRODUCT.mul(2).alias("y")));
    assertThat(rewritten(plan)).isEqualTo("""
        SELECT [col("a"), col("b"), col("s"), col("d"), col("__floe_cse_0"), col("__floe_cse_1"), col("y")]
          WITH_COLUMNS [(col("__floe_cse_2") + 1).alias("__floe_cse_1"), (col("__floe_cse_2") * 2).alias("y")]
            WITH_COLUMNS [(col("a") * col("d")).abs().alias("__floe_cse_2")]
              WITH_COLUMNS [col("a").alias("__floe_cse_0")]
                DF t [a, b, s, d]
        """);
  }

  @Test
  void theWholeOptimizerReachesAFixedPointThatStaysOne() {
    // a select of two of the with_columns' columns: the restoring select merges into it
    LogicalPlan plan = new Select(new WithColumns(Tables.scan(), List.of(PRODUCT.add(1).alias("x"),
        PRODUCT.mul(2).alias("y"))), List.of(col("y"), col("x")));
    Optimized optimized = Optimizer.defaults().optimize(plan);
    assertThat(PlanPrinter.print(optimized.plan())).isEqualTo("""
        SELECT [col("y"), col("x")]
          WITH_COLUMNS [(col("__floe_cse_0") + 1).alias("x"), (col("__floe_cse_0") * 2).alias("y")]
            WITH_COLUMNS [(col("a") * col("d")).abs().alias("__floe_cse_0")]
              DF t [a, b, s, d]
                PROJECT 2/4 COLUMNS [a, d]
        """);
    assertThat(optimized.report().fixedPoint()).isTrue();
    assertThat(optimized.report().passes()).isLessThanOrEqualTo(3);
    assertThat(optimized.report().firedRules()).contains("common_subexpression_elimination");
    Optimized again = Optimizer.defaults().optimize(optimized.plan());
    assertThat(again.plan()).isSameAs(optimized.plan());
    assertThat(again.report().passes()).isEqualTo(1);
  }
}
