package dev.floe.planner.plan;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.memory.types.Schema;
import java.util.List;

/**
 * One row per distinct value of the {@code subset} columns (all columns when empty) of {@code
 * input}: Polars' {@code unique}. {@code keep} picks which row of each set of duplicates stays;
 * {@code maintainOrder} keeps the survivors in input order.
 */
public record Distinct(LogicalPlan input, List<String> subset, Keep keep, boolean maintainOrder)
    implements LogicalPlan {
  /** Which duplicate survives, as Polars' {@code keep}. */
  public enum Keep {
    ANY,
    FIRST,
    LAST,
    NONE
  }

  public Distinct {
    subset = List.copyOf(subset);
  }

  @Override
  public Schema schema() {
    Schema schema = input.schema();
    for (String name : subset) {
      if (!schema.contains(name)) {
        throw new ColumnNotFoundException(name, schema.names());
      }
    }
    return schema;
  }

  @Override
  public List<LogicalPlan> inputs() {
    return List.of(input);
  }

  @Override
  public LogicalPlan withInputs(List<LogicalPlan> inputs) {
    return new Distinct(LogicalPlan.only(inputs, "unique"), subset, keep, maintainOrder);
  }
}
