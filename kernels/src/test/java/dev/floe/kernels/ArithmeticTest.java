package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ComputeException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnAssertions;
import dev.floe.testkit.LeakChecked;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arithmetic facade cases; expected values are Polars 1.44.2 output for the same inputs. */
@LeakChecked
class ArithmeticTest {
  private static final double NAN = Double.NaN;
  private static final double INF = Double.POSITIVE_INFINITY;

  private static Column column(DataType type, Object... values) {
    return JavaValues.toColumn(BufferAllocator.current(), type, Arrays.asList(values));
  }

  private static void check(Column left, Column right, ArithmeticOp op, Object... expected) {
    try (Column result = Arithmetic.binary(left, right, op, BufferAllocator.current())) {
      ColumnAssertions.assertColumnEquals(result, Arrays.asList(expected));
    }
  }

  @Test
  void int8WrapsFloorDividesAndModsLikePolars() {
    // a = [127, -128, 5, -7, 7, -7, 0] (i8), b = [1, -1, 0, 2, -2, -2, 0]
    try (Column a = column(DataType.INT8, (byte) 127, (byte) -128, (byte) 5, (byte) -7, (byte) 7,
            (byte) -7, (byte) 0);
        Column b = column(DataType.INT8, (byte) 1, (byte) -1, (byte) 0, (byte) 2, (byte) -2,
            (byte) -2, (byte) 0)) {
      check(a, b, ArithmeticOp.ADD, bytes(-128, 127, 5, -5, 5, -9, 0));
      check(a, b, ArithmeticOp.MUL, bytes(127, -128, 0, -14, -14, 14, 0));
      check(a, b, ArithmeticOp.FLOOR_DIV, (byte) 127, (byte) -128, null, (byte) -4, (byte) -4,
          (byte) 3, null);
      check(a, b, ArithmeticOp.MOD, (byte) 0, (byte) 0, null, (byte) 1, (byte) -1, (byte) -1, null);
    }
  }

  @Test
  void int64EdgeCasesAndSimdPath() {
    try (Column a = column(DataType.INT64, Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, null);
        Column b = column(DataType.INT64, -1L, -1L, 1L, 3L)) {
      check(a, b, ArithmeticOp.FLOOR_DIV, Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, null);
      check(a, b, ArithmeticOp.MOD, 0L, 0L, 0L, null);
      check(a, b, ArithmeticOp.ADD, Long.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, null);
    }
  }

  @Test
  void floatModFloorDivAndDivisionByZero() {
    // x % y, x // y, x / y for x = [-7.5, 7.5, 1.0, -1.0, 0.0, -0.0], y = [2, -2, 0, 0, 0, 0]
    try (Column x = column(DataType.FLOAT64, -7.5, 7.5, 1.0, -1.0, 0.0, -0.0);
        Column y = column(DataType.FLOAT64, 2.0, -2.0, 0.0, 0.0, 0.0, 0.0)) {
      check(x, y, ArithmeticOp.MOD, 0.5, -0.5, NAN, NAN, NAN, NAN);
      check(x, y, ArithmeticOp.FLOOR_DIV, -4.0, -4.0, INF, -INF, NAN, NAN);
      check(x, y, ArithmeticOp.DIV, -3.75, -3.75, INF, -INF, NAN, NAN);
    }
    // [-0.0, 4.0, -4.0] % [3.0, 2.0, 2.0] -> [0.0, 0.0, 0.0]
    try (Column x = column(DataType.FLOAT64, -0.0, 4.0, -4.0);
        Column y = column(DataType.FLOAT64, 3.0, 2.0, 2.0)) {
      try (Column result = Arithmetic.binary(x, y, ArithmeticOp.MOD, BufferAllocator.current())) {
        assertThat(Double.doubleToRawLongBits((Double) result.getObject(0))).isZero();
      }
    }
  }

