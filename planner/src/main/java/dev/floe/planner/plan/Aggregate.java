package dev.floe.planner.plan;

import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import java.util.List;

/**
 * One row per distinct value of the {@code keys} of {@code input}, with one column per {@code
 * aggs} expression computed over that group's rows: Polars' {@code group_by(keys).agg(aggs)}. Keys
 * are expressions ({@code col("a")}, {@code col("a").mod(10).alias("k")}); an agg expression reduces
 * each group to one value ({@code col("x").sum()}, {@code col("a").sum().div(col("b").count())}), or
 * gives the group's values as a list (a bare column: Polars' implode; {@code col("x").mul(2)}). The output has
 * the key columns, then the agg columns ({@link AggregateResolution}); {@code maintainOrder} puts
 * the groups in order of first appearance, otherwise their order is unspecified.
 */
public record Aggregate(LogicalPlan input, List<Expr> keys, List<Expr> aggs, boolean maintainOrder)
    implements LogicalPlan {
  public Aggregate {
    keys = List.copyOf(keys);
    aggs = List.copyOf(aggs);
  }

  @Override
  public Schema schema() {
    return resolution().schema();
  }

  /** The keys and aggregations resolved against the input's schema. */
  public AggregateResolution resolution() {
    return AggregateResolution.of(input.schema(), keys, aggs);
  }

  @Override
  public List<LogicalPlan> inputs() {
    return List.of(input);
  }

  @Override
  public LogicalPlan withInputs(List<LogicalPlan> inputs) {
    return new Aggregate(LogicalPlan.only(inputs, "group_by"), keys, aggs, maintainOrder);
  }
}
