package dev.floe.tpch.queries;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;

import dev.floe.LazyFrame;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.tpch.TpchQuery;
import dev.floe.tpch.TpchTables;
import java.util.List;

/** Q19, discounted revenue: revenue of air-shipped, hand-delivered lines of three part groups. */
public final class Q19 implements TpchQuery {
  @Override
  public int number() {
    return 19;
  }

  @Override
  public LazyFrame build(TpchTables tables) {
    return tables.lineitem()
        .filter(col("l_shipmode").isIn("AIR", "AIR REG")
            .and(col("l_shipinstruct").eq("DELIVER IN PERSON")))
        .join(tables.part(), JoinOptions.leftOn("l_partkey").rightOn("p_partkey"))
        .filter(group("Brand#12", List.of("SM CASE", "SM BOX", "SM PACK", "SM PKG"), 1, 5)
            .or(group("Brand#23", List.of("MED BAG", "MED BOX", "MED PKG", "MED PACK"), 10, 10))
            .or(group("Brand#34", List.of("LG CASE", "LG BOX", "LG PACK", "LG PKG"), 20, 15)))
        .select(col("l_extendedprice").mul(lit(1).sub(col("l_discount"))).sum().round(2).alias("revenue"));
  }

  /** One of the three groups: a brand, four containers, ten units from {@code quantity}, sizes 1 to {@code maxSize}. */
  private static Expr group(String brand, List<String> containers, int quantity, int maxSize) {
    return col("p_brand").eq(brand)
        .and(col("p_container").isIn(containers))
        .and(col("l_quantity").isBetween(quantity, quantity + 10))
        .and(col("p_size").isBetween(1, maxSize));
  }
}
