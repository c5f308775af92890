package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group-by edge cases against Polars (empty input, all-null keys, one group, every row its own
 * group, the shortcuts {@code sum()}/{@code len()}/..., {@code having}), and the errors and plan
 * text of the API.
 */
@LeakChecked
class GroupByTest {
  @TempDir Path directory;

  /** Every reduction at once, as Floe and Polars expressions. */
  private static final List<GroupByGen.AggCase> ALL = List.of(
      new GroupByGen.AggCase(col("x").sum().alias("sum"), "pl.col('x').sum().alias('sum')"),
      new GroupByGen.AggCase(col("y").mean().alias("mean"), "pl.col('y').mean().alias('mean')"),
      new GroupByGen.AggCase(col("s").min().alias("min"), "pl.col('s').min().alias('min')"),
      new GroupByGen.AggCase(col("kd").max().alias("max"), "pl.col('kd').max().alias('max')"),
      new GroupByGen.AggCase(col("y").count().alias("count"), "pl.col('y').count().alias('count')"),
      new GroupByGen.AggCase(Floe.len(), "pl.len()"),
      new GroupByGen.AggCase(col("s").first().alias("first"), "pl.col('s').first().alias('first')"),
      new GroupByGen.AggCase(col("z").last().alias("last"), "pl.col('z').last().alias('last')"),
      new GroupByGen.AggCase(col("s").nUnique().alias("nu"), "pl.col('s').n_unique().alias('nu')"),
      new GroupByGen.AggCase(col("z").median().alias("median"), "pl.col('z').median().alias('median')"),
      new GroupByGen.AggCase(col("y").std().alias("std"), "pl.col('y').std().alias('std')"),
      new GroupByGen.AggCase(col("x").var().alias("var"), "pl.col('x').var().alias('var')"),
      new GroupByGen.AggCase(col("y").quantile(0.9, "higher").alias("q"), "pl.col('y').quantile(0.9, 'higher').alias('q')"),
      new GroupByGen.AggCase(col("z").alias("list"), "pl.col('z').alias('list')"),
      new GroupByGen.AggCase(col("x").filter(col("z").gt(0)).sum().alias("fsum"),
          "pl.col('x').filter(pl.col('z') > 0).sum().alias('fsum')"));

