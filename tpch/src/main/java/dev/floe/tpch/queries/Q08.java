package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;
import static dev.floe.Floe.when;

import dev.floe.LazyFrame;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;
import java.time.LocalDate;

/**
 * Q8, national market share: Brazil's share of American revenue from ECONOMY ANODIZED STEEL in
 * 1995 and 1996. The share is rounded to two decimals, as in the reference answers.
 */
public final class Q08 implements TpchQuery {
  @Override
  public int number() {
    return 8;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    LazyFrame customerNations = tables.nation()
        .select(col("n_nationkey").alias("cust_nationkey"), col("n_regionkey").alias("cust_regionkey"));
    LazyFrame supplierNations = tables.nation()
        .select(col("n_nationkey").alias("supp_nationkey"), col("n_name").alias("nation"));
    return tables.part()
        .filter(col("p_type").eq(lit("ECONOMY ANODIZED STEEL")))
        .join(tables.lineitem(), JoinOptions.leftOn("p_partkey").rightOn("l_partkey"))
        .join(tables.supplier(), JoinOptions.leftOn("l_suppkey").rightOn("s_suppkey"))
        .join(tables.orders()
                .filter(col("o_orderdate").isBetween(lit(LocalDate.of(1995, 1, 1)), lit(LocalDate.of(1996, 12, 31)))),
            JoinOptions.leftOn("l_orderkey").rightOn("o_orderkey"))
        .join(tables.customer(), JoinOptions.leftOn("o_custkey").rightOn("c_custkey"))
        .join(customerNations, JoinOptions.leftOn("c_nationkey").rightOn("cust_nationkey"))
        .join(tables.region().filter(col("r_name").eq(lit("AMERICA"))),
            JoinOptions.leftOn("cust_regionkey").rightOn("r_regionkey"))
        .join(supplierNations, JoinOptions.leftOn("s_nationkey").rightOn("supp_nationkey"))
        .withColumns(col("o_orderdate").dt().year().alias("o_year"),
            col("l_extendedprice").mul(lit(1.0).sub(col("l_discount"))).alias("volume"))
        .groupBy("o_year")
        .agg(when(col("nation").eq(lit("BRAZIL"))).then(col("volume")).otherwise(lit(0.0)).sum()
            .div(col("volume").sum()).round(2).alias("mkt_share"))
        .sort("o_year");
  }
}
