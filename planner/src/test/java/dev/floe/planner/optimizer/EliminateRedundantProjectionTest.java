package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static dev.floe.planner.expr.Exprs.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Select;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Identity selects go; a select of bare columns merges into the select below when rows stay the same. */
class EliminateRedundantProjectionTest {
  private final EliminateRedundantProjection rule = new EliminateRedundantProjection();

  @Test
  void removesIdentitySelectsAndMergesSelectsOfBareColumns() {
    LogicalPlan identity = new Select(new Filter(Tables.scan(), col("a").gt(1)),
        List.of(col("a"), col("b"), col("s"), col("d")));
    assertThat(PlanPrinter.print(rule.rewrite(identity))).isEqualTo("""
        FILTER col("a") > 1
          DF t [a, b, s, d]
        """);
    LogicalPlan stacked = new Select(new Select(Tables.scan(),
        List.of(col("a"), col("b").add(1).alias("y"), col("s"), lit(1).alias("one"))),
        List.of(col("y"), col("a"), col("one")));
    assertThat(PlanPrinter.print(rule.rewrite(stacked))).isEqualTo("""
        SELECT [(col("b") + 1).alias("y"), col("a"), 1.alias("one")]
          DF t [a, b, s, d]
        """);
  }

  @Test
  void keepsRenamesReorderingsAndSelectsThatChangeTheRowCount() {
    List<LogicalPlan> plans = List.of(
        new Select(Tables.scan(), List.of(col("b"), col("a"), col("s"), col("d"))),
        new Select(Tables.scan(), List.of(col("a").alias("a"), col("b"), col("s"), col("d"))),
        new Select(new Select(Tables.scan(), List.of(col("a"), col("b"))), List.of(col("a").alias("x"))),
        // alone, the literal would make one row instead of one per input row
        new Select(new Select(Tables.scan(), List.of(col("a"), lit(1).alias("one"))), List.of(col("one"))),
        // the sum is broadcast to the input's rows only next to col("a")
        new Select(new Select(Tables.scan(), List.of(col("a"), col("b").sum())), List.of(col("b"))),
        new Select(new Select(Tables.scan(), List.of(col("a").cumSum(), col("b"))), List.of(col("b"))));
    for (LogicalPlan plan : plans) {
      assertThat(rule.rewrite(plan)).as(PlanPrinter.print(plan)).isSameAs(plan);
    }
  }
}
