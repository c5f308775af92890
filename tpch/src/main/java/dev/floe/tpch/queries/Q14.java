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

/** Q14, promotion effect: the share of September 1995's revenue from promoted parts. */
public final class Q14 implements TpchQuery {
  @Override
  public int number() {
    return 14;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    Expr revenue = col("l_extendedprice").mul(lit(1).sub(col("l_discount")));
    return tables.lineitem()
        .filter(col("l_shipdate").ge(lit(LocalDate.of(1995, 9, 1)))
            .and(col("l_shipdate").lt(lit(LocalDate.of(1995, 10, 1)))))
        .join(tables.part(), JoinOptions.leftOn("l_partkey").rightOn("p_partkey"))
        .select(lit(100.0)
            .mul(when(col("p_type").str().startsWith("PROMO")).then(revenue).otherwise(0.0).sum())
            .div(revenue.sum())
            .round(2)
            .alias("promo_revenue"));
  }
}
