package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.planner.expr.Expr;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expressions the h2o db-benchmark questions need, against Polars on seeded random frames
 * ({@link GroupByGen}: nulls, NaN, one to all-unique keys): {@code Floe.corr} (q9) in select and per
 * group, squared with {@code pow}; {@code head}/{@code tail} per group (lists) and over a whole
 * column; {@code DataFrame.explode} of those lists, empty lists included (q8); {@code
 * LazyFrame.dropNulls}; q8's whole chain (drop nulls, sort descending, group head, explode).
 */
@LeakChecked
class H2oExpressionsDifferentialTest {
  private static final String[] NUMBERS = {"x", "z", "y"};

  @TempDir Path directory;

  @Test
  void h2oExpressionsAgreeWithPolars() throws Exception {
    Random random = new Random(20261124L);
    GroupByGen gen = new GroupByGen(random);
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    for (int index = 0; index < 320; index++) {
      int rows = random.nextInt(5) == 0 ? random.nextInt(4) : random.nextInt(150);
      int[] cardinalities = {1, 3, 10, Integer.MAX_VALUE};
      int cardinality = cardinalities[random.nextInt(cardinalities.length)];
      List<PolarsCases.TestColumn> frame = gen.frame(rows, Math.min(cardinality, Math.max(rows, 1)));
      String key = gen.pick(GroupByGen.KEYS.toArray(String[]::new));
      String a = NUMBERS[random.nextInt(NUMBERS.length)];
      String b = NUMBERS[random.nextInt(NUMBERS.length)];
      int n = random.nextInt(4);
      String group = "df.group_by('" + key + "', maintain_order=True)";
      GroupByOptions ordered = GroupByOptions.DEFAULT.withMaintainOrder(true);
      Function<DataFrame, DataFrame> floe;
      String python;
      switch (index % 8) {
        case 0 -> {
          floe = df -> df.select(Floe.corr(a, b).alias("c"), Floe.corr(col(b), col(a)).pow(2).alias("r2"));
          python = "df.select(pl.corr('" + a + "', '" + b + "').alias('c'), (pl.corr('" + b + "', '" + a
              + "') ** 2).alias('r2'))";
        }
        case 1 -> {
          floe = df -> df.groupBy(ordered, key).agg(Floe.corr(a, b).pow(2).alias("r2"), col(a).count());
          python = group + ".agg((pl.corr('" + a + "', '" + b + "') ** 2).alias('r2'), pl.col('" + a + "').count())";
        }
        case 2 -> {
          floe = df -> df.lazy().groupBy(ordered, key).agg(col(a).head(n).alias("h"), col(b).tail(n).alias("t"))
              .collect();
          python = group + ".agg(pl.col('" + a + "').head(" + n + ").alias('h'), pl.col('" + b + "').tail(" + n
              + ").alias('t'))";
        }
        case 3 -> {
          floe = df -> explode(df.groupBy(ordered, key).agg(col(a).head(n).alias("h")), "h");
          python = group + ".agg(pl.col('" + a + "').head(" + n + ").alias('h')).explode('h')";
        }
        case 4 -> {
          // empty lists (no value above the threshold) explode to one null row each
          Expr filtered = col(a).filter(col(b).gt(0)).alias("f");
          floe = df -> explode(df.groupBy(ordered, key).agg(filtered, col(b).head(1).alias("g")), "f");
          python = group + ".agg(pl.col('" + a + "').filter(pl.col('" + b + "') > 0).alias('f'), pl.col('" + b
              + "').head(1).alias('g')).explode('f')";
        }
        case 5 -> {
          floe = df -> df.select(col(a).head(n), col(b).tail(n).alias("t"));
          python = "df.select(pl.col('" + a + "').head(" + n + "), pl.col('" + b + "').tail(" + n + ").alias('t'))";
        }
        case 6 -> {
          floe = df -> df.lazy().dropNulls(a, key).collect();
          python = "df.drop_nulls(['" + a + "', '" + key + "'])";
        }
        default -> {
          // q8: the largest two values of each group
          // every other q8 case without maintainOrder, where sorted_group_head replaces the sort
          GroupByOptions groupBy = index % 16 == 15 ? GroupByOptions.DEFAULT : ordered;
          floe = df -> explode(df.lazy().dropNulls(a).sort(SortOptions.DEFAULT.withDescending(true), a)
              .groupBy(groupBy, key).agg(col(a).head(2).alias("top")).collect(), "top");
          python = "df.drop_nulls('" + a + "').sort('" + a + "', descending=True).group_by('" + key
              + "', maintain_order=True).agg(pl.col('" + a + "').head(2).alias('top')).explode('top')";
        }
      }
      // q8's sort is not stable in Polars: groups tied on the sorted value may come out in either order
      cases.add(frame, floe, python, index % 8 == 7);
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
    assertThat(cases.bothFailed()).as("cases failing on both sides").isZero();
  }

  /** {@code frame.explode(column)}, closing {@code frame}. */
  private static DataFrame explode(DataFrame frame, String column) {
    try (frame) {
      return frame.explode(column);
    }
  }
}
