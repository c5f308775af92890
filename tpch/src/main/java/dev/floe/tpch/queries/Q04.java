package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.len;
import static dev.floe.Floe.lit;

import dev.floe.LazyFrame;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinType;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;
import java.time.LocalDate;

/** Q4, order priority checking: orders of 1993's third quarter with a line received late, by priority. */
public final class Q04 implements TpchQuery {
  @Override
  public int number() {
    return 4;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    LazyFrame lateLines = tables.lineitem()
        .filter(col("l_commitdate").lt(col("l_receiptdate")));
    return tables.orders()
        .filter(col("o_orderdate").ge(lit(LocalDate.of(1993, 7, 1)))
            .and(col("o_orderdate").lt(lit(LocalDate.of(1993, 10, 1)))))
        .join(lateLines, JoinOptions.leftOn("o_orderkey").rightOn("l_orderkey").how(JoinType.SEMI))
        .groupBy("o_orderpriority")
        .agg(len().alias("order_count"))
        .sort("o_orderpriority");
  }
}
