package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;

import dev.floe.LazyFrame;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;
import java.time.LocalDate;

/** Q15, top supplier: the supplier(s) with the most revenue in the first quarter of 1996. */
public final class Q15 implements TpchQuery {
  @Override
  public int number() {
    return 15;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    LazyFrame revenue = tables.lineitem()
        .filter(col("l_shipdate").ge(lit(LocalDate.of(1996, 1, 1)))
            .and(col("l_shipdate").lt(lit(LocalDate.of(1996, 4, 1)))))
        .groupBy("l_suppkey")
        .agg(col("l_extendedprice").mul(lit(1).sub(col("l_discount"))).sum().alias("total_revenue"));
    return tables.supplier()
        .join(revenue, JoinOptions.leftOn("s_suppkey").rightOn("l_suppkey"))
        .filter(col("total_revenue").eq(col("total_revenue").max()))
        .select(col("s_suppkey"), col("s_name"), col("s_address"), col("s_phone"),
            col("total_revenue").round(2))
        .sort("s_suppkey");
  }
}
