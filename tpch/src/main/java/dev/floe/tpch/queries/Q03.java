package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;

import dev.floe.LazyFrame;
import dev.floe.SortOptions;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;
import java.time.LocalDate;

/** Q3, shipping priority: the ten unshipped orders of the BUILDING segment with the highest revenue. */
public final class Q03 implements TpchQuery {
  @Override
  public int number() {
    return 3;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    LocalDate date = LocalDate.of(1995, 3, 15);
    return tables.customer()
        .filter(col("c_mktsegment").eq(lit("BUILDING")))
        .join(tables.orders().filter(col("o_orderdate").lt(lit(date))),
            JoinOptions.leftOn("c_custkey").rightOn("o_custkey"))
        .join(tables.lineitem().filter(col("l_shipdate").gt(lit(date))),
            JoinOptions.leftOn("o_orderkey").rightOn("l_orderkey"))
        .groupBy("o_orderkey", "o_orderdate", "o_shippriority")
        .agg(col("l_extendedprice").mul(lit(1.0).sub(col("l_discount"))).sum().alias("revenue"))
        .select(col("o_orderkey").alias("l_orderkey"), col("revenue"), col("o_orderdate"), col("o_shippriority"))
        .sort(SortOptions.DEFAULT.withDescending(true, false), "revenue", "o_orderdate")
        .head(10);
  }
}
