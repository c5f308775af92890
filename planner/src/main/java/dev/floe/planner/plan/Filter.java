package dev.floe.planner.plan;

import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import java.util.List;

/** The rows of {@code input} where {@code predicate} is true (null counts as false, as in Polars). */
public record Filter(LogicalPlan input, Expr predicate) implements LogicalPlan {
  @Override
  public Schema schema() {
    Schema schema = input.schema();
    Resolution.predicate(schema, predicate, "filter");
    return schema;
  }

  @Override
  public List<LogicalPlan> inputs() {
    return List.of(input);
  }

  @Override
  public LogicalPlan withInputs(List<LogicalPlan> inputs) {
    return new Filter(LogicalPlan.only(inputs, "filter"), predicate);
  }
}
