package dev.floe.planner.plan;

import dev.floe.memory.types.Schema;
import java.util.List;

/**
 * At most {@code length} rows of {@code input} starting at row {@code offset}; a negative offset
 * counts from the end, as in Polars ({@code tail(n)} is {@code slice(-n, n)}).
 */
public record Slice(LogicalPlan input, long offset, long length) implements LogicalPlan {
  public Slice {
    if (length < 0) {
      throw new IllegalArgumentException("slice length " + length + " is negative");
    }
  }

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
    return new Slice(LogicalPlan.only(inputs, "slice"), offset, length);
  }
}
