package dev.floe.engine.expr;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ShapeMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.expr.WindowOptions;
import dev.floe.testkit.LeakChecked;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sharing of window groups within one projection (one grouping per distinct partition list,
 * counted through {@link WindowGroups#GROUPINGS}), null and NaN keys, and the length error. Values
 * in general are compared with Polars in the api module's WindowDifferentialTest.
 */
@LeakChecked
class WindowEvaluationTest {

  /** g: str [a, b, a, null, b, null]; f: f64 [NaN, 1, NaN, 2, -0.0, 0.0]; x: i64 [1..6]. */
  private static RecordBatch batch() {
    BufferAllocator allocator = BufferAllocator.current();
    List<Column> columns = List.of(
        JavaValues.toColumn(allocator, DataType.UTF8, Arrays.asList("a", "b", "a", null, "b", null)),
        JavaValues.toColumn(allocator, DataType.FLOAT64,
            Arrays.asList(Double.NaN, 1.0, Double.NaN, 2.0, -0.0, 0.0)),
        JavaValues.toColumn(allocator, DataType.INT64, Arrays.asList(1L, 2L, 3L, 4L, 5L, 6L)));
    return new RecordBatch(Schema.of(Field.of("g", DataType.UTF8), Field.of("f", DataType.FLOAT64),
        Field.of("x", DataType.INT64)), columns, 6);
  }

  /** Each expression's values, evaluated as one projection. */
  private static List<List<Object>> project(Expr... exprs) {
    try (RecordBatch batch = batch()) {
      List<Column> columns = Projection.evaluate(batch,
          new Resolver(batch.schema()).resolve(List.of(exprs)), true, BufferAllocator.current());
      List<List<Object>> values = new ArrayList<>();
      for (Column column : columns) {
        try (column) {
          List<Object> cells = new ArrayList<>();
          for (int row = 0; row < column.length(); row++) {
            cells.add(column.getObject(row));
          }
          values.add(cells);
        }
      }
      return values;
    }
  }

  @Test
  void windowsOverOnePartitionShareOneGrouping() {
    long before = WindowGroups.GROUPINGS.get();
    List<List<Object>> values = project(
        col("x").sum().over("g"),
        col("x").mean().over("g"),
        col("x").rank().over("g"),
        col("x").cumSum().over(WindowOptions.DEFAULT.withOrderBy("f").withDescending(true), "g"));
    assertThat(WindowGroups.GROUPINGS.get() - before).isEqualTo(1);
    assertThat(values.get(0)).containsExactly(4L, 7L, 4L, 10L, 7L, 10L);
    assertThat(values.get(1)).containsExactly(2.0, 3.5, 2.0, 5.0, 3.5, 5.0);
    assertThat(values.get(2)).containsExactly(1.0, 1.0, 2.0, 1.0, 2.0, 2.0);
    // f descending: NaN first (above every number), then 1.0 before -0.0, 2.0 before 0.0
    assertThat(values.get(3)).containsExactly(1L, 2L, 4L, 4L, 7L, 10L);
  }

  @Test
  void eachDistinctPartitionListGroupsOnce() {
    long before = WindowGroups.GROUPINGS.get();
    project(col("x").sum().over("g"), col("x").max().over("f"), col("x").min().over("g"),
        col("x").len().over("g", "f"), col("x").first().over("f"));
    assertThat(WindowGroups.GROUPINGS.get() - before).isEqualTo(3);
  }

  @Test
  void nullKeysFormAGroupAndNanKeysGroupTogether() {
    List<List<Object>> values = project(col("x").len().over("g"), col("x").sum().over("f"));
    assertThat(values.get(0)).containsExactly(2L, 2L, 2L, 2L, 2L, 2L);
    // NaN with NaN, -0.0 with 0.0
    assertThat(values.get(1)).containsExactly(4L, 2L, 4L, 4L, 11L, 11L);
  }

  @Test
  void joinGivesTheGroupsListToEveryRow() {
    WindowOptions join = WindowOptions.DEFAULT.withMapping(WindowOptions.Mapping.JOIN);
    List<List<Object>> values = project(col("x").cumSum().over(join, "g"));
    assertThat(values.getFirst().get(0)).isEqualTo(List.of(1L, 4L));
    assertThat(values.getFirst().get(3)).isEqualTo(List.of(4L, 10L));
  }

  @Test
  void aResultOfTheWrongLengthFailsNamingTheWindow() {
    assertThatThrownBy(() -> project(col("x").head(1).over("g")))
        .isInstanceOf(ShapeMismatchException.class)
        .hasMessageContaining("the window expression col(\"x\").head(1).over([col(\"g\")]) produced 1 rows"
            + " for a group of 2 rows");
  }
}
