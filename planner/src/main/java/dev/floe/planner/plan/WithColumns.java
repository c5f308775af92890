package dev.floe.planner.plan;

import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import java.util.List;

/** {@code input}'s columns with those {@code exprs} compute added, or replaced when names match. */
public record WithColumns(LogicalPlan input, List<Expr> exprs) implements LogicalPlan {
  public WithColumns {
    exprs = List.copyOf(exprs);
  }

  @Override
  public Schema schema() {
    return Resolution.withColumns(input.schema(), exprs);
  }

  @Override
  public List<LogicalPlan> inputs() {
    return List.of(input);
  }

  @Override
  public LogicalPlan withInputs(List<LogicalPlan> inputs) {
    return new WithColumns(LogicalPlan.only(inputs, "withColumns"), exprs);
  }
}
