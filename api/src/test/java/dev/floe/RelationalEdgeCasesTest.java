package dev.floe;

import static dev.floe.EdgeCases.addAll;
import static dev.floe.EdgeCases.check;
import static dev.floe.EdgeCases.py;
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
 * The relational operators on awkward inputs ({@link EdgeFrames}: empty, one row, all-null keys,
 * duplicated keys, NaN, -0.0 and 0.0 keys, one key holding 99% of 200,000 rows) against Polars:
 * group-by with every reduction, windows, sort, unique and concat here, joins in {@link
 * RelationalEdgeJoinsTest}. Every case runs eagerly and lazily, lazily also with 5-row morsels on
 * one and on two threads so that partial states meet across morsels.
 */
@LeakChecked
class RelationalEdgeCasesTest {
  /** The key kinds of {@link EdgeFrames}, and the bool value column as a key too. */
  private static final List<String> KEYS = List.of("ki", "ks", "kf", "b");

  @TempDir Path directory;

  private static List<EdgeFrames.Named> frames() {
    return List.of(EdgeFrames.empty(), EdgeFrames.single(), EdgeFrames.allNull(1), EdgeFrames.allNull(23),
        EdgeFrames.duplicates(40, 3, 7), EdgeFrames.duplicates(25, 1, 8), EdgeFrames.floats(60, 9));
  }

  @Test
  void groupByOnEdgeInputs() throws Exception {
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    List<EdgeFrames.Named> frames = new ArrayList<>(frames());
    frames.add(EdgeFrames.skewed(200_000));
    for (EdgeFrames.Named frame : frames) {
      boolean big = frame.columns().getFirst().values().size() > 1000;
      for (String key : KEYS) {
        for (boolean maintainOrder : new boolean[] {true, false}) {
          List<Expr> aggs = new ArrayList<>();
          List<String> python = new ArrayList<>();
          aggregations(aggs, python, !big);
          GroupByOptions options = GroupByOptions.DEFAULT.withMaintainOrder(maintainOrder);
          addAll(cases, frame, new Op(df -> df.groupBy(options, key).agg(aggs),
              lazy -> lazy.groupBy(options, key).agg(aggs),
              "df.group_by('" + key + "', maintain_order=" + py(maintainOrder) + ").agg(" + String.join(", ", python)
                  + ")", !maintainOrder));
        }
      }
      // two keys, one of them all null or float
      addAll(cases, frame, new Op(df -> df.groupBy(GroupByOptions.DEFAULT.withMaintainOrder(true), "kf", "ks")
          .agg(col("x").sum(), Floe.len()), lazy -> lazy.groupBy(GroupByOptions.DEFAULT.withMaintainOrder(true),
          "kf", "ks").agg(col("x").sum(), Floe.len()),
          "df.group_by('kf', 'ks', maintain_order=True).agg(pl.col('x').sum(), pl.len())", false));
    }
    check(cases);
  }

