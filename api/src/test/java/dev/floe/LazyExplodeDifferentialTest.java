package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LazyFrame.explode} (and the eager {@code DataFrame.explode} that runs it) against Polars'
 * {@code explode} on seeded frames with empty, null and long lists: one or two exploded columns,
 * filters on the repeated columns (pushed below) and on the exploded ones (kept above), a select
 * that drops columns, a head, and the h2o q8 shape (a group-by's head(2) lists exploded). Each case
 * runs eagerly, lazily, without optimization and with 3-row morsels on two threads.
 */
@LeakChecked
class LazyExplodeDifferentialTest {
  private static final DataType LONGS = DataType.ListType.of(DataType.INT64);
  private static final DataType STRINGS = DataType.ListType.of(DataType.UTF8);

  @TempDir Path directory;

  @Test
  void explodeAgreesWithPolars() throws Exception {
    Random random = new Random(20261124);
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    for (int index = 0; index < 64; index++) {
      int rows = index % 10 == 0 ? random.nextInt(2) : 1 + random.nextInt(40);
      List<PolarsCases.TestColumn> frame = frame(random, rows, index % 9 == 4);
      switch (index % 8) {
        case 6 -> add(cases, frame, lazy -> lazy.explode("xs").groupBy(GroupByOptions.DEFAULT.withMaintainOrder(true),
                "g").agg(col("xs").sum().alias("sum"), col("xs").count().alias("n"), Floe.len().alias("len")),
            "df.explode('xs').group_by('g', maintain_order=True).agg(pl.col('xs').sum().alias('sum'), "
                + "pl.col('xs').count().alias('n'), pl.len().alias('len'))");
        case 7 -> add(cases, frame, lazy -> lazy.explode("ys").sort(SortOptions.DEFAULT.withMaintainOrder(true), "ys")
                .tail(5), "df.explode('ys').sort('ys', maintain_order=True).tail(5)");
        case 0 -> add(cases, frame, lazy -> lazy.explode("xs"), "df.explode('xs')");
        case 1 -> add(cases, frame, lazy -> lazy.explode("xs", "ys"), "df.explode('xs', 'ys')");
        case 2 -> add(cases, frame, lazy -> lazy.explode("xs").filter(col("g").gt(1).and(col("xs").lt(50))),
            "df.explode('xs').filter((pl.col('g') > 1) & (pl.col('xs') < 50))");
        case 3 -> add(cases, frame, lazy -> lazy.explode("ys", "xs").select(col("g"), col("ys")),
            "df.explode('ys', 'xs').select(pl.col('g'), pl.col('ys'))");
        case 4 -> add(cases, frame, lazy -> lazy.explode("xs").head(7).filter(col("v").isNotNull()),
            "df.explode('xs').head(7).filter(pl.col('v').is_not_null())");
        default -> add(cases, frame, lazy -> lazy.groupBy(GroupByOptions.DEFAULT.withMaintainOrder(true), "g")
                .agg(col("v").sort(true, true).head(2).alias("top")).explode("top"),
            "df.group_by('g', maintain_order=True).agg(pl.col('v').sort(descending=True, nulls_last=True)"
                + ".head(2).alias('top')).explode('top')");
      }
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
    assertThat(cases.bothFailed()).as("cases failing on both sides").isZero();
  }

  private static void add(PolarsFrameCases cases, List<PolarsCases.TestColumn> frame,
      UnaryOperator<LazyFrame> query, String python) {
    cases.add(frame, df -> query.apply(df.lazy()).collect(), python, false);
    cases.add(frame, df -> query.apply(df.lazy()).collect(CollectOptions.DEFAULT.withNoOptimization(true)), python,
        false);
    cases.add(frame, df -> query.apply(df.lazy()).collect(CollectOptions.DEFAULT.withMorselRows(3).withThreads(2)),
        python, false);
    if (python.startsWith("df.explode('xs')") || python.equals("df.explode('xs', 'ys')")) {
      boolean both = python.startsWith("df.explode('xs', 'ys')");
      cases.add(frame, df -> both ? df.explode("xs", "ys") : df.explode("xs"),
          both ? "df.explode('xs', 'ys')" : "df.explode('xs')", false);
    }
  }

  /**
   * g: a small key; xs and ys: lists of equal lengths per row (empty and null now and then, or
   * all null); v: floats.
   */
  private static List<PolarsCases.TestColumn> frame(Random random, int rows, boolean nullLists) {
    List<Object> g = new ArrayList<>();
    List<Object> xs = new ArrayList<>();
    List<Object> ys = new ArrayList<>();
    List<Object> v = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      g.add(random.nextInt(10) == 0 ? null : (long) random.nextInt(4));
      int pick = random.nextInt(10);
      if (pick == 0 || nullLists) {
        xs.add(null);
        ys.add(null);
      } else {
        int length = pick == 1 ? 0 : random.nextInt(pick == 2 ? 12 : 4);
        List<Object> x = new ArrayList<>();
        List<Object> y = new ArrayList<>();
        for (int element = 0; element < length; element++) {
          x.add(random.nextInt(9) == 0 ? null : (long) random.nextInt(100));
          y.add(random.nextInt(9) == 0 ? null : "y" + random.nextInt(6));
        }
        xs.add(x);
        ys.add(y);
      }
      v.add(random.nextInt(6) == 0 ? null : random.nextInt(400) / 4.0);
    }
    return List.of(new PolarsCases.TestColumn("g", DataType.INT64, "pl.Int64", g),
        new PolarsCases.TestColumn("xs", LONGS, "pl.List(pl.Int64)", xs),
        new PolarsCases.TestColumn("ys", STRINGS, "pl.List(pl.String)", ys),
        new PolarsCases.TestColumn("v", DataType.FLOAT64, "pl.Float64", v));
  }
}
