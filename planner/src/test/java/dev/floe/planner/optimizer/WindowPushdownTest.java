package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.planner.expr.WindowOptions;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.Slice;
import dev.floe.planner.plan.WithColumns;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden plans of window expressions under the whole optimizer: a filter never moves below a
 * window computation (filtering first would change the window's groups), whether or not it reads
 * the window's column; slices stay above; projection pushdown keeps the partition and order keys;
 * common-subexpression elimination leaves windows whole.
 */
class WindowPushdownTest {
  private static String optimized(LogicalPlan plan) {
    return PlanPrinter.print(Optimizer.defaults().optimize(plan).plan());
  }

  @Test
  void aFilterOnTheWindowsColumnStaysAbove() {
    LogicalPlan plan = new Filter(
        new WithColumns(Tables.scan(), List.of(col("b").sum().over("a").alias("w"))), col("w").gt(1));
    assertThat(optimized(plan)).isEqualTo("""
        FILTER col("w") > 1
          WITH_COLUMNS [col("b").sum().over([col("a")]).alias("w")]
            DF t [a, b, s, d]
        """);
  }

  @Test
  void aFilterOnAnotherColumnStaysAboveToo() {
    LogicalPlan plan = new Filter(
        new WithColumns(Tables.scan(), List.of(col("b").rank().over("a").alias("w"))), col("d").gt(1));
    assertThat(optimized(plan)).isEqualTo("""
        FILTER col("d") > 1
          WITH_COLUMNS [col("b").rank("average", false).over([col("a")]).alias("w")]
            DF t [a, b, s, d]
        """);
    LogicalPlan partitionKey = new Filter(
        new Select(Tables.scan(), List.of(col("a"), col("b").cumSum().over("a").alias("w"))),
        col("a").eq(3));
    assertThat(optimized(partitionKey)).isEqualTo("""
        FILTER col("a") == 3
          SELECT [col("a"), col("b").cumSum(false).over([col("a")]).alias("w")]
            DF t [a, b, s, d]
              PROJECT 2/4 COLUMNS [a, b]
        """);
  }

  @Test
  void aSliceStaysAboveAndTheKeysAreRead() {
    LogicalPlan plan = new Slice(new Select(Tables.scan(), List.of(
        col("b").shift(1).over(WindowOptions.DEFAULT.withOrderBy("d"), "a").alias("w"))), 0, 3);
    assertThat(optimized(plan)).isEqualTo("""
        SLICE offset=0, length=3
          SELECT [col("b").shift(1).over([col("a")], orderBy=[col("d")]).alias("w")]
            DF t [a, b, s, d]
              PROJECT 3/4 COLUMNS [a, b, d]
        """);
  }

  @Test
  void aFilterBelowTheWindowStaysBelow() {
    LogicalPlan plan = new WithColumns(new Filter(Tables.scan(), col("d").gt(1)),
        List.of(col("b").mean().over("a").alias("w")));
    assertThat(optimized(plan)).isEqualTo("""
        WITH_COLUMNS [col("b").mean().over([col("a")]).alias("w")]
          DF t [a, b, s, d]
            SELECTION col("d") > 1
        """);
  }

  @Test
  void commonSubexpressionsNeverTakeAWindowApart() {
    LogicalPlan twice = new WithColumns(Tables.scan(), List.of(
        col("b").sum().over("a").add(1).alias("x"), col("b").sum().over("a").mul(2).alias("y")));
    assertThat(new CommonSubexpressionElimination().rewrite(twice)).isSameAs(twice);
    LogicalPlan shared = new WithColumns(Tables.scan(), List.of(
        col("a").mul(col("b")).add(1).sum().over("d").alias("x"),
        col("a").mul(col("b")).add(1).alias("y")));
    // the shared product stays inside the window: its groups see it whole either way
    assertThat(new CommonSubexpressionElimination().rewrite(shared)).isSameAs(shared);
  }
}