  /** Every reduction of the group-by, named a0, a1, ... ; the list-valued ones only when {@code lists}. */
  private static void aggregations(List<Expr> aggs, List<String> python, boolean lists) {
    String[][] pairs = {{"x", "sum"}, {"y", "sum"}, {"x", "mean"}, {"y", "mean"}, {"x", "min"}, {"y", "max"},
        {"s", "min"}, {"s", "max"}, {"y", "min"}, {"x", "count"}, {"s", "len"}, {"y", "null_count"},
        {"x", "std"}, {"y", "var"}, {"s", "first"}, {"y", "last"}, {"b", "any"}, {"b", "all"},
        {"s", "n_unique"}, {"y", "n_unique"}, {"x", "median"}, {"y", "median"}, {"x", "arg_min"},
        {"y", "arg_max"}, {"b", "sum"}, {"b", "first"}};
    for (String[] pair : pairs) {
      Expr input = col(pair[0]);
      Expr agg = switch (pair[1]) {
        case "sum" -> input.sum();
        case "mean" -> input.mean();
        case "min" -> input.min();
        case "max" -> input.max();
        case "count" -> input.count();
        case "len" -> input.len();
        case "null_count" -> input.nullCount();
        case "std" -> input.std();
        case "var" -> input.var();
        case "first" -> input.first();
        case "last" -> input.last();
        case "any" -> input.any();
        case "all" -> input.all();
        case "n_unique" -> input.nUnique();
        case "median" -> input.median();
        case "arg_min" -> input.argMin();
        case "arg_max" -> input.argMax();
        default -> throw new IllegalArgumentException(pair[1]);
      };
      String name = "a" + aggs.size();
      aggs.add(agg.alias(name));
      python.add("pl.col('" + pair[0] + "')." + pair[1] + "().alias('" + name + "')");
    }
    aggs.add(col("x").quantile(0.25, "linear").alias("q"));
    python.add("pl.col('x').quantile(0.25, 'linear').alias('q')");
    aggs.add(Floe.len().alias("n"));
    python.add("pl.len().alias('n')");
    // sortBy per group: NaN and null keys, ties kept in order
    aggs.add(col("x").sortBy("y").first().alias("sb0"));
    python.add("pl.col('x').sort_by('y', maintain_order=True).first().alias('sb0')");
    aggs.add(col("s").sortBy(List.of(col("kf"), col("x")), List.of(true, false), true).last().alias("sb1"));
    python.add("pl.col('s').sort_by(['kf', 'x'], descending=[True, False], nulls_last=True, maintain_order=True)"
        + ".last().alias('sb1')");
    if (lists) {
      aggs.add(col("y").alias("implode"));
      python.add("pl.col('y').alias('implode')");
      aggs.add(col("x").sort().head(2).alias("h"));
      python.add("pl.col('x').sort().head(2).alias('h')");
    }
  }

  @Test
  void windowsOnEdgeInputs() throws Exception {
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    List<EdgeFrames.Named> frames = new ArrayList<>(frames());
    frames.add(EdgeFrames.skewed(20_000));
    for (EdgeFrames.Named frame : frames) {
      for (String key : KEYS) {
        Expr[] exprs = {col(key), col("x").sum().over(key).alias("w0"), col("y").mean().over(key).alias("w1"),
            col("x").cumSum().over(key).alias("w2"), col("s").first().over(key).alias("w3"),
            Floe.len().over(key).alias("w4"), col("x").rank("ordinal").over(key).alias("w5")};
        String python = "df.select(pl.col('" + key + "'), pl.col('x').sum().over('" + key + "').alias('w0'), "
            + "pl.col('y').mean().over('" + key + "').alias('w1'), pl.col('x').cum_sum().over('" + key
            + "').alias('w2'), pl.col('s').first().over('" + key + "').alias('w3'), pl.len().over('" + key
            + "').alias('w4'), pl.col('x').rank('ordinal').over('" + key + "').alias('w5'))";
        addAll(cases, frame, new Op(df -> df.select(exprs), lazy -> lazy.select(exprs), python, false));
        // ordered within the partitions by a float key (NaN, -0.0, nulls) with ties broken by x; nulls
        // first only: Polars 1.44 ignores nulls_last when order_by has several keys. Polars orders rows
        // tied on every key in no fixed way there, so only cumMax, which such ties cannot change
        dev.floe.planner.expr.WindowOptions ordered = dev.floe.planner.expr.WindowOptions.DEFAULT
            .withOrderBy(col("kf"), col("x"));
        dev.floe.planner.expr.WindowOptions byX = dev.floe.planner.expr.WindowOptions.DEFAULT
            .withOrderBy(col("x")).withNullsLast(true).withDescending(true);
        Expr[] byOrder = {col("x").cumMax().over(ordered, key).alias("c"), col("y").shift(-1).over(byX, key)
            .alias("sx")};
        addAll(cases, frame, new Op(df -> df.select(byOrder), lazy -> lazy.select(byOrder),
            "df.select(pl.col('x').cum_max().over('" + key + "', order_by=[pl.col('kf'), pl.col('x')])"
                + ".alias('c'), pl.col('y').shift(-1).over('" + key + "', order_by='x', nulls_last=True, "
                + "descending=True).alias('sx'))", false));
      }
    }
    check(cases);
  }