  @Test
  void edgeCasesAgreeWithPolars() throws Exception {
    GroupByGen gen = new GroupByGen(new Random(7));
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    List<Expr> aggs = ALL.stream().map(GroupByGen.AggCase::floe).toList();
    String python = String.join(", ", ALL.stream().map(GroupByGen.AggCase::python).toList());
    for (String key : GroupByGen.KEYS) {
      List<List<PolarsCases.TestColumn>> frames = List.of(
          gen.frame(0, 1), // empty
          allNullKeys(gen.frame(50, 3)),
          gen.frame(40, 1), // one group (and the null group)
          gen.frame(60, 60)); // every row its own group
      for (List<PolarsCases.TestColumn> frame : frames) {
        for (boolean lazy : new boolean[] {false, true}) {
          Function<DataFrame, DataFrame> floe = lazy
              ? df -> df.lazy().groupBy(GroupByOptions.DEFAULT.withMaintainOrder(true), key).agg(aggs)
                  .collect(CollectOptions.DEFAULT.withMorselRows(7))
              : df -> df.groupBy(GroupByOptions.DEFAULT.withMaintainOrder(true), key).agg(aggs);
          cases.add(frame, floe, "df.group_by('" + key + "', maintain_order=True).agg(" + python + ")", false);
        }
      }
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
    assertThat(cases.bothFailed()).isZero();
  }

  /**
   * Enough groups that the merge runs partitioned by key hash on several threads: the order of
   * first appearance comes back with maintainOrder, and every decomposable reduction is merged;
   * and that the general path evaluates ranges of groups in parallel.
   */
  @Test
  void manyGroupsMergeInParallelPartitions() throws Exception {
    GroupByGen gen = new GroupByGen(new Random(5));
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    List<String> names = List.of("sum", "mean", "min", "max", "count", "len", "first", "last", "std", "var", "fsum");
    List<GroupByGen.AggCase> decomposable = ALL.stream()
        .filter(agg -> names.contains(dev.floe.planner.expr.ExprTrees.outputName(agg.floe()))).toList();
    assertThat(decomposable).hasSize(11);
    List<Expr> aggs = decomposable.stream().map(GroupByGen.AggCase::floe).toList();
    String python = String.join(", ", decomposable.stream().map(GroupByGen.AggCase::python).toList());
    List<PolarsCases.TestColumn> frame = gen.frame(30_000, 12_000);
    for (boolean maintainOrder : new boolean[] {true, false}) {
      for (int morselRows : new int[] {1_000, 65_536}) {
        GroupByOptions options = GroupByOptions.DEFAULT.withMaintainOrder(maintainOrder);
        cases.add(frame, df -> df.lazy().groupBy(options, "ks", "kb").agg(aggs)
                .collect(CollectOptions.DEFAULT.withMorselRows(morselRows).withThreads(4)),
            "df.group_by(['ks', 'kb'], maintain_order=" + (maintainOrder ? "True" : "False") + ").agg(" + python + ")",
            !maintainOrder);
      }
    }
    // with a median, nUnique and a list the general path runs, its group ranges as parallel tasks
    List<Expr> general = ALL.stream().map(GroupByGen.AggCase::floe).toList();
    String generalPython = String.join(", ", ALL.stream().map(GroupByGen.AggCase::python).toList());
    cases.add(frame, df -> df.lazy().groupBy(GroupByOptions.DEFAULT.withMaintainOrder(true), "ks", "kb")
            .agg(general).collect(CollectOptions.DEFAULT.withThreads(4)),
        "df.group_by(['ks', 'kb'], maintain_order=True).agg(" + generalPython + ")", false);
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
    assertThat(cases.bothFailed()).isZero();
  }

  /**
   * Nearly all-distinct keys over enough rows for the whole-input paths to change: with morsels of
   * 4,096 rows the partial aggregation sees more groups than half the rows and passes rows through
   * ungrouped, and with 270,000 rows the general path groups in hash partitions on the pool
   * ({@code ParallelGrouping}). Groups keep their order of first appearance either way.
   */
  @Test
  void wideKeysSkipPreAggregationAndGroupInParallel() throws Exception {
    GroupByGen gen = new GroupByGen(new Random(11));
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    List<String> names = List.of("sum", "mean", "min", "max", "count", "len", "first", "last", "std", "var", "fsum");
    List<GroupByGen.AggCase> decomposable = ALL.stream()
        .filter(agg -> names.contains(dev.floe.planner.expr.ExprTrees.outputName(agg.floe()))).toList();
    List<Expr> aggs = decomposable.stream().map(GroupByGen.AggCase::floe).toList();
    String python = String.join(", ", decomposable.stream().map(GroupByGen.AggCase::python).toList());
    List<PolarsCases.TestColumn> frame = gen.frame(40_000, 36_000);
    List<PolarsCases.TestColumn> fewerGroups = gen.frame(270_000, 2_000);
    for (String key : List.of("ki", "ks")) {
      cases.add(frame, df -> df.lazy().groupBy(GroupByOptions.DEFAULT.withMaintainOrder(true), key).agg(aggs)
              .collect(CollectOptions.DEFAULT.withMorselRows(4_096).withThreads(2)),
          "df.group_by('" + key + "', maintain_order=True).agg(" + python + ")", false);
      cases.add(fewerGroups, df -> df.lazy().groupBy(GroupByOptions.DEFAULT.withMaintainOrder(true), key, "kb")
              .agg(col("z").median().alias("median"), col("s").nUnique().alias("nu"), col("x").sum().alias("sum"))
              .collect(CollectOptions.DEFAULT.withThreads(4)),
          "df.group_by(['" + key + "', 'kb'], maintain_order=True).agg(pl.col('z').median().alias('median'), "
              + "pl.col('s').n_unique().alias('nu'), pl.col('x').sum().alias('sum'))", false);
    }
    // a categorical key (by index) next to a boolean one, grouped in partitions; keys back to strings
    cases.add(fewerGroups, df -> df.lazy().withColumns(col("ks").cast(DataType.CATEGORICAL))
            .groupBy(GroupByOptions.DEFAULT.withMaintainOrder(true), "ks", "kb")
            .agg(col("z").median().alias("median"), col("x").sum().alias("sum"))
            .withColumns(col("ks").cast(DataType.UTF8))
            .collect(CollectOptions.DEFAULT.withThreads(4)),
        "df.group_by(['ks', 'kb'], maintain_order=True).agg(pl.col('z').median().alias('median'), "
            + "pl.col('x').sum().alias('sum'))", false);
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
    assertThat(cases.bothFailed()).isZero();
  }

  private static List<PolarsCases.TestColumn> allNullKeys(List<PolarsCases.TestColumn> frame) {
    List<PolarsCases.TestColumn> columns = new ArrayList<>();
    for (PolarsCases.TestColumn column : frame) {
      boolean key = GroupByGen.KEYS.contains(column.name());
      columns.add(key ? new PolarsCases.TestColumn(column.name(), column.type(), column.polarsType(),
          Arrays.asList(new Object[column.values().size()])) : column);
    }
    return columns;
  }

  @Test
  void shortcutsAndHavingAgreeWithPolars() throws Exception {
    GroupByGen gen = new GroupByGen(new Random(11));
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    GroupByOptions ordered = GroupByOptions.DEFAULT.withMaintainOrder(true);
    for (int index = 0; index < 6; index++) {
      List<PolarsCases.TestColumn> frame = numeric(gen.frame(30 + index * 20, 1 + index * 3));
      String by = "df.group_by(['ki', 'kb'], maintain_order=True)";
      cases.add(frame, df -> df.groupBy(ordered, "ki", "kb").sum(), by + ".sum()", false);
      cases.add(frame, df -> df.groupBy(ordered, "ki", "kb").mean(), by + ".mean()", false);
      cases.add(frame, df -> df.groupBy(ordered, "ki", "kb").min(), by + ".min()", false);
      cases.add(frame, df -> df.groupBy(ordered, "ki", "kb").max(), by + ".max()", false);
      cases.add(frame, df -> df.groupBy(ordered, "ki", "kb").first(), by + ".first()", false);
      cases.add(frame, df -> df.groupBy(ordered, "ki", "kb").last(), by + ".last()", false);
      cases.add(frame, df -> df.groupBy(ordered, "ki", "kb").median(), by + ".median()", false);
      cases.add(frame, df -> df.groupBy(ordered, "ki", "kb").nUnique(), by + ".n_unique()", false);
      cases.add(frame, df -> df.groupBy(ordered, "ki", "kb").len(), by + ".len()", false);
      cases.add(frame, df -> df.groupBy(ordered, col("ki").mod(3).alias("k")).agg(col("x").sum()),
          "df.group_by((pl.col('ki') % 3).alias('k'), maintain_order=True).agg(pl.col('x').sum())", false);
      cases.add(frame, df -> df.groupBy(ordered, "kb").having(col("x").sum().gt(0), Floe.len().ge(2))
          .agg(col("y").max()), "df.group_by('kb', maintain_order=True).having(pl.col('x').sum() > 0,"
          + " pl.len() >= 2).agg(pl.col('y').max())", false);
      cases.add(frame, df -> df.lazy().groupBy("ki").having(col("z").mean().lt(0)).len().collect(),
          "df.group_by('ki').having(pl.col('z').mean() < 0).len()", true);
      cases.add(frame, df -> df.groupBy(ordered, "kb").agg(Floe.lit(3).alias("l"), Floe.lit(2).sum().alias("s")),
          "df.group_by('kb', maintain_order=True).agg(pl.lit(3).alias('l'), pl.lit(2).sum().alias('s'))", false);
      cases.add(frame, df -> df.groupBy(ordered, "kb").agg(), "df.group_by('kb', maintain_order=True).agg()", false);
      cases.add(frame, df -> df.groupBy("kb").agg(Floe.count("y"), col("x").filter(col("x").gt(0)).alias("pos")),
          "df.group_by('kb').agg(pl.count('y'), pl.col('x').filter(pl.col('x') > 0).alias('pos'))", true);
      cases.add(frame, df -> df.select(col("x").filter(col("y").gt(0)).alias("f"), col("y").filter(col("y").gt(0))),
          "df.select(pl.col('x').filter(pl.col('y') > 0).alias('f'), pl.col('y').filter(pl.col('y') > 0))", false);
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
    assertThat(cases.bothFailed()).isZero();
  }

  /** The frame without its string and date columns (so that every shortcut applies to all). */
  private static List<PolarsCases.TestColumn> numeric(List<PolarsCases.TestColumn> frame) {
    return frame.stream().filter(column -> !column.type().isString() && column.type() != DataType.DATE32).toList();
  }

  @Test
  void errorsWhileRunningNameTheOperatorOnce() {
    try (DataFrame frame = DataFrame.of(Series.of("a", 1L, 2L), Series.of("s", "1", "x"))) {
      for (Expr agg : List.of(col("s").cast(DataType.INT64).sum(), col("s").cast(DataType.INT64).median())) {
        assertThatThrownBy(() -> frame.groupBy("a").agg(agg))
            .isInstanceOf(dev.floe.errors.ComputeException.class)
            .hasMessageStartingWith("while evaluating [" + agg + "] BY [col(\"a\")] in GroupBy: ")
            .hasMessageContaining("\"x\"")
            .satisfies(failure -> assertThat(failure.getMessage().split("in GroupBy", -1)).hasSize(2));
      }
    }
  }

  @Test
  void errorsNameTheColumnOrExpression() {
    try (DataFrame frame = DataFrame.of(Series.of("a", 1L, 2L), Series.of("b", 1.5, 2.5))) {
      assertThatThrownBy(() -> frame.groupBy("a").agg(col("bb").sum()))
          .isInstanceOf(ColumnNotFoundException.class).hasMessageContaining("'bb'").hasMessageContaining("b");
      assertThatThrownBy(() -> frame.groupBy("c").agg(col("b").sum()))
          .isInstanceOf(ColumnNotFoundException.class).hasMessageContaining("'c'");
      assertThatThrownBy(() -> frame.groupBy("a").agg(col("b").sum(), col("b").mean()))
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("'b' is duplicate");
      assertThatThrownBy(() -> frame.groupBy(col("a").sum()).agg(col("b").sum()))
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("group_by key");
      assertThatThrownBy(() -> frame.groupBy("a").agg(col("b").filter(col("a")).sum()))
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("bool predicate");
    }
  }

  /** Decomposable reductions pre-aggregate per morsel; a median groups the whole input instead. */
  @Test
  void decomposableReductionsRunAsPartialAggregatesInThePipeline() {
    try (DataFrame frame = DataFrame.of(Series.of("a", 1L, 2L, 1L), Series.of("b", 1.5, 2.5, 4.0),
        Series.of("c", "x", "y", "z"))) {
      CollectOptions options = CollectOptions.DEFAULT.withMorselRows(1);
      LazyFrame partial = frame.lazy().groupBy("a").agg(col("b").sum(), col("c").max(), col("b").std().alias("s"),
          col("b").filter(col("b").gt(2)).mean().alias("m"), Floe.len());
      LazyFrame general = frame.lazy().groupBy("a").agg(col("b").median());
      try (QueryProfile first = partial.profile(options); QueryProfile second = general.profile(options)) {
        assertThat(nodes(first)).anyMatch(node -> node.contains("PartialGroupBy"));
        assertThat(nodes(second)).noneMatch(node -> node.contains("PartialGroupBy"));
      }
    }
  }

  private static List<String> nodes(QueryProfile profile) {
    return profile.timings().column("node").toList().stream().map(String::valueOf).toList();
  }

  @Test
  void explainShowsTheAggregateAndItsPushdowns() {
    try (DataFrame frame = DataFrame.of(Series.of("a", 1L, 2L), Series.of("b", 1.5, 2.5),
        Series.of("c", "x", "y"))) {
      LazyFrame query = frame.lazy().groupBy("a").agg(col("b").sum()).filter(col("a").gt(1));
      assertThat(query.explain()).isEqualTo("""
          AGGREGATE [col("b").sum()] BY [col("a")]
            DF [a, b, c]; 2 rows
              PROJECT 2/3 COLUMNS [a, b]
              SELECTION col("a") > 1
          rules fired: predicate_pushdown, projection_pushdown
          """);
      assertThat(query.collectSchema().names()).containsExactly("a", "b");
    }
  }
}
