package dev.floe.planner.plan;

import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import java.util.List;

/** The columns {@code exprs} compute over {@code input}, and nothing else. */
public record Select(LogicalPlan input, List<Expr> exprs) implements LogicalPlan {
  public Select {
    exprs = List.copyOf(exprs);
  }

  @Override
  public Schema schema() {
    return Resolution.select(input.schema(), exprs);
  }

  @Override
  public List<LogicalPlan> inputs() {
    return List.of(input);
  }

  @Override
  public LogicalPlan withInputs(List<LogicalPlan> inputs) {
    return new Select(LogicalPlan.only(inputs, "select"), exprs);
  }
}