  @Test
  void sortUniqueAndConcatOnEdgeInputs() throws Exception {
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    List<EdgeFrames.Named> frames = new ArrayList<>(frames());
    frames.add(EdgeFrames.skewed(20_000));
    for (EdgeFrames.Named frame : frames) {
      for (String key : KEYS) {
        for (int variant = 0; variant < 4; variant++) {
          boolean descending = variant % 2 == 1;
          boolean nullsLast = variant >= 2;
          SortOptions options = SortOptions.DEFAULT.withDescending(descending, false).withNullsLast(nullsLast)
              .withMaintainOrder(true);
          addAll(cases, frame, new Op(df -> df.sort(options, key, "x"), lazy -> lazy.sort(options, key, "x"),
              "df.sort(['" + key + "', 'x'], descending=[" + py(descending) + ", False], nulls_last="
                  + py(nullsLast) + ", maintain_order=True)", false));
        }
        for (UniqueOptions.Keep keep : UniqueOptions.Keep.values()) {
          boolean ordered = keep != UniqueOptions.Keep.ANY;
          UniqueOptions options = UniqueOptions.DEFAULT.withSubset(key).withKeep(keep).withMaintainOrder(ordered);
          addAll(cases, frame, new Op(df -> df.unique(options), lazy -> lazy.unique(options),
              "df.unique(subset=['" + key + "'], keep='" + keep.name().toLowerCase(java.util.Locale.ROOT)
                  + "', maintain_order=" + py(ordered) + ")" + (ordered ? "" : ".select(pl.col('" + key + "'))"),
              !ordered).narrowed(ordered ? null : key));
        }
        // the key's distinct values as expressions: -0.0 against 0.0, NaN against NaN
        Expr[] distinct = {col(key).unique(true).alias("u"), col(key).nUnique().alias("n")};
        addAll(cases, frame, new Op(df -> df.select(distinct[0]), lazy -> lazy.select(distinct[0]),
            "df.select(pl.col('" + key + "').unique(maintain_order=True).alias('u'))", false));
        addAll(cases, frame, new Op(df -> df.select(distinct[1]), lazy -> lazy.select(distinct[1]),
            "df.select(pl.col('" + key + "').n_unique().alias('n'))", false));
        UniqueOptions whole = UniqueOptions.DEFAULT.withSubset(key, "b").withMaintainOrder(true)
            .withKeep(UniqueOptions.Keep.FIRST);
        addAll(cases, frame, new Op(df -> df.unique(whole), lazy -> lazy.unique(whole),
            "df.unique(subset=['" + key + "', 'b'], keep='first', maintain_order=True)", false));
      }
      for (ConcatHow how : new ConcatHow[] {ConcatHow.VERTICAL, ConcatHow.DIAGONAL}) {
        // vertical needs one schema: the third part is the frame's tail there, a narrower frame in diagonal
        String third = how == ConcatHow.VERTICAL ? "df.tail(2)" : "df.select('ki', 'x')";
        String python = "pl.concat([df, df.head(0), " + third + ", df.tail(1)], how='"
            + how.name().toLowerCase(java.util.Locale.ROOT) + "')";
        addAll(cases, frame, new Op(df -> concat(df, how, false), lazy -> lazy, python, false).eagerOnly());
        addAll(cases, frame, new Op(df -> concat(df, how, true), lazy -> lazy, python, false).eagerOnly());
      }
    }
    check(cases);
  }

  private static DataFrame concat(DataFrame frame, ConcatHow how, boolean lazy) {
    try (DataFrame none = frame.head(0);
        DataFrame narrow = how == ConcatHow.VERTICAL ? frame.tail(2) : frame.select("ki", "x");
        DataFrame last = frame.tail(1)) {
      List<DataFrame> parts = List.of(frame, none, narrow, last);
      return lazy ? Floe.concatLazy(parts.stream().map(DataFrame::lazy).toList(), how).collect()
          : Floe.concat(parts, how);
    }
  }

}
