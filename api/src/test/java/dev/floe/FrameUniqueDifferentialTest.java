package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;
import static org.assertj.core.api.Assertions.assertThat;

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
 * {@link DataFrame#unique(UniqueOptions)}, {@link Series#unique()} and the lengths of
 * {@code select}/{@code withColumns} results against Polars, on seeded random frames with few
 * distinct values (duplicates, nulls, NaN, -0.0 and 0.0).
 */
@LeakChecked
class FrameUniqueDifferentialTest {
  private static final List<String> NAMES = List.of("i", "f", "s", "b");

  @TempDir Path directory;

  @Test
  void uniqueRowsAgreeWithPolars() throws Exception {
    Random random = new Random(424242);
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    for (int index = 0; index < 300; index++) {
      List<PolarsCases.TestColumn> frame = ReshapeGen.frame(random, random.nextInt(12));
      List<String> subset = new ArrayList<>();
      for (String name : NAMES) {
        if (random.nextInt(3) == 0) {
          subset.add(name);
        }
      }
      UniqueOptions.Keep keep = UniqueOptions.Keep.values()[random.nextInt(4)];
      boolean maintainOrder = random.nextInt(3) != 0;
      UniqueOptions options = UniqueOptions.DEFAULT.withSubset(subset.toArray(String[]::new))
          .withKeep(keep).withMaintainOrder(maintainOrder);
      String python = "df.unique(subset=" + (subset.isEmpty() ? "None" : pyList(subset))
          + ", keep='" + keep.name().toLowerCase(java.util.Locale.ROOT) + "', maintain_order="
          + (maintainOrder ? "True" : "False") + ")";
      if (keep == UniqueOptions.Keep.ANY && !subset.isEmpty()) {
        // which row of a set survives is unspecified: compare the keys only
        String[] keys = subset.toArray(String[]::new);
        cases.add(frame, df -> uniqueThenSelect(df, options, keys),
            python + ".select(" + pyList(subset) + ")", true);
      } else {
        cases.add(frame, df -> df.unique(options), python, !maintainOrder);
      }
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  private static DataFrame uniqueThenSelect(DataFrame frame, UniqueOptions options, String[] keys) {
    try (DataFrame unique = frame.unique(options)) {
      return unique.select(keys);
    }
  }

  @Test
  void seriesUniqueAgreesWithPolars() throws Exception {
    Random random = new Random(99);
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    for (int index = 0; index < 40; index++) {
      List<PolarsCases.TestColumn> frame = ReshapeGen.frame(random, random.nextInt(12));
      String name = NAMES.get(index % NAMES.size());
      cases.add(frame, df -> DataFrame.of(df.column(name).unique()),
          "df.select(pl.col('" + name + "').unique(maintain_order=True))", false);
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  /** select: non-scalars share one length, scalars broadcast; withColumns: the frame's height. */
  @Test
  void projectionLengthsAgreeWithPolars() throws Exception {
    Random random = new Random(3);
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    List<List<Expr>> floe = new ArrayList<>();
    List<String> python = new ArrayList<>();
    floe.add(List.of(col("i").head(2), col("f").sum()));
    python.add("pl.col('i').head(2), pl.col('f').sum()");
    floe.add(List.of(col("i").head(1), col("f")));
    python.add("pl.col('i').head(1), pl.col('f')");
    floe.add(List.of(col("i").head(3), lit(5)));
    python.add("pl.col('i').head(3), pl.lit(5)");
    floe.add(List.of(col("i").head(0), lit(5)));
    python.add("pl.col('i').head(0), pl.lit(5)");
    floe.add(List.of(col("i").head(2), col("f").head(3)));
    python.add("pl.col('i').head(2), pl.col('f').head(3)");
    floe.add(List.of(col("i").sort(), col("f").reverse(), col("s").count()));
    python.add("pl.col('i').sort(), pl.col('f').reverse(), pl.col('s').count()");
    floe.add(List.of(lit(5).head(2).alias("x"), col("i")));
    python.add("pl.lit(5).head(2).alias('x'), pl.col('i')");
    floe.add(List.of(lit(5).sort().alias("x"), col("i")));
    python.add("pl.lit(5).sort().alias('x'), pl.col('i')");
    floe.add(List.of(col("i").sum().head(2).alias("x"), col("i")));
    python.add("pl.col('i').sum().head(2).alias('x'), pl.col('i')");
    floe.add(List.of(col("i").unique().sum().alias("x"), col("i")));
    python.add("pl.col('i').unique().sum().alias('x'), pl.col('i')");
    floe.add(List.of(col("i").dropNulls(), col("s").dropNulls()));
    python.add("pl.col('i').drop_nulls(), pl.col('s').drop_nulls()");
    for (int index = 0; index < floe.size(); index++) {
      List<PolarsCases.TestColumn> frame = ReshapeGen.frame(random, 5);
      Expr[] exprs = floe.get(index).toArray(Expr[]::new);
      cases.add(frame, df -> df.select(exprs), "df.select(" + python.get(index) + ")", false);
      Expr[] renamed = new Expr[exprs.length];
      for (int expr = 0; expr < exprs.length; expr++) {
        renamed[expr] = exprs[expr].alias("w" + expr);
      }
      Function<DataFrame, DataFrame> withColumns = df -> df.withColumns(renamed);
      String pythonRenamed = withAliases(python.get(index));
      cases.add(frame, withColumns, "df.with_columns(" + pythonRenamed + ")", false);
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  /** Python expressions "a, b" as "(a).alias('w0'), (b).alias('w1')" (no commas inside). */
  private static String withAliases(String expressions) {
    String[] parts = expressions.split(", ");
    List<String> aliased = new ArrayList<>();
    for (int index = 0; index < parts.length; index++) {
      aliased.add("(" + parts[index] + ").alias('w" + index + "')");
    }
    return String.join(", ", aliased);
  }

  private static String pyList(List<String> names) {
    return "[" + String.join(", ", names.stream().map(name -> "'" + name + "'").toList()) + "]";
  }
}
