package dev.floe.planner.optimizer;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.plan.Scan;
import dev.floe.planner.plan.ScanSource;
import java.util.ArrayList;
import java.util.List;

/** Sources for optimizer tests: named in-memory tables that are never read. */
final class Tables {
  private Tables() {}

  /** A named table: enough source for plans that never run. */
  record Table(String name, Schema schema) implements ScanSource {
    @Override
    public String describe() {
      return "DF " + name + " " + schema.names();
    }
  }

  /** t [a: i64, b: f64, s: str, d: i64]. */
  static final Schema SCHEMA = Schema.of(Field.of("a", DataType.INT64), Field.of("b", DataType.FLOAT64),
      Field.of("s", DataType.UTF8), Field.of("d", DataType.INT64));

  static Scan scan() {
    return Scan.of(new Table("t", SCHEMA));
  }

  static Scan scan(String name) {
    return Scan.of(new Table(name, SCHEMA));
  }

  /** A table of {@code count} i64 columns named a, b, c, ... */
  static Scan wide(int count) {
    List<Field> fields = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      fields.add(Field.of(String.valueOf((char) ('a' + index)), DataType.INT64));
    }
    return Scan.of(new Table("wide", new Schema(fields)));
  }
}
