package dev.floe.tpch.queries;

import static dev.floe.Floe.col;

import dev.floe.LazyFrame;
import dev.floe.SortOptions;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinType;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;

/** Q16, parts/supplier relationship: suppliers without complaints per brand, type and size. */
public final class Q16 implements TpchQuery {
  @Override
  public int number() {
    return 16;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    LazyFrame complained = tables.supplier().filter(col("s_comment").str().contains("Customer.*Complaints"));
    return tables.partsupp()
        .join(tables.part(), JoinOptions.leftOn("ps_partkey").rightOn("p_partkey"))
        .filter(col("p_brand").ne("Brand#45")
            .and(col("p_type").str().startsWith("MEDIUM POLISHED").not())
            .and(col("p_size").isIn(49, 14, 23, 45, 19, 3, 36, 9)))
        .join(complained, JoinOptions.leftOn("ps_suppkey").rightOn("s_suppkey").how(JoinType.ANTI))
        .groupBy("p_brand", "p_type", "p_size")
        .agg(col("ps_suppkey").nUnique().alias("supplier_cnt"))
        .sort(SortOptions.DEFAULT.withDescending(true, false, false, false),
            "supplier_cnt", "p_brand", "p_type", "p_size");
  }
}
