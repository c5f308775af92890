package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.len;

import dev.floe.LazyFrame;
import dev.floe.SortOptions;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinType;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;

/** Q21, suppliers who kept orders waiting: Saudi suppliers alone late on multi-supplier orders. */
public final class Q21 implements TpchQuery {
  @Override
  public int number() {
    return 21;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    LazyFrame late = tables.lineitem().filter(col("l_receiptdate").gt(col("l_commitdate")));
    // exists another supplier's line in the order
    LazyFrame sharedOrders = tables.lineitem()
        .groupBy("l_orderkey")
        .agg(col("l_suppkey").nUnique().alias("suppliers"))
        .filter(col("suppliers").gt(1));
    // no other supplier's line in the order is late
    LazyFrame lateAlone = late
        .groupBy("l_orderkey")
        .agg(col("l_suppkey").nUnique().alias("late_suppliers"))
        .filter(col("late_suppliers").eq(1));
    LazyFrame saudi = tables.supplier()
        .join(tables.nation(), JoinOptions.leftOn("s_nationkey").rightOn("n_nationkey"))
        .filter(col("n_name").eq("SAUDI ARABIA"));
    LazyFrame failed = tables.orders().filter(col("o_orderstatus").eq("F"));
    return late
        .join(saudi, JoinOptions.leftOn("l_suppkey").rightOn("s_suppkey"))
        .join(failed, JoinOptions.leftOn("l_orderkey").rightOn("o_orderkey").how(JoinType.SEMI))
        .join(sharedOrders, JoinOptions.on("l_orderkey").how(JoinType.SEMI))
        .join(lateAlone, JoinOptions.on("l_orderkey").how(JoinType.SEMI))
        .groupBy("s_name")
        .agg(len().alias("numwait"))
        .sort(SortOptions.DEFAULT.withDescending(true, false), "numwait", "s_name")
        .head(100);
  }
}
