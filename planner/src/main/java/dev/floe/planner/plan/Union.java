package dev.floe.planner.plan;

import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.types.Schema;
import java.util.List;

/** The rows of every input, one after another (Polars' vertical {@code concat}); schemas must be equal. */
public record Union(List<LogicalPlan> inputs) implements LogicalPlan {
  public Union {
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("concat needs at least one input");
    }
  }

  @Override
  public Schema schema() {
    Schema first = inputs.getFirst().schema();
    for (int index = 1; index < inputs.size(); index++) {
      Schema other = inputs.get(index).schema();
      if (!other.names().equals(first.names()) || !other.types().equals(first.types())) {
        throw new SchemaMismatchException("concat: input " + index + " has columns " + describe(other)
            + ", input 0 has " + describe(first));
      }
    }
    return first;
  }

  private static String describe(Schema schema) {
    StringBuilder text = new StringBuilder("[");
    for (int index = 0; index < schema.size(); index++) {
      text.append(index == 0 ? "" : ", ").append(schema.field(index).name()).append(": ")
          .append(schema.field(index).type());
    }
    return text.append(']').toString();
  }

  @Override
  public LogicalPlan withInputs(List<LogicalPlan> newInputs) {
    if (newInputs.size() != inputs.size()) {
      throw new IllegalArgumentException("concat has " + inputs.size() + " inputs, got " + newInputs.size());
    }
    return new Union(newInputs);
  }
}
