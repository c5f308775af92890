package dev.floe.engine.expr;

import static dev.floe.planner.expr.Exprs.col;
import static dev.floe.planner.expr.Exprs.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.planner.expr.ValueCountsOptions;
import dev.floe.errors.ComputeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.ShapeMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ResolvedExpr;
import dev.floe.planner.expr.Resolver;
import dev.floe.testkit.LeakChecked;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lengths of length-changing expressions meeting other operands (dynamic broadcasting), the kinds
 * of their errors, and the scalar flag; values are compared with Polars in the api module's
 * ReshapeDifferentialTest.
 */
@LeakChecked
class ReshapeEvaluationTest {

  /** a: i64 [3, 1, null, 2, 1]; b: f64 [1.5, null, NaN, -2.0, 0.0]. */
  private static RecordBatch batch() {
    BufferAllocator allocator = BufferAllocator.current();
    List<Column> columns = List.of(
        JavaValues.toColumn(allocator, DataType.INT64, Arrays.asList(3L, 1L, null, 2L, 1L)),
        JavaValues.toColumn(
            allocator, DataType.FLOAT64, Arrays.asList(1.5, null, Double.NaN, -2.0, 0.0)));
    return new RecordBatch(
        Schema.of(Field.of("a", DataType.INT64), Field.of("b", DataType.FLOAT64)), columns, 5);
  }

  private static List<Object> eval(Expr expr) {
    try (RecordBatch batch = batch()) {
      ResolvedExpr resolved = new Resolver(batch.schema()).resolveOne(expr);
      try (Column result =
          ExpressionEvaluator.evaluate(batch, resolved.expr(), BufferAllocator.current())) {
        assertThat(result.type()).isEqualTo(resolved.type());
        List<Object> values = new ArrayList<>();
        for (int row = 0; row < result.length(); row++) {
          values.add(result.getObject(row));
        }
        return values;
      }
    }
  }

  private static ResolvedExpr resolve(Expr expr) {
    try (RecordBatch batch = batch()) {
      return new Resolver(batch.schema()).resolveOne(expr);
    }
  }

  @Test
  void operandsOfDifferentLengthsFailNamingTheExpressionAndBothLengths() {
    assertThatThrownBy(() -> eval(col("a").head(2).add(col("b"))))
        .isInstanceOf(ShapeMismatchException.class)
        .hasMessageContaining("2 and 5")
        .hasMessageContaining("col(\"a\").head(2)");
  }

  @Test
  void lengthOneResultsBroadcastAndEqualLengthsCombine() {
    assertThat(eval(col("a").sort().add(col("a")))).containsExactly(null, 2L, null, 4L, 4L);
    assertThat(eval(col("a").head(1).add(col("a")))).containsExactly(6L, 4L, null, 5L, 4L);
    assertThat(eval(col("a").head(0).add(col("a").sum()))).isEmpty();
    assertThat(eval(col("a").unique(true).sum())).containsExactly(6L);
    assertThat(eval(lit(5).head(2))).containsExactly(5);
  }

  @Test
  void gatherCountsNegativeIndicesFromTheEndAndNamesOutOfBoundsOnes() {
    assertThat(eval(col("a").gather(-1, 0))).containsExactly(1L, 3L);
    assertThatThrownBy(() -> eval(col("a").gather(5)))
        .isInstanceOf(ComputeException.class)
        .hasMessageContaining("index 5")
        .hasMessageContaining("length 5");
    assertThatThrownBy(() -> eval(col("a").gather(col("b"))))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("integer indices");
  }

  @Test
  void optionsAreCheckedBeforeEvaluation() {
    assertThatThrownBy(() -> resolve(col("a").head(-1)))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("non-negative");
    assertThatThrownBy(() -> resolve(col("a").valueCounts(new ValueCountsOptions(false, false, "a"))))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("duplicate");
  }

  @Test
  void functionsOfColumnsAreNotScalarsAndSortOfAScalarIs() {
    assertThat(resolve(col("a").sort()).scalar()).isFalse();
    assertThat(resolve(col("a").sum().sort()).scalar()).isTrue();
    assertThat(resolve(col("a").sum().head(1)).scalar()).isFalse();
    assertThat(resolve(col("a").unique().sum()).scalar()).isTrue();
    assertThat(ExpressionEvaluator.isScalar(resolve(lit(1).reverse()).expr())).isTrue();
    assertThat(ExpressionEvaluator.isScalar(resolve(col("a").reverse()).expr())).isFalse();
  }

  @Test
  void valueCountsBuildsAStructOfValueAndCount() {
    ResolvedExpr resolved = resolve(col("a").valueCounts(new ValueCountsOptions(true, false, null)));
    assertThat(resolved.type()).isEqualTo(DataType.StructType.of(
        Field.of("a", DataType.INT64), Field.of("count", DataType.UINT32)));
    List<Object> values = eval(col("a").valueCounts(new ValueCountsOptions(true, false, null)));
    assertThat(values).hasSize(4);
    assertThat(values.getFirst().toString()).contains("1").contains("2");
  }
}
