package dev.floe.planner.plan;

import dev.floe.memory.types.Schema;
import java.util.List;

/**
 * {@code input} computed once however many times the plan reads it ({@code LazyFrame.cache()}, and
 * the subplans common subplan elimination finds); {@code id} tells caches apart.
 */
public record Cache(LogicalPlan input, long id) implements LogicalPlan {
  @Override
  public Schema schema() {
    return input.schema();
  }

  @Override
  public List<LogicalPlan> inputs() {
    return List.of(input);
  }

  @Override
  public LogicalPlan withInputs(List<LogicalPlan> inputs) {
    return new Cache(LogicalPlan.only(inputs, "cache"), id);
  }
}
