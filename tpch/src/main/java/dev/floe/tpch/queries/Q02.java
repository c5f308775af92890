package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;

import dev.floe.LazyFrame;
import dev.floe.SortOptions;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;

/** Q2, minimum cost supplier: the European suppliers offering size-15 brass parts at the lowest cost. */
public final class Q02 implements TpchQuery {
  @Override
  public int number() {
    return 2;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    LazyFrame europeanSuppliers = tables.region()
        .filter(col("r_name").eq(lit("EUROPE")))
        .join(tables.nation(), JoinOptions.leftOn("r_regionkey").rightOn("n_regionkey"))
        .join(tables.supplier(), JoinOptions.leftOn("n_nationkey").rightOn("s_nationkey"));
    LazyFrame offers = tables.partsupp()
        .join(europeanSuppliers, JoinOptions.leftOn("ps_suppkey").rightOn("s_suppkey"));
    LazyFrame brassOffers = tables.part()
        .filter(col("p_size").eq(15).and(col("p_type").str().endsWith("BRASS")))
        .join(offers, JoinOptions.leftOn("p_partkey").rightOn("ps_partkey"));
    LazyFrame lowestCost = brassOffers
        .groupBy("p_partkey")
        .agg(col("ps_supplycost").min().alias("min_supplycost"));
    return brassOffers
        .join(lowestCost, JoinOptions.on("p_partkey"))
        .filter(col("ps_supplycost").eq(col("min_supplycost")))
        .select("s_acctbal", "s_name", "n_name", "p_partkey", "p_mfgr", "s_address", "s_phone", "s_comment")
        .sort(SortOptions.DEFAULT.withDescending(true, false, false, false),
            "s_acctbal", "n_name", "s_name", "p_partkey")
        .head(100);
  }
}
