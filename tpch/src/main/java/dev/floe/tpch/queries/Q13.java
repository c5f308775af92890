package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.len;

import dev.floe.LazyFrame;
import dev.floe.SortOptions;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinType;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;

/** Q13, customer distribution: how many customers have how many orders (special requests excluded). */
public final class Q13 implements TpchQuery {
  @Override
  public int number() {
    return 13;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    LazyFrame orders = tables.orders().filter(col("o_comment").str().contains("special.*requests").not());
    return tables.customer()
        .join(orders, JoinOptions.leftOn("c_custkey").rightOn("o_custkey").how(JoinType.LEFT))
        .groupBy("c_custkey")
        .agg(col("o_orderkey").count().alias("c_count"))
        .groupBy("c_count")
        .agg(len().alias("custdist"))
        .sort(SortOptions.DEFAULT.withDescending(true, true), "custdist", "c_count");
  }
}
