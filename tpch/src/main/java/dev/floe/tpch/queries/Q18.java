package dev.floe.tpch.queries;

import static dev.floe.Floe.col;

import dev.floe.LazyFrame;
import dev.floe.SortOptions;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;

/** Q18, large volume customer: the customers' orders of more than 300 units in all. */
public final class Q18 implements TpchQuery {
  @Override
  public int number() {
    return 18;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    LazyFrame large = tables.lineitem()
        .groupBy("l_orderkey")
        .agg(col("l_quantity").sum().alias("sum_quantity"))
        .filter(col("sum_quantity").gt(300));
    return tables.orders()
        .join(large, JoinOptions.leftOn("o_orderkey").rightOn("l_orderkey"))
        .join(tables.customer(), JoinOptions.leftOn("o_custkey").rightOn("c_custkey"))
        .select(col("c_name"), col("o_custkey").alias("c_custkey"), col("o_orderkey"), col("o_orderdate"),
            col("o_totalprice"), col("sum_quantity"))
        .sort(SortOptions.DEFAULT.withDescending(true, false), "o_totalprice", "o_orderdate")
        .head(100);
  }
}
