package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;

import dev.floe.LazyFrame;
import dev.floe.SortOptions;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;
import java.time.LocalDate;

/** Q5, local supplier volume: 1994 revenue in Asia from lines whose customer and supplier share a nation. */
public final class Q05 implements TpchQuery {
  @Override
  public int number() {
    return 5;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    return tables.region()
        .filter(col("r_name").eq(lit("ASIA")))
        .join(tables.nation(), JoinOptions.leftOn("r_regionkey").rightOn("n_regionkey"))
        .join(tables.customer(), JoinOptions.leftOn("n_nationkey").rightOn("c_nationkey"))
        .join(tables.orders()
                .filter(col("o_orderdate").ge(lit(LocalDate.of(1994, 1, 1)))
                    .and(col("o_orderdate").lt(lit(LocalDate.of(1995, 1, 1))))),
            JoinOptions.leftOn("c_custkey").rightOn("o_custkey"))
        .join(tables.lineitem(), JoinOptions.leftOn("o_orderkey").rightOn("l_orderkey"))
        .join(tables.supplier(), JoinOptions.leftOn("l_suppkey", "n_nationkey").rightOn("s_suppkey", "s_nationkey"))
        .groupBy("n_name")
        .agg(col("l_extendedprice").mul(lit(1.0).sub(col("l_discount"))).sum().alias("revenue"))
        .sort(SortOptions.DEFAULT.withDescending(true), "revenue");
  }
}
