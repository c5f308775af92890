package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.len;

import dev.floe.LazyFrame;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinType;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;

/** Q22, global sales opportunity: well-off customers without orders, by country code. */
public final class Q22 implements TpchQuery {
  @Override
  public int number() {
    return 22;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    LazyFrame customers = tables.customer()
        .withColumns(col("c_phone").str().slice(0, 2L).alias("cntrycode"))
        .filter(col("cntrycode").isIn("13", "31", "23", "29", "30", "18", "17"));
    LazyFrame average = customers
        .filter(col("c_acctbal").gt(0.0))
        .select(col("c_acctbal").mean().alias("avg_acctbal"));
    return customers
        .join(average, JoinOptions.cross())
        .filter(col("c_acctbal").gt(col("avg_acctbal")))
        .join(tables.orders(), JoinOptions.leftOn("c_custkey").rightOn("o_custkey").how(JoinType.ANTI))
        .groupBy("cntrycode")
        .agg(len().alias("numcust"), col("c_acctbal").sum().alias("totacctbal"))
        .sort("cntrycode");
  }
}
