package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.planner.expr.ValueCountsOptions;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The length-changing functions (unique, uniqueCounts, valueCounts, sort, argSort, reverse, head,
 * tail, slice, gather, dropNulls, dropNans) against Polars: seeded random frames with few distinct
 * values (so duplicates, NaN, -0.0 and nulls meet) and random expressions that nest them with
 * arithmetic, comparisons and reductions, including operands of different lengths (a shape error
 * on both sides counts as agreement). Where Polars' order is undefined the result is sorted
 * ({@code unique()}) or compared as a multiset ({@code valueCounts}).
 */
@LeakChecked
class ReshapeDifferentialTest {
  private static final int FRAMES = 24;
  private static final int EXPRESSIONS_PER_FRAME = 60;

  @TempDir Path directory;

  @Test
  void lengthChangingFunctionsAgreeWithPolars() throws Exception {
    Random random = new Random(20251201);
    PolarsCases cases = new PolarsCases(directory);
    for (int frame = 0; frame < FRAMES; frame++) {
      int rows = frame % 6 == 5 ? random.nextInt(3) : 4 + random.nextInt(10);
      int index = cases.frame(ReshapeGen.frame(random, rows));
      for (int expression = 0; expression < EXPRESSIONS_PER_FRAME; expression++) {
        ReshapeGen.Gen gen = new ReshapeGen(random).top();
        if (gen.unordered()) {
          cases.addUnordered(index, gen.expr(), gen.python());
        } else {
          cases.add(index, gen.expr(), gen.python());
        }
      }
    }
    assertThat(cases.size()).isGreaterThanOrEqualTo(1000);
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  /** Hand-picked broadcasting cases (lengths 0, 1 and n meeting), compared with Polars too. */
  @Test
  void broadcastingAgreesWithPolars() throws Exception {
    Random random = new Random(5);
    PolarsCases cases = new PolarsCases(directory);
    int index = cases.frame(ReshapeGen.frame(random, 5));
    List<Expr> floe = new ArrayList<>();
    List<String> python = new ArrayList<>();
    floe.add(col("i").head(2).add(col("f")));
    python.add("pl.col('i').head(2) + pl.col('f')");
    floe.add(col("i").head(1).add(col("f")));
    python.add("pl.col('i').head(1) + pl.col('f')");
    floe.add(col("i").head(0).add(col("f")));
    python.add("pl.col('i').head(0) + pl.col('f')");
    floe.add(col("i").head(0).add(col("f").sum()));
    python.add("pl.col('i').head(0) + pl.col('f').sum()");
    floe.add(col("i").head(0).add(1));
    python.add("pl.col('i').head(0) + 1");
    floe.add(col("i").sort().add(col("f")));
    python.add("pl.col('i').sort() + pl.col('f')");
    floe.add(col("i").unique().sum());
    python.add("pl.col('i').unique().sum()");
    floe.add(lit(5).head(2));
    python.add("pl.lit(5).head(2)");
    floe.add(Floe.when(col("i").head(2).gt(0)).then(col("f").head(2)).otherwise(0));
    python.add("pl.when(pl.col('i').head(2) > 0).then(pl.col('f').head(2)).otherwise(0)");
    floe.add(Floe.when(col("i").head(2).gt(0)).then(col("f")).otherwise(0));
    python.add("pl.when(pl.col('i').head(2) > 0).then(pl.col('f')).otherwise(0)");
    floe.add(Floe.when(col("i").head(1).gt(0)).then(col("f")).otherwise(0));
    python.add("pl.when(pl.col('i').head(1) > 0).then(pl.col('f')).otherwise(0)");
    floe.add(col("i").head(2).fillNull(col("i")));
    python.add("pl.col('i').head(2).fill_null(pl.col('i'))");
    floe.add(col("i").fillNull(col("i").dropNulls().head(1)));
    python.add("pl.col('i').fill_null(pl.col('i').drop_nulls().head(1))");
    floe.add(dev.floe.planner.expr.Exprs.concatStr(List.of(col("s").head(2), col("s")), "-"));
    python.add("pl.concat_str([pl.col('s').head(2), pl.col('s')], separator='-')");
    floe.add(dev.floe.planner.expr.Exprs.concatStr(List.of(col("s").tail(1), col("s")), "-"));
    python.add("pl.concat_str([pl.col('s').tail(1), pl.col('s')], separator='-')");
    floe.add(col("i").head(3).isBetween(col("i").min(), 2));
    python.add("pl.col('i').head(3).is_between(pl.col('i').min(), 2)");
    floe.add(col("i").head(3).isBetween(col("i"), 2));
    python.add("pl.col('i').head(3).is_between(pl.col('i'), 2)");
    floe.add(col("i").gather(7));
    python.add("pl.col('i').gather([7])");
    floe.add(col("i").gather(-5, 4, -1));
    python.add("pl.col('i').gather([-5, 4, -1])");
    floe.add(col("i").gather(-6));
    python.add("pl.col('i').gather([-6])");
    floe.add(col("i").valueCounts(new ValueCountsOptions(false, false, "i")));
    python.add("pl.col('i').value_counts(name='i')");
    floe.add(col("s").head(-1));
    python.add("pl.col('s').head(-1)");
    floe.add(lit(null).unique());
    python.add("pl.lit(None).unique()");
    floe.add(lit(null).valueCounts());
    python.add("pl.lit(None).value_counts()");
    floe.add(lit(null).sort());
    python.add("pl.lit(None).sort()");
    floe.add(lit(null).argSort());
    python.add("pl.lit(None).arg_sort()");
    floe.add(lit(null).dropNulls());
    python.add("pl.lit(None).drop_nulls()");
    floe.add(lit(2).valueCounts(new ValueCountsOptions(false, true, null)));
    python.add("pl.lit(2).value_counts(normalize=True)");
    floe.add(col("f").valueCounts(new ValueCountsOptions(true, false, null)).head(1));
    python.add("pl.col('f').value_counts(sort=True).head(1)");
    floe.add(col("i").slice(-7, 3));
    python.add("pl.col('i').slice(-7, 3)");
    floe.add(col("i").gather(col("i").argSort().reverse()));
    python.add("pl.col('i').gather(pl.col('i').arg_sort().reverse())");
    floe.add(col("s").gather(List.of(1, -1)).eq(lit("b")));
    python.add("pl.col('s').gather([1, -1]) == pl.lit('b')");
    for (int case_ = 0; case_ < floe.size(); case_++) {
      cases.add(index, floe.get(case_), python.get(case_));
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  /** unique, uniqueCounts, valueCounts, gather and head of a list column (nested keys). */
  @Test
  void listColumnsAgreeWithPolars() throws Exception {
    PolarsCases cases = new PolarsCases(directory);
    List<Object> lists = java.util.Arrays.asList(
        List.of(1L, 2L), null, List.of(), List.of(1L, 2L), java.util.Arrays.asList(null, 3L),
        List.of(), java.util.Arrays.asList(null, 3L), List.of(2L, 1L), null);
    int index = cases.frame(List.of(new PolarsCases.TestColumn(
        "l", DataType.ListType.of(DataType.INT64), "pl.List(pl.Int64)", lists)));
    cases.add(index, col("l").unique(true), "pl.col('l').unique(maintain_order=True)");
    cases.add(index, col("l").uniqueCounts(), "pl.col('l').unique_counts()");
    cases.addUnordered(index, col("l").valueCounts(), "pl.col('l').value_counts()");
    cases.add(index, col("l").gather(-1, 0).reverse(), "pl.col('l').gather([-1, 0]).reverse()");
    cases.add(index, col("l").dropNulls().tail(2), "pl.col('l').drop_nulls().tail(2)");
    cases.add(index, col("l").unique(true).len(), "pl.col('l').unique(maintain_order=True).len()");
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  static List<PolarsCases.TestColumn> frameColumns(List<List<Object>> data) {
    return List.of(
        new PolarsCases.TestColumn("i", DataType.INT64, "pl.Int64", data.get(0)),
        new PolarsCases.TestColumn("f", DataType.FLOAT64, "pl.Float64", data.get(1)),
        new PolarsCases.TestColumn("s", DataType.UTF8, "pl.String", data.get(2)),
        new PolarsCases.TestColumn("b", DataType.BOOLEAN, "pl.Boolean", data.get(3)));
  }
}
