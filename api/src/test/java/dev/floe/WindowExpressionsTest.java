package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.WindowOptions;
import dev.floe.testkit.LeakChecked;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Window expressions through the public API outside select and withColumns: in a filter predicate,
 * as a sort key, in a lazy plan's text, with mappings join and explode, and inside a group-by
 * aggregation (evaluated within each group, as Polars). Values in select and withColumns are compared with Polars in
 * {@link WindowDifferentialTest}; the expected values here are Polars 1.44's.
 */
@LeakChecked
class WindowExpressionsTest {
  /** g: [a, b, a, b, a]; x: [1, 5, 3, 2, null]. */
  private static DataFrame frame() {
    return DataFrame.of(
        Series.ofList("g", DataType.UTF8, Arrays.asList("a", "b", "a", "b", "a")),
        Series.ofList("x", DataType.INT64, Arrays.asList(1L, 5L, 3L, 2L, null)));
  }

  @Test
  void aWindowInAFilterComparesEachRowWithItsGroup() {
    // df.filter(pl.col('x') > pl.col('x').mean().over('g'))
    try (DataFrame df = frame();
        DataFrame eager = df.filter(col("x").gt(col("x").mean().over("g")));
        DataFrame lazy = df.lazy().filter(col("x").gt(col("x").mean().over("g"))).collect()) {
      assertThat(eager.column("x").toList()).containsExactly(5L, 3L);
      assertThat(lazy.column("x").toList()).containsExactly(5L, 3L);
    }
  }

  @Test
  void aWindowAsASortKey() {
    // df.sort(pl.col('x').rank('ordinal', descending=True).over('g'), 'x')
    try (DataFrame df = frame();
        DataFrame sorted = df.sort(col("x").rank("ordinal", true).over("g"), col("x"))) {
      assertThat(sorted.column("x").toList()).containsExactly(null, 3L, 5L, 1L, 2L);
    }
  }

  @Test
  void theLazyPlanPrintsTheWindow() {
    try (DataFrame df = frame()) {
      String plan = df.lazy().withColumns(col("x").cumSum().over(
          WindowOptions.DEFAULT.withOrderBy("x").withNullsLast(true), "g").alias("c")).explain();
      assertThat(plan).contains(
          "col(\"x\").cumSum(false).over([col(\"g\")], orderBy=[col(\"x\")], nullsLast=true).alias(\"c\")");
    }
  }

  @Test
  void explodeChangesTheRowsAndJoinGivesLists() {
    try (DataFrame df = frame();
        DataFrame exploded = df.select(col("x").cumSum().over(
            WindowOptions.DEFAULT.withMapping(WindowOptions.Mapping.EXPLODE), "g"));
        DataFrame joined = df.select(col("x").over(
            WindowOptions.DEFAULT.withMapping(WindowOptions.Mapping.JOIN), "g"))) {
      // group a: 1, 4, null; group b: 5, 7
      assertThat(exploded.column("x").toList()).containsExactly(1L, 4L, null, 5L, 7L);
      assertThat(joined.column("x").toList().get(1)).isEqualTo(List.of(5L, 2L));
      assertThat(joined.column("x").toList().get(4)).isEqualTo(Arrays.asList(1L, 3L, null));
    }
  }

  @Test
  void aWindowInsideAGroupByAggregationRunsWithinEachGroup() {
    // df.group_by('g', maintain_order=True).agg(pl.col('x').sum().over('g')): a list per group
    GroupByOptions ordered = GroupByOptions.DEFAULT.withMaintainOrder(true);
    try (DataFrame df = frame();
        DataFrame eager = df.groupBy(ordered, "g").agg(col("x").sum().over("g"));
        DataFrame lazy = df.lazy().groupBy(ordered, "g").agg(col("x").sum().over("g")).collect()) {
      assertThat(eager.rows().toString()).isEqualTo("[[a, [4, 4, 4]], [b, [7, 7]]]");
      assertThat(lazy.rows().toString()).isEqualTo("[[a, [4, 4, 4]], [b, [7, 7]]]");
    }
  }

  @Test
  void aSelectionOfSeveralColumnsGivesOneWindowEach() {
    // df.select(pl.col('x', 'y').max().over('g'), pl.len().over('g'))
    try (DataFrame df = frame();
        DataFrame withY = df.withColumns(col("x").mul(10).alias("y"));
        DataFrame both = withY.select(col("x", "y").max().over("g"), Floe.len().over("g"))) {
      assertThat(both.columns()).containsExactly("x", "y", "len");
      assertThat(both.column("y").toList()).containsExactly(30L, 50L, 30L, 50L, 30L);
      assertThat(both.column("len").toList()).containsExactly(3L, 2L, 3L, 2L, 3L);
    }
  }
}
