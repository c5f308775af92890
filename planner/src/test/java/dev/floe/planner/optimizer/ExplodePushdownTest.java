package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.plan.Explode;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Scan;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.Slice;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden plans of explode under the whole optimizer: a filter on the columns that repeat moves
 * below it, one on an exploded column stays above; projection pushdown keeps the exploded columns
 * (they set the row count) and drops what nothing reads; a slice stays above.
 */
class ExplodePushdownTest {
  /** l [g: i64, xs: list[i64], ys: list[str], v: f64, unused: str]. */
  private static Scan lists() {
    return Scan.of(new Tables.Table("l", Schema.of(Field.of("g", DataType.INT64),
        Field.of("xs", DataType.ListType.of(DataType.INT64)), Field.of("ys", DataType.ListType.of(DataType.UTF8)),
        Field.of("v", DataType.FLOAT64), Field.of("unused", DataType.UTF8))));
  }

  private static String optimized(LogicalPlan plan) {
    return PlanPrinter.print(Optimizer.defaults().optimize(plan).plan());
  }

  @Test
  void theSchemaTakesTheElementTypes() {
    Explode explode = new Explode(lists(), List.of("xs", "ys"));
    assertThat(explode.schema().types()).containsExactly(DataType.INT64, DataType.INT64, DataType.UTF8,
        DataType.FLOAT64, DataType.UTF8);
  }

  @Test
  void filtersOnTheRepeatedColumnsGoBelowAndOnTheExplodedOnesStay() {
    LogicalPlan plan = new Filter(new Explode(lists(), List.of("xs")),
        col("g").gt(1).and(col("xs").lt(5)).and(col("v").isNotNull()));
    assertThat(optimized(plan)).isEqualTo("""
        FILTER col("xs") < 5
          EXPLODE [xs]
            DF l [g, xs, ys, v, unused]
              SELECTION (col("g") > 1) & col("v").isNotNull()
        """);
  }

  @Test
  void projectionKeepsTheExplodedColumnsAndDropsTheRest() {
    LogicalPlan plan = new Select(new Explode(lists(), List.of("xs", "ys")), List.of(col("g"), col("ys")));
    assertThat(optimized(plan)).isEqualTo("""
        SELECT [col("g"), col("ys")]
          EXPLODE [xs, ys]
            DF l [g, xs, ys, v, unused]
              PROJECT 3/5 COLUMNS [g, xs, ys]
        """);
  }

  @Test
  void aSliceStaysAbove() {
    LogicalPlan plan = new Slice(new Explode(lists(), List.of("xs")), 0, 4);
    assertThat(optimized(plan)).isEqualTo("""
        SLICE offset=0, length=4
          EXPLODE [xs]
            DF l [g, xs, ys, v, unused]
        """);
  }
}
