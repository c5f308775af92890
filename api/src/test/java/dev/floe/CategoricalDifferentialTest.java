package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinOptions.MaintainOrder;
import dev.floe.planner.plan.JoinType;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group-by and join on categorical keys against Polars ({@code cast(pl.Categorical)}), seeded
 * frames of string keys with nulls, an empty string and non-ASCII text: eager, lazy on small
 * morsels with the cast before the query (one dictionary shared by every morsel) and with the cast
 * inside it (one dictionary per morsel, put together at the merge), one key or mixed with an
 * integer key; joins of every kind of two frames cast separately (two dictionaries). Rows compare
 * as multisets.
 */
@LeakChecked
class CategoricalDifferentialTest {
  @TempDir Path directory;

  private static final String[] WORDS = {"a", "b", "", "zebra", "ünï", "b ", "k1", "k2", "k3", "long key"};
  private static final List<Expr> AGGS = List.of(
      col("x").sum().alias("sum"), col("y").mean().alias("mean"), col("x").min().alias("min"),
      col("y").max().alias("max"), Floe.len().alias("n"), col("x").first().alias("first"));
  private static final String PY_AGGS = "pl.col('x').sum().alias('sum'), pl.col('y').mean().alias('mean'), "
      + "pl.col('x').min().alias('min'), pl.col('y').max().alias('max'), pl.len().alias('n'), "
      + "pl.col('x').first().alias('first')";

