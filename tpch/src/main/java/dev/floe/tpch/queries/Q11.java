package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;

import dev.floe.LazyFrame;
import dev.floe.SortOptions;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;

/**
 * Q11, important stock identification: German stock of the parts worth more than a fraction of
 * all German stock. The value is rounded to two decimals, as in the reference answers.
 */
public final class Q11 implements TpchQuery {
  /** The share of the total value a part must exceed (the specification's FRACTION). */
  static final double FRACTION = 0.0001;

  @Override
  public int number() {
    return 11;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    LazyFrame germanStock = tables.partsupp()
        .join(tables.supplier(), JoinOptions.leftOn("ps_suppkey").rightOn("s_suppkey"))
        .join(tables.nation().filter(col("n_name").eq(lit("GERMANY"))),
            JoinOptions.leftOn("s_nationkey").rightOn("n_nationkey"))
        .withColumns(col("ps_supplycost").mul(col("ps_availqty")).alias("value"));
    LazyFrame threshold = germanStock.select(col("value").sum().mul(FRACTION).alias("threshold"));
    return germanStock
        .groupBy("ps_partkey")
        .agg(col("value").sum().alias("value"))
        .join(threshold, JoinOptions.cross())
        .filter(col("value").gt(col("threshold")))
        .select(col("ps_partkey"), col("value").round(2).alias("value"))
        .sort(SortOptions.DEFAULT.withDescending(true), "value");
  }
}
