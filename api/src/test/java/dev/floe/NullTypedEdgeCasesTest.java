package dev.floe;

import static dev.floe.EdgeCases.addAll;
import static dev.floe.EdgeCases.check;
import static dev.floe.Floe.col;

import dev.floe.EdgeCases.Op;
import dev.floe.planner.expr.Expr;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relational operators over a column of type null (Polars' {@code pl.Null}) against Polars:
 * as a group-by, sort, unique and window key, as the value of every reduction, window, group list
 * and sortBy, in relaxed concats; plus a group-by on an expression key over all-null input. Each
 * eagerly and lazily ({@link EdgeCases}).
 */
@LeakChecked
class NullTypedEdgeCasesTest {
  @TempDir Path directory;

  @Test
  void nullTypedAndExpressionKeys() throws Exception {
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    for (EdgeFrames.Named named : List.of(EdgeFrames.empty(), EdgeFrames.single(), EdgeFrames.allNull(9),
        EdgeFrames.duplicates(30, 3, 21))) {
      List<PolarsCases.TestColumn> columns = new ArrayList<>(named.columns());
      List<Object> nulls = new ArrayList<>();
      named.columns().getFirst().values().forEach(value -> nulls.add(null));
      columns.add(new PolarsCases.TestColumn("kn", dev.floe.memory.types.DataType.NULL, "pl.Null", nulls));
      EdgeFrames.Named frame = new EdgeFrames.Named(named.name() + "+null", columns);
      GroupByOptions ordered = GroupByOptions.DEFAULT.withMaintainOrder(true);
      Expr[] aggs = {col("x").sum().alias("a"), Floe.len().alias("n"), col("y").median().alias("m"),
          col("s").alias("l")};
      String pyAggs = "pl.col('x').sum().alias('a'), pl.len().alias('n'), pl.col('y').median().alias('m'), "
          + "pl.col('s').alias('l')";
      addAll(cases, frame, new Op(df -> df.groupBy(ordered, "kn").agg(aggs),
          lazy -> lazy.groupBy(ordered, "kn").agg(aggs),
          "df.group_by('kn', maintain_order=True).agg(" + pyAggs + ")", false));
      addAll(cases, frame, new Op(df -> df.groupBy(ordered, "kn", "ks").agg(aggs),
          lazy -> lazy.groupBy(ordered, "kn", "ks").agg(aggs),
          "df.group_by('kn', 'ks', maintain_order=True).agg(" + pyAggs + ")", false));
      Expr key = col("ki").add(1).alias("k1");
      addAll(cases, frame, new Op(df -> df.groupBy(ordered, key).agg(aggs),
          lazy -> lazy.groupBy(ordered, key).agg(aggs),
          "df.group_by((pl.col('ki') + 1).alias('k1'), maintain_order=True).agg(" + pyAggs + ")", false));
      SortOptions stable = SortOptions.DEFAULT.withMaintainOrder(true).withNullsLast(true);
      addAll(cases, frame, new Op(df -> df.sort(stable, "kn", "x"), lazy -> lazy.sort(stable, "kn", "x"),
          "df.sort(['kn', 'x'], nulls_last=True, maintain_order=True)", false));
      UniqueOptions first = UniqueOptions.DEFAULT.withSubset("kn").withKeep(UniqueOptions.Keep.FIRST)
          .withMaintainOrder(true);
      addAll(cases, frame, new Op(df -> df.unique(first), lazy -> lazy.unique(first),
          "df.unique(subset=['kn'], keep='first', maintain_order=True)", false));
      Expr[] windows = {col("x").sum().over("kn").alias("w"), col("x").cumSum().over("kn").alias("c")};
      addAll(cases, frame, new Op(df -> df.select(windows), lazy -> lazy.select(windows),
          "df.select(pl.col('x').sum().over('kn').alias('w'), pl.col('x').cum_sum().over('kn').alias('c'))", false));
      // reductions of a null-typed column per group
      String[] reductions = {"sum", "mean", "min", "max", "first", "last", "count", "len", "n_unique", "null_count",
          "median", "std"};
      List<Expr> nullAggs = new ArrayList<>();
      List<String> pyNullAggs = new ArrayList<>();
      for (String reduction : reductions) {
        Expr input = col("kn");
        Expr agg = switch (reduction) {
          case "sum" -> input.sum();
          case "mean" -> input.mean();
          case "min" -> input.min();
          case "max" -> input.max();
          case "first" -> input.first();
          case "last" -> input.last();
          case "count" -> input.count();
          case "len" -> input.len();
          case "n_unique" -> input.nUnique();
          case "null_count" -> input.nullCount();
          case "median" -> input.median();
          default -> input.std();
        };
        nullAggs.add(agg.alias(reduction));
        pyNullAggs.add("pl.col('kn')." + reduction + "().alias('" + reduction + "')");
      }
      addAll(cases, frame, new Op(df -> df.groupBy(ordered, "ks").agg(nullAggs),
          lazy -> lazy.groupBy(ordered, "ks").agg(nullAggs),
          "df.group_by('ks', maintain_order=True).agg(" + String.join(", ", pyNullAggs) + ")", false));
      addAll(cases, frame, new Op(df -> df.select(nullAggs.toArray(Expr[]::new)),
          lazy -> lazy.select(nullAggs.toArray(Expr[]::new)), "df.select(" + String.join(", ", pyNullAggs) + ")",
          false));
      // a null-typed column as the value of windows, lists, sortBy, a sort and a whole-row unique (no
      // cumSum: Polars rejects it for null values, except over an empty frame)
      Expr[] nullValues = {col("kn").sum().over("ks").alias("w0"), col("kn").mean().over("ks").alias("w1"),
          col("kn").first().over("ks").alias("w2"),
          col("kn").shift(1).over("ks").alias("w4"), col("kn").count().over("ks").alias("w5"),
          col("kn").sortBy("x").alias("w6")};
      addAll(cases, frame, new Op(df -> df.select(nullValues), lazy -> lazy.select(nullValues),
          "df.select(pl.col('kn').sum().over('ks').alias('w0'), pl.col('kn').mean().over('ks').alias('w1'), "
              + "pl.col('kn').first().over('ks').alias('w2'), "
              + "pl.col('kn').shift(1).over('ks').alias('w4'), pl.col('kn').count().over('ks').alias('w5'), "
              + "pl.col('kn').sort_by('x', maintain_order=True).alias('w6'))", false));
      Expr[] lists = {col("kn").alias("l"), col("kn").sortBy("x").head(2).alias("h")};
      addAll(cases, frame, new Op(df -> df.groupBy(ordered, "ks").agg(lists), lazy -> lazy.groupBy(ordered, "ks")
          .agg(lists), "df.group_by('ks', maintain_order=True).agg(pl.col('kn').alias('l'), "
          + "pl.col('kn').sort_by('x', maintain_order=True).head(2).alias('h'))", false));
      UniqueOptions rows = UniqueOptions.DEFAULT.withKeep(UniqueOptions.Keep.FIRST).withMaintainOrder(true);
      addAll(cases, frame, new Op(df -> df.sort(stable, "x").unique(rows), lazy -> lazy.sort(stable, "x").unique(rows),
          "df.sort('x', nulls_last=True, maintain_order=True).unique(keep='first', maintain_order=True)", false)
          .eagerSorted());
      // each group's values as lists and back: explode of list[i64] and list[null] together
      Expr[] both = {col("x"), col("kn")};
      addAll(cases, frame, new Op(df -> df.lazy().groupBy(ordered, "ks").agg(both).explode("x", "kn").collect(),
          lazy -> lazy.groupBy(ordered, "ks").agg(both).explode("x", "kn"),
          "df.group_by('ks', maintain_order=True).agg(pl.col('x'), pl.col('kn')).explode('x', 'kn')", false));
      // a null-typed column meets an i64 one of the same name: relaxed concats take i64
      for (ConcatHow how : new ConcatHow[] {ConcatHow.VERTICAL_RELAXED, ConcatHow.DIAGONAL_RELAXED}) {
        for (boolean lazy : new boolean[] {false, true}) {
          addAll(cases, frame, new Op(df -> relaxed(df, how, lazy), null,
              "pl.concat([df, df.with_columns(pl.col('x').alias('kn'))], how='"
                  + how.name().toLowerCase(java.util.Locale.ROOT) + "')", false));
        }
      }
    }
    check(cases);
  }

  private static DataFrame relaxed(DataFrame frame, ConcatHow how, boolean lazy) {
    try (DataFrame typed = frame.withColumns(col("x").alias("kn"))) {
      List<DataFrame> parts = List.of(frame, typed);
      return lazy ? Floe.concatLazy(parts.stream().map(DataFrame::lazy).toList(), how).collect()
          : Floe.concat(parts, how);
    }
  }
}
