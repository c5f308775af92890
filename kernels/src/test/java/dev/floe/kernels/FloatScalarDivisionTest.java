package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnAssertions;
import dev.floe.testkit.LeakChecked;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Float division by a scalar; expected values are Polars 1.44.2 output for the same inputs. */
@LeakChecked
class FloatScalarDivisionTest {
  private static Column column(DataType type, Object... values) {
    return JavaValues.toColumn(BufferAllocator.current(), type, Arrays.asList(values));
  }

  private static void check(Column column, Number divisor, ArithmeticOp op, Object... expected) {
    try (Column result = Arithmetic.binaryScalar(column, divisor, op, BufferAllocator.current())) {
      ColumnAssertions.assertColumnEquals(result, Arrays.asList(expected));
    }
  }

  @Test
  void float64DividesByTheReciprocal() {
    // pl.Series([0.3, 0.7, -3.5, None]) / 0.1 -> [3.0, 7.0, -35.0, None] (exact: 2.9999999999999996)
    try (Column values = column(DataType.FLOAT64, 0.3, 0.7, -3.5, null)) {
      check(values, 0.1, ArithmeticOp.DIV, 3.0, 7.0, -35.0, null);
      check(values, 0.1, ArithmeticOp.FLOOR_DIV, 3.0, 7.0, -35.0, null);
      check(values, 0.1, ArithmeticOp.MOD, -5.551115123125783e-17, -1.1102230246251565e-16, 0.0,
          null);
    }
  }

  @Test
  void float32DividesInFloatPrecision() {
    // pl.Series([-3.5, 0.3, 0.7], dtype=pl.Float32) / 1.5
    try (Column values = column(DataType.FLOAT32, -3.5f, 0.3f, 0.7f);
        Column sliced = values.slice(1, 2)) {
      check(values, 1.5f, ArithmeticOp.DIV, -2.3333335f, 0.20000002f, 0.46666667f);
      check(sliced, 1.5f, ArithmeticOp.DIV, 0.20000002f, 0.46666667f);
    }
  }

  @Test
  void divisionByZeroGivesInfinitiesAndNan() {
    try (Column values = column(DataType.FLOAT64, 1.5, -1.5, 0.0)) {
      check(values, 0.0, ArithmeticOp.DIV, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
          Double.NaN);
      check(values, 0.0, ArithmeticOp.MOD, Double.NaN, Double.NaN, Double.NaN);
    }
  }

  @Test
  void float32FloorDivisionOfColumnsRoundsInFloat() {
    // Polars: 3 // 0.33333334 (f32) is 9 (the f32 quotient rounds to 9.0); in f64 it would be 8
    try (Column a = column(DataType.FLOAT32, 3.0f);
        Column b = column(DataType.FLOAT32, 0.33333334f);
        Column result = Arithmetic.binary(a, b, ArithmeticOp.FLOOR_DIV, BufferAllocator.current())) {
      assertThat(result.getObject(0)).isEqualTo(9.0f);
    }
  }
}
