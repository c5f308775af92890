package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;

import dev.floe.LazyFrame;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;
import java.time.LocalDate;

/** Q6, forecasting revenue change: the revenue a discount change in 1994 would have added. */
public final class Q06 implements TpchQuery {
  @Override
  public int number() {
    return 6;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    return tables.lineitem()
        .filter(col("l_shipdate").ge(lit(LocalDate.of(1994, 1, 1)))
            .and(col("l_shipdate").lt(lit(LocalDate.of(1995, 1, 1))))
            .and(col("l_discount").isBetween(0.05, 0.07))
            .and(col("l_quantity").lt(24)))
        .select(col("l_extendedprice").mul(col("l_discount")).sum().alias("revenue"));
  }
}