  @Test
  void powerWrapsAndRejectsNegativeIntegerExponents() {
    // [2, 3, 10] ** 63 (i64) -> [-2^63, -3237885987332494933, -2^63]
    try (Column a = column(DataType.INT64, 2L, 3L, 10L);
        Column r = Arithmetic.binaryScalar(a, 63L, ArithmeticOp.POW, BufferAllocator.current())) {
      ColumnAssertions.assertColumnEquals(r, List.of(Long.MIN_VALUE, -3237885987332494933L, Long.MIN_VALUE));
      assertThatThrownBy(() -> Arithmetic.binaryScalar(a, -1L, ArithmeticOp.POW, BufferAllocator.current()))
          .isInstanceOf(ComputeException.class).hasMessageContaining("negative power");
    }
  }

  @Test
  void scalarsUnaryRoundSignClip() {
    BufferAllocator allocator = BufferAllocator.current();
    try (Column a = column(DataType.INT8, (byte) -128, (byte) 5, null);
        Column neg = Arithmetic.negate(a, allocator);
        Column abs = Arithmetic.abs(a, allocator);
        Column minus = Arithmetic.scalarBinary((byte) 10, a, ArithmeticOp.SUB, allocator);
        Column nothing = Arithmetic.binaryScalar(a, null, ArithmeticOp.ADD, allocator)) {
      ColumnAssertions.assertColumnEquals(neg, Arrays.asList((byte) -128, (byte) -5, null));
      ColumnAssertions.assertColumnEquals(abs, Arrays.asList((byte) -128, (byte) 5, null));
      ColumnAssertions.assertColumnEquals(minus, Arrays.asList((byte) -118, (byte) 5, null));
      ColumnAssertions.assertColumnEquals(nothing, Arrays.asList(null, null, null));
    }
    // round(0) of [0.5, 1.5, 2.5, -0.5, -2.5, 1.005, 2.675] -> [0.0, 2.0, 2.0, -0.0, -2.0, 1.0, 3.0]
    // round(2) of [1.005, 2.675, 0.125] -> [1.0, 2.68, 0.12] (Polars 1.44: half to even)
    try (Column x = column(DataType.FLOAT64, 0.5, 1.5, 2.5, -0.5, -2.5, 1.005, 2.675);
        Column r0 = Arithmetic.round(x, 0, allocator);
        Column y = column(DataType.FLOAT64, 1.005, 2.675, 0.125);
        Column r2 = Arithmetic.round(y, 2, allocator)) {
      ColumnAssertions.assertColumnEquals(r0, List.of(0.0, 2.0, 2.0, -0.0, -2.0, 1.0, 3.0));
      ColumnAssertions.assertColumnEquals(r2, List.of(1.0, 2.68, 0.12));
    }
    // sign([-2.0, 0.0, -0.0, nan, 3.0]) -> [-1.0, 0.0, -0.0, nan, 1.0]
    try (Column x = column(DataType.FLOAT64, -2.0, 0.0, -0.0, NAN, 3.0, null);
        Column s = Arithmetic.math(x, Arithmetic.MathOp.SIGN, allocator);
        Column c = Arithmetic.clip(x, -1.0, null, allocator)) {
      ColumnAssertions.assertColumnEquals(s, Arrays.asList(-1.0, 0.0, -0.0, NAN, 1.0, null));
      ColumnAssertions.assertColumnEquals(c, Arrays.asList(-1.0, 0.0, -0.0, NAN, 3.0, null));
    }
  }

  @Test
  void mismatchedTypesAreRejected() {
    try (Column a = column(DataType.INT64, 1L);
        Column b = column(DataType.INT32, 1)) {
      assertThatThrownBy(() -> Arithmetic.binary(a, b, ArithmeticOp.ADD, BufferAllocator.current()))
          .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("i64").hasMessageContaining("i32");
    }
  }

  private static Object[] bytes(int... values) {
    Object[] result = new Object[values.length];
    for (int index = 0; index < values.length; index++) {
      result[index] = (byte) values[index];
    }
    return result;
  }
}
