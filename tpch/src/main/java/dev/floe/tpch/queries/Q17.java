package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;

import dev.floe.LazyFrame;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;

/** Q17, small-quantity-order revenue: yearly revenue lost without small orders of some parts. */
public final class Q17 implements TpchQuery {
  @Override
  public int number() {
    return 17;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    LazyFrame lines = tables.part()
        .filter(col("p_brand").eq("Brand#23").and(col("p_container").eq("MED BOX")))
        .join(tables.lineitem(), JoinOptions.leftOn("p_partkey").rightOn("l_partkey"));
    LazyFrame threshold = lines
        .groupBy("p_partkey")
        .agg(lit(0.2).mul(col("l_quantity").mean()).alias("avg_quantity"));
    return lines
        .join(threshold, "p_partkey")
        .filter(col("l_quantity").lt(col("avg_quantity")))
        .select(col("l_extendedprice").sum().div(7.0).round(2).alias("avg_yearly"));
  }
}
