package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;

import dev.floe.LazyFrame;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinType;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;
import java.time.LocalDate;

/** Q20, potential part promotion: Canadian suppliers with an excess of some forest part. */
public final class Q20 implements TpchQuery {
  @Override
  public int number() {
    return 20;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    LazyFrame forest = tables.part().filter(col("p_name").str().startsWith("forest"));
    LazyFrame shipped = tables.lineitem()
        .filter(col("l_shipdate").ge(lit(LocalDate.of(1994, 1, 1)))
            .and(col("l_shipdate").lt(lit(LocalDate.of(1995, 1, 1)))))
        .groupBy("l_partkey", "l_suppkey")
        .agg(lit(0.5).mul(col("l_quantity").sum()).alias("half_quantity"));
    LazyFrame excess = tables.partsupp()
        .join(forest, JoinOptions.leftOn("ps_partkey").rightOn("p_partkey").how(JoinType.SEMI))
        .join(shipped, JoinOptions.leftOn("ps_partkey", "ps_suppkey").rightOn("l_partkey", "l_suppkey"))
        .filter(col("ps_availqty").gt(col("half_quantity")));
    return tables.supplier()
        .join(tables.nation(), JoinOptions.leftOn("s_nationkey").rightOn("n_nationkey"))
        .filter(col("n_name").eq("CANADA"))
        .join(excess, JoinOptions.leftOn("s_suppkey").rightOn("ps_suppkey").how(JoinType.SEMI))
        .select("s_name", "s_address")
        .sort("s_name");
  }
}
