package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static dev.floe.planner.expr.Exprs.lit;
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
 * Slices from the start become scan limits through row-wise projections and merge with each other;
 * unions get a head in every input; tails, filters, sorts, unique and order-dependent expressions
 * stop them.
 */
class SlicePushdownTest {
  private final SlicePushdown rule = new SlicePushdown();

  private String optimized(LogicalPlan plan) {
    return PlanPrinter.print(rule.rewrite(plan));
  }

  @Test
  void aHeadThroughASelectBecomesTheScanLimit() {
    LogicalPlan plan = new Slice(new Select(Tables.scan(), List.of(col("b").mul(2), col("a"))), 0, 5);
    assertThat(optimized(plan)).isEqualTo("""
        SELECT [col("b") * 2, col("a")]
          DF t [a, b, s, d]
            LIMIT 5
        """);
  }

  @Test
  void aPositiveOffsetStaysAboveAScanThatReadsOffsetPlusLength() {
    LogicalPlan plan = new Slice(new WithColumns(Tables.scan(), List.of(col("a").add(1).alias("c"))), 2, 5);
    String expected = """
        WITH_COLUMNS [(col("a") + 1).alias("c")]
          SLICE offset=2, length=5
            DF t [a, b, s, d]
              LIMIT 7
        """;
    assertThat(optimized(plan)).isEqualTo(expected);
    LogicalPlan once = rule.rewrite(plan);
    assertThat(rule.rewrite(once)).isSameAs(once);
  }

  @Test
  void mergesSlicesAndKeepsTheLowerOfTwoLimits() {
    LogicalPlan plan = new Slice(new Slice(Tables.scan().withLimit(4L), 2, 10), 1, 3);
    assertThat(optimized(plan)).isEqualTo("""
        SLICE offset=3, length=3
          DF t [a, b, s, d]
            LIMIT 4
        """);
  }

  @Test
  void aLimitGoesIntoAScanWithAPredicateBecauseTheScanFiltersFirst() {
    LogicalPlan plan = new Slice(Tables.scan().withPredicate(col("a").gt(3)), 0, 5);
    assertThat(optimized(plan)).isEqualTo("""
        DF t [a, b, s, d]
          SELECTION col("a") > 3
          LIMIT 5
        """);
  }

  @Test
  void stopsAtTailsFiltersSortsUniqueLimitedUnionsAndOrderDependentExpressions() {
    List<LogicalPlan> unchanged = List.of(
        new Slice(Tables.scan(), -3, 3),
        new Slice(new Filter(Tables.scan(), col("a").gt(1)), 0, 5),
        new Slice(new Sort(Tables.scan(), List.of(col("a")), List.of(false), false, false), 0, 5),
        new Slice(new Distinct(Tables.scan(), List.of(), Distinct.Keep.ANY, false), 0, 5),
        new Slice(new Union(List.of(Tables.scan().withLimit(5L), Tables.scan("u").withLimit(3L))), 0, 5),
        new Slice(new WithColumns(Tables.scan(), List.of(col("a").cumSum().alias("c"))), 0, 5),
        new Slice(new Select(Tables.scan(), List.of(col("a").sum())), 0, 5),
        new Slice(new Select(Tables.scan(), List.of(lit(1))), 2, 5),
        new Slice(Tables.scan(), 3, Long.MAX_VALUE));
    for (LogicalPlan plan : unchanged) {
      assertThat(rule.rewrite(plan)).as(PlanPrinter.print(plan)).isSameAs(plan);
    }
  }

  @Test
  void aUnionGetsAHeadOfOffsetPlusLengthInEveryInputAndKeepsTheSlice() {
    LogicalPlan plan = new Slice(new Union(List.of(new Filter(Tables.scan(), col("a").gt(1)), Tables.scan("u"))),
        1, 4);
    String expected = """
        SLICE offset=1, length=4
          UNION 2 INPUTS
            SLICE offset=0, length=5
              FILTER col("a") > 1
                DF t [a, b, s, d]
            DF u [a, b, s, d]
              LIMIT 5
        """;
    assertThat(optimized(plan)).isEqualTo(expected);
    LogicalPlan once = rule.rewrite(plan);
    assertThat(rule.rewrite(once)).isSameAs(once);
  }

  @Test
  void mergedSlicesTakeTheRowsOfTheOuterSliceWithinTheInner() {
    LogicalPlan plan = new Slice(new Slice(new Filter(Tables.scan(), col("a").gt(1)), 2, 4), 1, 3);
    assertThat(optimized(plan)).isEqualTo("""
        SLICE offset=3, length=3
          FILTER col("a") > 1
            DF t [a, b, s, d]
        """);
    LogicalPlan beyond = new Slice(new Slice(new Filter(Tables.scan(), col("a").gt(1)), 2, 4), 5, 3);
    assertThat(optimized(beyond)).isEqualTo("""
        SLICE offset=7, length=0
          FILTER col("a") > 1
            DF t [a, b, s, d]
        """);
  }
}
