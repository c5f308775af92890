package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;

import dev.floe.LazyFrame;
import dev.floe.SortOptions;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;
import java.time.LocalDate;

/**
 * Q10, returned item reporting: the 20 customers whose returns in 1993's fourth quarter lost the
 * most revenue. The revenue is rounded to two decimals, as in the reference answers.
 */
public final class Q10 implements TpchQuery {
  @Override
  public int number() {
    return 10;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    return tables.customer()
        .join(tables.orders()
                .filter(col("o_orderdate").ge(lit(LocalDate.of(1993, 10, 1)))
                    .and(col("o_orderdate").lt(lit(LocalDate.of(1994, 1, 1))))),
            JoinOptions.leftOn("c_custkey").rightOn("o_custkey"))
        .join(tables.lineitem().filter(col("l_returnflag").eq(lit("R"))),
            JoinOptions.leftOn("o_orderkey").rightOn("l_orderkey"))
        .join(tables.nation(), JoinOptions.leftOn("c_nationkey").rightOn("n_nationkey"))
        .groupBy("c_custkey", "c_name", "c_acctbal", "c_phone", "n_name", "c_address", "c_comment")
        .agg(col("l_extendedprice").mul(lit(1.0).sub(col("l_discount"))).sum().round(2).alias("revenue"))
        .select("c_custkey", "c_name", "revenue", "c_acctbal", "n_name", "c_address", "c_phone", "c_comment")
        .sort(SortOptions.DEFAULT.withDescending(true), "revenue")
        .head(20);
  }
}
