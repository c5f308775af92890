package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;
import static dev.floe.Floe.when;

import dev.floe.LazyFrame;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;
import java.time.LocalDate;

/** Q12, shipping modes and order priority: late lines by ship mode and order priority class. */
public final class Q12 implements TpchQuery {
  @Override
  public int number() {
    return 12;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    Expr urgent = col("o_orderpriority").isIn("1-URGENT", "2-HIGH");
    return tables.orders()
        .join(tables.lineitem(), JoinOptions.leftOn("o_orderkey").rightOn("l_orderkey"))
        .filter(col("l_shipmode").isIn("MAIL", "SHIP")
            .and(col("l_commitdate").lt(col("l_receiptdate")))
            .and(col("l_shipdate").lt(col("l_commitdate")))
            .and(col("l_receiptdate").ge(lit(LocalDate.of(1994, 1, 1))))
            .and(col("l_receiptdate").lt(lit(LocalDate.of(1995, 1, 1)))))
        .groupBy("l_shipmode")
        .agg(when(urgent).then(1).otherwise(0).sum().alias("high_line_count"),
            when(urgent).then(0).otherwise(1).sum().alias("low_line_count"))
        .sort("l_shipmode");
  }
}
