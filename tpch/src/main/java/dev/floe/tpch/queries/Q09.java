package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;

import dev.floe.LazyFrame;
import dev.floe.SortOptions;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;

/**
 * Q9, product type profit measure: the profit on parts whose name contains "green", by supplier
 * nation and year. The profit is rounded to two decimals, as in the reference answers.
 */
public final class Q09 implements TpchQuery {
  @Override
  public int number() {
    return 9;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    return tables.part()
        .filter(col("p_name").str().contains("green", true))
        .join(tables.lineitem(), JoinOptions.leftOn("p_partkey").rightOn("l_partkey"))
        .join(tables.supplier(), JoinOptions.leftOn("l_suppkey").rightOn("s_suppkey"))
        .join(tables.partsupp(), JoinOptions.leftOn("l_suppkey", "p_partkey").rightOn("ps_suppkey", "ps_partkey"))
        .join(tables.orders(), JoinOptions.leftOn("l_orderkey").rightOn("o_orderkey"))
        .join(tables.nation(), JoinOptions.leftOn("s_nationkey").rightOn("n_nationkey"))
        .select(col("n_name").alias("nation"),
            col("o_orderdate").dt().year().alias("o_year"),
            col("l_extendedprice").mul(lit(1.0).sub(col("l_discount")))
                .sub(col("ps_supplycost").mul(col("l_quantity"))).alias("amount"))
        .groupBy("nation", "o_year")
        .agg(col("amount").sum().round(2).alias("sum_profit"))
        .sort(SortOptions.DEFAULT.withDescending(false, true), "nation", "o_year");
  }
}
