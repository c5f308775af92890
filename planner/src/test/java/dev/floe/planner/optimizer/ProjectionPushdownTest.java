package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static dev.floe.planner.expr.Exprs.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Exprs;
import dev.floe.planner.expr.FrameLength;
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
 * Scans read only the columns the plan uses (predicate, sort and subset columns included, in the
 * scan's order), unneeded with_columns and select expressions go, and the root's schema never
 * changes; caches, full-row unique and the root's own columns stop the pruning.
 */
class ProjectionPushdownTest {
  private final ProjectionPushdown rule = new ProjectionPushdown();

  private String optimized(LogicalPlan plan) {
    return PlanPrinter.print(rule.rewrite(plan));
  }

  @Test
  void projectsTheScanOnWhatTheSelectFilterAndSortRead() {
    LogicalPlan plan = new Select(new Sort(new Filter(Tables.scan(), col("d").gt(3)), List.of(col("s")),
        List.of(false), false, false), List.of(col("b")));
    assertThat(optimized(plan)).isEqualTo("""
        SELECT [col("b")]
          SORT BY [col("s")]
            FILTER col("d") > 3
              DF t [a, b, s, d]
                PROJECT 3/4 COLUMNS [b, s, d]
        """);
  }

  @Test
  void dropsUnneededWithColumnsAndSelectExpressionsAndCountsTheScanPredicate() {
    LogicalPlan plan = new Select(
        new WithColumns(
            new Select(Tables.scan().withPredicate(col("a").gt(0)), List.of(col("s"), col("b"), col("d"))),
            List.of(col("b").mul(2).alias("b2"), col("d").alias("unused"))),
        List.of(col("b2")));
    assertThat(optimized(plan)).isEqualTo("""
        SELECT [col("b2")]
          WITH_COLUMNS [(col("b") * 2).alias("b2")]
            SELECT [col("b")]
              DF t [a, b, s, d]
                PROJECT 2/4 COLUMNS [a, b]
                SELECTION col("a") > 0
        """);
  }

  @Test
  void aSelectorOverAPrunedInputIsExpandedSoItStillResolves() {
    // drop("b") is a select of all().exclude("b"): once the scan no longer reads b, the selector
    // must not be resolved again against the pruned input
    LogicalPlan plan = new Select(new Select(Tables.scan(), List.of(dev.floe.planner.expr.Exprs.exclude("b"))),
        List.of(col("a")));
    assertThat(optimized(plan)).isEqualTo("""
        SELECT [col("a")]
          SELECT [col("a")]
            DF t [a, b, s, d]
              PROJECT 1/4 COLUMNS [a]
        """);
  }

  @Test
  void prunesEveryUnionInputAlike() {
    LogicalPlan plan = new Select(new Union(List.of(Tables.scan("t"), Tables.scan("u"))), List.of(col("d")));
    assertThat(optimized(plan)).isEqualTo("""
        SELECT [col("d")]
          UNION 2 INPUTS
            DF t [a, b, s, d]
              PROJECT 1/4 COLUMNS [d]
            DF u [a, b, s, d]
              PROJECT 1/4 COLUMNS [d]
        """);
  }

  @Test
  void keepsOneColumnForTheRowCountAndExpandsSelectors() {
    LogicalPlan count = new Select(new Slice(Tables.scan(), 0, 3), List.of(new FrameLength()));
    assertThat(optimized(count)).isEqualTo("""
        SELECT [len()]
          SLICE offset=0, length=3
            DF t [a, b, s, d]
              PROJECT 1/4 COLUMNS [a]
        """);
    LogicalPlan selector = new Select(new Select(Tables.scan(), List.of(Exprs.exclude("s"))), List.of(col("d")));
    assertThat(optimized(selector)).isEqualTo("""
        SELECT [col("d")]
          SELECT [col("d")]
            DF t [a, b, s, d]
              PROJECT 1/4 COLUMNS [d]
        """);
  }

  @Test
  void leavesPlansThatReadEverythingAlone() {
    List<LogicalPlan> unchanged = List.of(
        Tables.scan(),
        new Filter(Tables.scan(), col("a").gt(1)),
        new Select(new Distinct(Tables.scan(), List.of(), Distinct.Keep.ANY, false), List.of(col("a"))),
        new Select(Tables.scan().withProjection(List.of("d", "a")), List.of(col("a"), col("d"))),
        new Select(new Select(Tables.scan().withProjection(List.of("a", "b")),
            List.of(col("a"), col("b").sum())), List.of(col("a"))),
        new Select(new Select(Tables.scan().withProjection(List.of("a")), List.of(lit(1), col("a"))),
            List.of(col("literal"))));
    for (LogicalPlan plan : unchanged) {
      assertThat(rule.rewrite(plan)).as(PlanPrinter.print(plan)).isSameAs(plan);
    }
  }

  @Test
  void aUnionWhoseInputsWouldNoLongerAgreeKeepsAllColumns() {
    // the select computes b, so its input keeps a, b, s, d whatever the union needs
    LogicalPlan computed = new Select(Tables.scan("u"), List.of(col("a"), col("b").sum(), col("s"), col("d")));
    LogicalPlan plan = new Select(new Union(List.of(Tables.scan("t"), computed)), List.of(col("d")));
    assertThat(rule.rewrite(plan)).isSameAs(plan);
  }

  @Test
  void aCacheReadsTheUnionOfWhatAllItsReadersNeed() {
    LogicalPlan cached = new Cache(Tables.scan("u"), 9);
    LogicalPlan plan = new Union(List.of(
        new Select(new Filter(cached, col("a").gt(1)), List.of(col("b"))),
        new Select(cached, List.of(col("d").cast(DataType.FLOAT64).alias("b")))));
    assertThat(optimized(plan)).isEqualTo("""
        UNION 2 INPUTS
          SELECT [col("b")]
            FILTER col("a") > 1
              CACHE 9
                DF u [a, b, s, d]
                  PROJECT 3/4 COLUMNS [a, b, d]
          SELECT [col("d").cast(f64).alias("b")]
            CACHE 9
              DF u [a, b, s, d]
                PROJECT 3/4 COLUMNS [a, b, d]
        """);
  }

  @Test
  void aReplacedColumnIsStillReadSinceItHoldsThePlaceOfItsReplacement() {
    LogicalPlan root = new WithColumns(Tables.scan(), List.of(col("b").alias("a")));
    assertThat(rule.rewrite(root)).isSameAs(root);
    LogicalPlan plan = new Select(new WithColumns(Tables.scan(), List.of(col("b").alias("a"), col("d").alias("e"))),
        List.of(col("a")));
    assertThat(optimized(plan)).isEqualTo("""
        SELECT [col("a")]
          WITH_COLUMNS [col("b").alias("a")]
            DF t [a, b, s, d]
              PROJECT 2/4 COLUMNS [a, b]
        """);
  }
}
