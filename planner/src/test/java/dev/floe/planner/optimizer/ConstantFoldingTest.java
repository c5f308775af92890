package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static dev.floe.planner.expr.Exprs.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.WithColumns;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Literal-only expressions fold, identities simplify, names and types stay; folds whose semantics
 * are not certain (division, overflow, NaN, nulls, type changes) are left alone.
 */
class ConstantFoldingTest {
  private final ConstantFolding rule = new ConstantFolding();

  @Test
  void foldsLiteralsKeepsNamesAndDropsFiltersOnTrue() {
    LogicalPlan plan = new Select(new Filter(new Filter(Tables.scan(), lit(1).lt(2)), col("a").gt(1).and(true)),
        List.of(col("a").mul(1), lit(1).mul(col("d")), lit(2).add(3).mul(4).alias("m"), col("b").sub(0),
            lit(true).and(lit(false)).alias("f"), lit(7).cast(DataType.INT64).alias("c"),
            col("a").isNull().not().not().alias("n"), lit(null).isNull().alias("z")));
    LogicalPlan folded = rule.rewrite(plan);
    assertThat(PlanPrinter.print(folded)).isEqualTo("""
        SELECT [col("a"), col("d").alias("literal"), 20.alias("m"), col("b"), false.alias("f"), 7.alias("c"), \
        col("a").isNull().alias("n"), true.alias("z")]
          FILTER col("a") > 1
            DF t [a, b, s, d]
        """);
    assertThat(folded.schema()).isEqualTo(plan.schema());
    assertThat(rule.rewrite(folded)).isSameAs(folded);
  }

  @Test
  void absorbsFalseAndTrueInFilterPredicatesOnly() {
    LogicalPlan filters = new Filter(new Filter(Tables.scan(), col("a").gt(1).or(true)), col("s").eq("x").and(false));
    assertThat(PlanPrinter.print(rule.rewrite(filters))).isEqualTo("""
        FILTER false
          DF t [a, b, s, d]
        """);
    LogicalPlan select = new Select(Tables.scan(), List.of(col("a").gt(1).and(false).alias("p")));
    assertThat(rule.rewrite(select)).isSameAs(select);
  }

  @Test
  void leavesUncertainFoldsAlone() {
    LogicalPlan plan = new WithColumns(Tables.scan(), List.of(
        lit(1).div(2).alias("div"), lit(7).floordiv(0).alias("floordiv"), lit(7).mod(2).alias("mod"),
        lit(Long.MAX_VALUE).add(1).alias("overflow"), lit(Double.NaN).eq(Double.NaN).alias("nan"),
        lit(null).add(1).alias("null"), col("a").mul(1.0).alias("float"), col("a").div(1).alias("truediv"),
        col("b").add(0).alias("zero"), col("a").add(0.0).gt(lit(1).sub(col("d"))).alias("sub"),
        lit(300).cast(DataType.INT8, false).alias("cast"), lit(1).mul(2).sum().alias("sum"),
        col("a").add(lit(5).neg().mul(1)).alias("dynamic")));
    assertThat(rule.rewrite(plan)).isSameAs(plan);
    LogicalPlan falseFilter = new Filter(Tables.scan(), lit(1).gt(2));
    assertThat(PlanPrinter.print(rule.rewrite(falseFilter))).isEqualTo("""
        FILTER false
          DF t [a, b, s, d]
        """);
  }
}
