package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.len;
import static dev.floe.Floe.lit;

import dev.floe.LazyFrame;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;
import java.time.LocalDate;

/** Q1, pricing summary report: billed, shipped and returned business up to 90 days before 1998-12-01. */
public final class Q01 implements TpchQuery {
  @Override
  public int number() {
    return 1;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    var discounted = col("l_extendedprice").mul(lit(1.0).sub(col("l_discount")));
    return tables.lineitem()
        .filter(col("l_shipdate").le(lit(LocalDate.of(1998, 9, 2))))
        .groupBy("l_returnflag", "l_linestatus")
        .agg(col("l_quantity").sum().alias("sum_qty"),
            col("l_extendedprice").sum().alias("sum_base_price"),
            discounted.sum().alias("sum_disc_price"),
            discounted.mul(lit(1.0).add(col("l_tax"))).sum().alias("sum_charge"),
            col("l_quantity").mean().alias("avg_qty"),
            col("l_extendedprice").mean().alias("avg_price"),
            col("l_discount").mean().alias("avg_disc"),
            len().alias("count_order"))
        .sort("l_returnflag", "l_linestatus");
  }
}
