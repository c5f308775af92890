package dev.floe.planner.plan;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One row per element of the lists in the {@code columns} of {@code input}, as Polars' {@code
 * explode}: the exploded columns take their lists' element type, the other columns repeat their
 * value; an empty or null list gives one row with a null. Exploded columns must have lists of equal
 * lengths in each row (checked when it runs).
 */
public record Explode(LogicalPlan input, List<String> columns) implements LogicalPlan {
  public Explode {
    columns = List.copyOf(new LinkedHashSet<>(columns));
    if (columns.isEmpty()) {
      throw new InvalidOperationException("explode needs at least one column");
    }
  }

  @Override
  public Schema schema() {
    Schema schema = input.schema();
    for (String name : columns) {
      if (!schema.contains(name)) {
        throw new ColumnNotFoundException(name, schema.names());
      }
    }
    List<Field> fields = new ArrayList<>();
    for (Field field : schema.fields()) {
      if (!columns.contains(field.name())) {
        fields.add(field);
      } else if (field.type() instanceof DataType.ListType list) {
        fields.add(Field.of(field.name(), list.valueType()));
      } else {
        throw new SchemaMismatchException(
            "explode needs list columns; '" + field.name() + "' is " + field.type());
      }
    }
    return new Schema(fields);
  }

  @Override
  public List<LogicalPlan> inputs() {
    return List.of(input);
  }

  @Override
  public LogicalPlan withInputs(List<LogicalPlan> inputs) {
    return new Explode(LogicalPlan.only(inputs, "explode"), columns);
  }
}
