package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;

import dev.floe.LazyFrame;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;
import java.time.LocalDate;

/** Q7, volume shipping: goods shipped between France and Germany in 1995 and 1996, by year. */
public final class Q07 implements TpchQuery {
  @Override
  public int number() {
    return 7;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    LazyFrame supplierNations = tables.nation()
        .filter(col("n_name").isIn("FRANCE", "GERMANY"))
        .select(col("n_nationkey").alias("supp_nationkey"), col("n_name").alias("supp_nation"));
    LazyFrame customerNations = tables.nation()
        .filter(col("n_name").isIn("FRANCE", "GERMANY"))
        .select(col("n_nationkey").alias("cust_nationkey"), col("n_name").alias("cust_nation"));
    return tables.supplier()
        .join(supplierNations, JoinOptions.leftOn("s_nationkey").rightOn("supp_nationkey"))
        .join(tables.lineitem()
                .filter(col("l_shipdate").isBetween(lit(LocalDate.of(1995, 1, 1)), lit(LocalDate.of(1996, 12, 31)))),
            JoinOptions.leftOn("s_suppkey").rightOn("l_suppkey"))
        .join(tables.orders(), JoinOptions.leftOn("l_orderkey").rightOn("o_orderkey"))
        .join(tables.customer(), JoinOptions.leftOn("o_custkey").rightOn("c_custkey"))
        .join(customerNations, JoinOptions.leftOn("c_nationkey").rightOn("cust_nationkey"))
        .filter(col("supp_nation").eq(lit("FRANCE")).and(col("cust_nation").eq(lit("GERMANY")))
            .or(col("supp_nation").eq(lit("GERMANY")).and(col("cust_nation").eq(lit("FRANCE")))))
        .groupBy(col("supp_nation"), col("cust_nation"), col("l_shipdate").dt().year().alias("l_year"))
        .agg(col("l_extendedprice").mul(lit(1.0).sub(col("l_discount"))).sum().alias("revenue"))
        .sort("supp_nation", "cust_nation", "l_year");
  }
}
