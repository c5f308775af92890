package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.planner.expr.Exprs;
import dev.floe.planner.plan.Cache;
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
 * Predicates move into scans through renaming selects, with_columns, sorts, unions and unique on
 * its subset, split by conjunct; they stop at slices, caches, limited scans, redefined columns and
 * non-row-wise expressions, and a plan where nothing moves comes back as the same instance.
 */
class PredicatePushdownTest {
  private final PredicatePushdown rule = new PredicatePushdown();

  private String optimized(LogicalPlan plan) {
    return PlanPrinter.print(rule.rewrite(plan));
  }

  @Test
  void movesAFilterIntoTheScanAndAndsItAfterTheScansOwnPredicate() {
    LogicalPlan plan = new Filter(Tables.scan().withPredicate(col("d").eq(1)), col("a").gt(3));
    assertThat(optimized(plan)).isEqualTo("""
        DF t [a, b, s, d]
          SELECTION (col("d") == 1) & (col("a") > 3)
        """);
  }

  @Test
  void splitsConjunctsThroughWithColumnsAndRenamesThroughAliasedSelects() {
    LogicalPlan plan = new Filter(
        new WithColumns(new Select(Tables.scan(), List.of(col("a"), col("b").alias("x"))),
            List.of(col("a").add(1).alias("c"))),
        col("x").gt(1).and(col("c").lt(2)));
    assertThat(optimized(plan)).isEqualTo("""
        FILTER col("c") < 2
          WITH_COLUMNS [(col("a") + 1).alias("c")]
            SELECT [col("a"), col("b").alias("x")]
              DF t [a, b, s, d]
                SELECTION col("b") > 1
        """);
  }

  @Test
  void renamesSwappedColumnsOnce() {
    LogicalPlan plan = new Filter(new Select(Tables.scan(), List.of(col("a").alias("d"), col("d").alias("a"))),
        col("a").gt(col("d")));
    assertThat(optimized(plan)).isEqualTo("""
        SELECT [col("a").alias("d"), col("d").alias("a")]
          DF t [a, b, s, d]
            SELECTION col("d") > col("a")
        """);
  }

  @Test
  void goesThroughSortsAndIntoEveryInputOfAUnion() {
    LogicalPlan plan = new Filter(new Sort(new Union(List.of(Tables.scan("t"), Tables.scan("u"))),
        List.of(col("b")), List.of(false), false, false), col("a").eq(7));
    assertThat(optimized(plan)).isEqualTo("""
        SORT BY [col("b")]
          UNION 2 INPUTS
            DF t [a, b, s, d]
              SELECTION col("a") == 7
            DF u [a, b, s, d]
              SELECTION col("a") == 7
        """);
  }

  @Test
  void passesUniqueOnlyWithPredicatesOnItsSubset() {
    LogicalPlan plan = new Filter(new Distinct(Tables.scan(), List.of("a"), Distinct.Keep.FIRST, false),
        col("a").gt(1).and(col("b").gt(2)));
    assertThat(optimized(plan)).isEqualTo("""
        FILTER col("b") > 2
          UNIQUE [a] KEEP FIRST
            DF t [a, b, s, d]
              SELECTION col("a") > 1
        """);
    LogicalPlan allColumns = new Filter(new Distinct(Tables.scan(), List.of(), Distinct.Keep.ANY, false),
        col("b").gt(2));
    assertThat(optimized(allColumns)).isEqualTo("""
        UNIQUE KEEP ANY
          DF t [a, b, s, d]
            SELECTION col("b") > 2
        """);
  }

  @Test
  void passesUniqueOnlyWithPredicatesThatCannotTellApartValuesUniqueEquates() {
    // unique keeps one of -0.0 and 0.0 in b; 1.0 / b tells them apart, b > 0 and isNull do not
    LogicalPlan plan = new Filter(new Distinct(Tables.scan(), List.of("a", "b"), Distinct.Keep.FIRST, false),
        Exprs.lit(1.0).div(col("b")).gt(0.0).and(col("b").gt(col("a")).or(col("b").isNull()))
            .and(col("a").mul(2).gt(1)));
    assertThat(optimized(plan)).isEqualTo("""
        FILTER (1.0 / col("b")) > 0.0
          UNIQUE [a, b] KEEP FIRST
            DF t [a, b, s, d]
              SELECTION ((col("b") > col("a")) | col("b").isNull()) & ((col("a") * 2) > 1)
        """);
  }

  @Test
  void stopsAtSlicesCachesLimitedScansAndComputedColumns() {
    List<LogicalPlan> unchanged = List.of(
        new Filter(new Slice(Tables.scan(), 0, 10), col("a").gt(1)),
        new Filter(new Cache(Tables.scan(), 1), col("a").gt(1)),
        new Filter(Tables.scan().withLimit(10L), col("a").gt(1)),
        new Filter(new Select(Tables.scan(), List.of(col("a").add(1).alias("c"))), col("c").gt(1)),
        new Filter(new WithColumns(Tables.scan(), List.of(col("a").mul(2).alias("a"))), col("a").gt(1)),
        new Filter(new Distinct(Tables.scan(), List.of("a"), Distinct.Keep.FIRST, false), col("b").gt(1)));
    for (LogicalPlan plan : unchanged) {
      assertThat(rule.rewrite(plan)).as(PlanPrinter.print(plan)).isSameAs(plan);
    }
  }

  @Test
  void neverMovesPastOrderDependentOrAggregatingExpressions() {
    LogicalPlan cumulative = new Filter(new WithColumns(Tables.scan(), List.of(col("b").cumSum().alias("c"))),
        col("a").gt(1));
    assertThat(rule.rewrite(cumulative)).isSameAs(cumulative);
    LogicalPlan aggregatePredicate = new Filter(new Filter(Tables.scan(), col("b").gt(col("b").mean())),
        col("a").gt(1));
    assertThat(optimized(aggregatePredicate)).isEqualTo("""
        FILTER col("a") > 1
          FILTER col("b") > col("b").mean()
            DF t [a, b, s, d]
        """);
  }

  @Test
  void optimizesBelowABarrier() {
    LogicalPlan plan = new Slice(new Filter(Tables.scan(), col("a").gt(1)), 0, 5);
    assertThat(optimized(plan)).isEqualTo("""
        SLICE offset=0, length=5
          DF t [a, b, s, d]
            SELECTION col("a") > 1
        """);
  }

  @Test
  void expandsSelectorsInSelectsAndPredicates() {
    LogicalPlan plan = new Filter(new Select(Tables.scan(), List.of(Exprs.exclude("s"))), col("^d$").gt(0));
    assertThat(optimized(plan)).isEqualTo("""
        SELECT [all().exclude("s")]
          DF t [a, b, s, d]
            SELECTION col("d") > 0
        """);
  }
}