  /** A frame of {@code rows} rows: string key k (of {@code distinct} words), int key i, values x, y. */
  private static List<PolarsCases.TestColumn> frame(Random random, int rows, int distinct, String key) {
    List<Object> keys = new ArrayList<>();
    List<Object> ints = new ArrayList<>();
    List<Object> xs = new ArrayList<>();
    List<Object> ys = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      int pick = random.nextInt(distinct);
      keys.add(random.nextInt(10) == 0 ? null : pick < WORDS.length ? WORDS[pick] : "w" + pick);
      ints.add(random.nextInt(8) == 0 ? null : random.nextInt(3));
      xs.add((long) random.nextInt(1000) - 500);
      ys.add(random.nextInt(7) == 0 ? null : random.nextInt(400) / 4.0); // exact, no 1e-4 text forms
    }
    return List.of(new PolarsCases.TestColumn(key, DataType.UTF8, "pl.String", keys),
        new PolarsCases.TestColumn("i", DataType.INT32, "pl.Int32", ints),
        new PolarsCases.TestColumn("x", DataType.INT64, "pl.Int64", xs),
        new PolarsCases.TestColumn("y", DataType.FLOAT64, "pl.Float64", ys));
  }

  private static DataFrame toCategorical(DataFrame frame, String name) {
    return frame.withColumns(col(name).cast(DataType.CATEGORICAL));
  }

  /** {@code frame}'s column {@code name} back to strings; closes {@code frame}. */
  private static DataFrame toStrings(DataFrame frame, String name) {
    try (frame) {
      return frame.withColumns(col(name).cast(DataType.UTF8));
    }
  }

  /** Every categorical column of {@code frame} cast back to strings (a new frame). */
  private static DataFrame allToStrings(DataFrame frame) {
    List<Expr> casts = new ArrayList<>();
    for (Series series : frame.getColumns()) {
      if (series.dtype() instanceof DataType.Dictionary) {
        casts.add(col(series.name()).cast(DataType.UTF8));
      }
    }
    return frame.withColumns(casts.toArray(Expr[]::new));
  }

  @Test
  void groupByAgreesWithPolars() throws Exception {
    Random random = new Random(42);
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    GroupByOptions ordered = GroupByOptions.DEFAULT.withMaintainOrder(true);
    int[][] shapes = {{0, 3}, {1, 1}, {40, 3}, {300, 12}, {2000, 60}, {6000, 900}};
    for (int[] shape : shapes) {
      List<PolarsCases.TestColumn> data = frame(random, shape[0], shape[1], "k");
      for (List<String> keys : List.of(List.of("k"), List.of("k", "i"), List.of("i", "k"))) {
        String pyKeys = "[" + String.join(", ", keys.stream().map(key -> "'" + key + "'").toList()) + "]";
        String[] names = keys.toArray(String[]::new);
        String cast = "df.with_columns(pl.col('k').cast(pl.Categorical))";
        String grouped = ".group_by(" + pyKeys + ", maintain_order=True).agg(" + PY_AGGS + ")";
        int morsel = Math.max(1, shape[0] / 40);
        // eager, keys left categorical (so the output dtype is compared too)
        cases.add(data, df -> {
          try (DataFrame cat = toCategorical(df, "k")) {
            return cat.groupBy(ordered, names).agg(AGGS);
          }
        }, cast + grouped, true);
        // cast first, then the lazy query on small morsels (one shared dictionary)
        cases.add(data, df -> {
          try (DataFrame cat = toCategorical(df, "k")) {
            return toStrings(cat.lazy().groupBy(ordered, names).agg(AGGS)
                .collect(CollectOptions.DEFAULT.withMorselRows(morsel)), "k");
          }
        }, cast + grouped + ".with_columns(pl.col('k').cast(pl.String))", true);
        // the cast inside the lazy query: a dictionary per morsel
        cases.add(data, df -> df.lazy().withColumns(col("k").cast(DataType.CATEGORICAL))
            .groupBy(ordered, names).agg(AGGS).withColumns(col("k").cast(DataType.UTF8))
            .collect(CollectOptions.DEFAULT.withMorselRows(morsel)),
            cast + grouped + ".with_columns(pl.col('k').cast(pl.String))", true);
      }
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
    assertThat(cases.bothFailed()).isZero();
  }

  /** Other frame operations over a categorical column: sort, unique, filters, n_unique, head. */
  @Test
  void frameOperationsAgreeWithPolars() throws Exception {
    Random random = new Random(11);
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    String cast = "df.with_columns(pl.col('k').cast(pl.Categorical))";
    for (int rows : new int[] {0, 7, 150}) {
      List<PolarsCases.TestColumn> data = frame(random, rows, 12, "k");
      cases.add(data, df -> {
        try (DataFrame cat = toCategorical(df, "k")) {
          return cat.sort("k", "x");
        }
      }, cast + ".sort('k', 'x')", false);
      cases.add(data, df -> {
        try (DataFrame cat = toCategorical(df, "k"); DataFrame keys = cat.select("k")) {
          return keys.unique();
        }
      }, cast + ".select('k').unique()", true);
      cases.add(data, df -> {
        try (DataFrame cat = toCategorical(df, "k")) {
          return cat.filter(col("k").eq("b").or(col("k").eq("zebra")).or(col("k").isNull()));
        }
      }, cast + ".filter((pl.col('k') == 'b') | (pl.col('k') == 'zebra') | pl.col('k').is_null())", false);
      cases.add(data, df -> {
        try (DataFrame cat = toCategorical(df, "k")) {
          return cat.select(Floe.lit("b").eq(col("k")).alias("eq"), col("k").ne("zebra").alias("ne"),
              col("k").gt("k1").alias("gt"), col("k").le("b ").alias("le"));
        }
      }, cast + ".select((pl.lit('b') == pl.col('k')).alias('eq'), (pl.col('k') != 'zebra').alias('ne'), "
          + "(pl.col('k') > 'k1').alias('gt'), (pl.col('k') <= 'b ').alias('le'))", false);
      cases.add(data, df -> {
        try (DataFrame cat = toCategorical(df, "k")) {
          return cat.select(col("k").nUnique().alias("n"), col("k").nullCount().alias("nulls"));
        }
      }, cast + ".select(pl.col('k').n_unique().alias('n'), pl.col('k').null_count().alias('nulls'))", false);
      cases.add(data, df -> {
        try (DataFrame cat = toCategorical(df, "k")) {
          return cat.head(5);
        }
      }, cast + ".head(5)", false);
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  @Test
  void joinsAgreeWithPolars() throws Exception {
    Random random = new Random(7);
    PolarsJoinCases cases = new PolarsJoinCases(directory);
    int[][] shapes = {{0, 5, 3}, {5, 0, 3}, {30, 20, 6}, {200, 150, 14}, {1500, 400, 80}};
    for (int[] shape : shapes) {
      List<PolarsCases.TestColumn> left = frame(random, shape[0], shape[2], "k");
      // the right side draws from more words, so some keys are only on one side
      List<PolarsCases.TestColumn> right = frame(random, shape[1], shape[2] + 4, "k");
      for (JoinType how : List.of(JoinType.INNER, JoinType.LEFT, JoinType.SEMI, JoinType.ANTI, JoinType.RIGHT,
          JoinType.FULL)) {
        for (List<String> on : List.of(List.of("k"), List.of("k", "i"))) {
          MaintainOrder order = how == JoinType.RIGHT ? MaintainOrder.RIGHT : MaintainOrder.LEFT;
          JoinOptions options = JoinOptions.on(on.toArray(String[]::new)).how(how).maintainOrder(order);
          String pyOn = "[" + String.join(", ", on.stream().map(key -> "'" + key + "'").toList()) + "]";
          String python = "df.with_columns(pl.col('k').cast(pl.Categorical)).join(other.with_columns("
              + "pl.col('k').cast(pl.Categorical)), on=" + pyOn + ", how='" + how.keyword()
              + "', maintain_order='" + order.name().toLowerCase() + "').with_columns(pl.col(pl.Categorical)"
              + ".cast(pl.String))";
          cases.add(left, right, (l, r) -> {
            try (DataFrame lc = toCategorical(l, "k"); DataFrame rc = toCategorical(r, "k");
                DataFrame joined = lc.join(rc, options)) {
              return allToStrings(joined);
            }
          }, python, true);
          cases.add(left, right, (l, r) -> {
            Function<DataFrame, LazyFrame> cast = frame -> frame.lazy()
                .withColumns(col("k").cast(DataType.CATEGORICAL));
            try (DataFrame joined = cast.apply(l).join(cast.apply(r), options)
                .collect(CollectOptions.DEFAULT.withMorselRows(7))) {
              return allToStrings(joined);
            }
          }, python, true);
        }
      }
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }
}
