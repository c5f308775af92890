package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code expr.sortBy(...)} against Polars' {@code sort_by} (with maintain_order=True: Floe's sort is
 * stable) on seeded random frames: one or two keys with ties, nulls and NaN, descending per key,
 * nulls last; in select, in withColumns, per group inside {@code groupBy(...).agg(...)} (first,
 * last, head, a reduction, the sorted list itself) and inside {@code over}. Each case runs eagerly,
 * lazily, and lazily with 7-row morsels on two threads.
 */
@LeakChecked
class SortByDifferentialTest {
  @TempDir Path directory;

  @Test
  void sortByAgreesWithPolars() throws Exception {
    Random random = new Random(20261124);
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    for (int index = 0; index < 48; index++) {
      int rows = index % 12 == 0 ? random.nextInt(3) : 5 + random.nextInt(60);
      List<PolarsCases.TestColumn> frame = frame(random, rows);
      boolean two = random.nextBoolean();
      boolean descending = random.nextBoolean();
      boolean secondDescending = random.nextBoolean();
      boolean nullsLast = random.nextBoolean();
      String firstKey = random.nextBoolean() ? "t" : "y";
      Expr sorted = two
          ? col("x").sortBy(List.of(col(firstKey), col("s")), List.of(descending, secondDescending), nullsLast)
          : col("x").sortBy(List.of(col(firstKey)), List.of(descending), nullsLast);
      String python = two
          ? "pl.col('x').sort_by(['" + firstKey + "', 's'], descending=[" + py(descending) + ", "
              + py(secondDescending) + "], nulls_last=" + py(nullsLast) + ", maintain_order=True)"
          : "pl.col('x').sort_by('" + firstKey + "', descending=" + py(descending) + ", nulls_last=" + py(nullsLast)
              + ", maintain_order=True)";
      Expr simple = col("s").sortBy(col("t"));
      String simplePython = "pl.col('s').sort_by(pl.col('t'), maintain_order=True)";
      switch (index % 4) {
        case 0 -> add(cases, frame, lazy -> lazy.select(sorted.alias("r"), simple.alias("q")),
            df -> df.select(sorted.alias("r"), simple.alias("q")),
            "df.select((" + python + ").alias('r'), (" + simplePython + ").alias('q'))", false);
        case 1 -> {
          Expr[] aggs = {sorted.first().alias("f"), sorted.last().alias("l"), sorted.head(2).alias("h"),
              simple.first().alias("sf"), sorted.alias("all"), sorted.slice(1, 2).sum().alias("m")};
          String text = "df.group_by('g', maintain_order=True).agg((" + python + ").first().alias('f'), ("
              + python + ").last().alias('l'), (" + python + ").head(2).alias('h'), (" + simplePython
              + ").first().alias('sf'), (" + python + ").alias('all'), (" + python + ").slice(1, 2).sum().alias('m'))";
          GroupByOptions options = GroupByOptions.DEFAULT.withMaintainOrder(true);
          add(cases, frame, lazy -> lazy.groupBy(options, "g").agg(aggs), df -> df.groupBy(options, "g").agg(aggs),
              text, false);
        }
        case 2 -> add(cases, frame, lazy -> lazy.withColumns(sorted.over("g").alias("w"),
                sorted.first().over("g").alias("v")),
            df -> df.withColumns(sorted.over("g").alias("w"), sorted.first().over("g").alias("v")),
            "df.with_columns((" + python + ").over('g').alias('w'), (" + python + ").first().over('g').alias('v'))",
            false);
        default -> {
          // without a group order: compared as multisets
          Expr[] aggs = {sorted.last().alias("l"), simple.head(1).alias("h")};
          add(cases, frame, lazy -> lazy.groupBy("g").agg(aggs), df -> df.groupBy("g").agg(aggs),
              "df.group_by('g').agg((" + python + ").last().alias('l'), (" + simplePython + ").head(1).alias('h'))",
              true);
        }
      }
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
    assertThat(cases.bothFailed()).as("cases failing on both sides").isZero();
  }

  @Test
  void badKeysAndFlagsAreNamed() {
    assertThatThrownBy(() -> col("x").sortBy(List.of(col("a"), col("b")), List.of(true, false, true), false))
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("3 descending flags for 2 keys");
    assertThatThrownBy(() -> col("x").sortBy(List.of(), List.of(false), false))
        .isInstanceOf(InvalidOperationException.class);
    try (DataFrame frame = DataFrame.of(Series.ofLongs("x", 3L, 1L, 2L), Series.ofLongs("t", 2L, 1L, 1L))) {
      assertThatThrownBy(() -> frame.select(col("x").sortBy(col("t").head(2))))
          .isInstanceOf(dev.floe.errors.ShapeMismatchException.class).hasMessageContaining("has 2 rows");
      try (DataFrame sorted = frame.select(col("x").sortBy("t"))) {
        assertThat(sorted.column("x").toList()).containsExactly(1L, 2L, 3L);
      }
    }
  }

  private static void add(PolarsFrameCases cases, List<PolarsCases.TestColumn> frame,
      Function<LazyFrame, LazyFrame> lazy, Function<DataFrame, DataFrame> eager, String python, boolean unordered) {
    cases.add(frame, eager, python, unordered);
    cases.add(frame, df -> lazy.apply(df.lazy()).collect(), python, unordered);
    cases.add(frame, df -> lazy.apply(df.lazy()).collect(CollectOptions.DEFAULT.withMorselRows(7).withThreads(2)),
        python, unordered);
  }

  /** g: a few groups; t: ties and nulls; y: floats with NaN and nulls; s: strings with ties. */
  private static List<PolarsCases.TestColumn> frame(Random random, int rows) {
    List<Object> g = new ArrayList<>();
    List<Object> t = new ArrayList<>();
    List<Object> y = new ArrayList<>();
    List<Object> s = new ArrayList<>();
    List<Object> x = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      g.add(random.nextInt(12) == 0 ? null : (long) random.nextInt(4));
      t.add(random.nextInt(8) == 0 ? null : (long) random.nextInt(6));
      y.add(random.nextInt(8) == 0 ? null : random.nextInt(15) == 0 ? Double.NaN : random.nextInt(40) / 4.0);
      s.add(random.nextInt(8) == 0 ? null : "s" + random.nextInt(5));
      x.add(random.nextInt(9) == 0 ? null : (long) row);
    }
    return List.of(new PolarsCases.TestColumn("g", DataType.INT64, "pl.Int64", g),
        new PolarsCases.TestColumn("t", DataType.INT64, "pl.Int64", t),
        new PolarsCases.TestColumn("y", DataType.FLOAT64, "pl.Float64", y),
        new PolarsCases.TestColumn("s", DataType.UTF8, "pl.String", s),
        new PolarsCases.TestColumn("x", DataType.INT64, "pl.Int64", x));
  }

  private static String py(boolean value) {
    return value ? "True" : "False";
  }
}
