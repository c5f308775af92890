package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Column-constant operations in an {@link ArithmeticProgram} ({@code x + c}, {@code x - c}, {@code
 * x * c}, {@code c + x}, {@code c * x}, {@code c - x}) run through the broadcast-constant kernels
 * (SIMD and their scalar twins) or, for {@code c - x}, the constant's block; every valid row
 * equals Java's own operation on the row's value, bit for bit (floats by {@link
 * Double#doubleToLongBits}: one NaN; integers wrapping). Constants include the edges where
 * subtracting as adding the negation could go wrong: the minimum integers, zeros of both signs,
 * infinities and NaN.
 */
@LeakCheckedProperty
class ConstantArithmeticPropertyTest {
  record Case(DataType type, ArithmeticOp op, boolean constantLeft, double constant, ColumnSample column) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<DataType> types =
        Arbitraries.of(DataType.INT64, DataType.INT32, DataType.FLOAT64, DataType.FLOAT32);
    Arbitrary<Double> constants = Arbitraries.oneOf(
        Arbitraries.of(0.0, -0.0, 1.0, -1.0, 2.0, 0.5, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, (double) Integer.MIN_VALUE, (double) Long.MIN_VALUE, 1e300),
        Arbitraries.doubles().between(-1e6, 1e6));
    return Combinators.combine(types, Arbitraries.of(ArithmeticOp.ADD, ArithmeticOp.SUB, ArithmeticOp.MUL),
            Arbitraries.of(false, true), constants, AggregateTwinPropertyTest.lengths())
        .flatAs((type, op, left, constant, length) -> ColumnArbitraries.columns(type, Arbitraries.just(length))
            .map(column -> new Case(type, op, left, constant, column)));
  }

  @Property(tries = 400)
  void everyValidRowIsJavasOperation(@ForAll("cases") Case sample) {
    for (boolean simd : new boolean[] {true, false}) {
      Number constant = constant(sample.constant(), sample.type());
      try (FixedWidthColumn column = (FixedWidthColumn) sample.column().build()) {
        ArithmeticProgram.Step load = new ArithmeticProgram.Load(column);
        ArithmeticProgram.Step value = new ArithmeticProgram.Constant(constant);
        List<ArithmeticProgram.Step> steps = sample.constantLeft()
            ? List.of(value, load, new ArithmeticProgram.Apply(sample.op()))
            : List.of(load, value, new ArithmeticProgram.Apply(sample.op()));
        try (FixedWidthColumn result = (FixedWidthColumn) ArithmeticProgram.run(
            steps, sample.type(), column.length(), BufferAllocator.current(), simd)) {
          for (int row = 0; row < column.length(); row++) {
            assertThat(result.isValid(row)).as("row %d validity", row).isEqualTo(column.isValid(row));
            if (column.isValid(row)) {
              assertThat(bits(result, row))
                  .as("row %d: %s %s %s (simd %s)", row, sample.constantLeft() ? constant : column.getObject(row),
                      sample.op(), sample.constantLeft() ? column.getObject(row) : constant, simd)
                  .isEqualTo(expected(column, row, constant, sample));
            }
          }
        }
      }
    }
  }

  private static Number constant(double value, DataType type) {
    return switch (type) {
      case DataType.Int64 t -> Double.isNaN(value) ? 0L : (long) value;
      case DataType.Int32 t -> Double.isNaN(value) ? 0 : (int) value;
      case DataType.Float64 t -> value;
      default -> (float) value;
    };
  }

  private static long expected(FixedWidthColumn column, int row, Number constant, Case sample) {
    boolean swap = sample.constantLeft();
    return switch (sample.type()) {
      case DataType.Int64 t -> {
        long x = column.getLong(row);
        long c = constant.longValue();
        yield apply(swap ? c : x, swap ? x : c, sample.op());
      }
      case DataType.Int32 t -> {
        int x = column.getInt(row);
        int c = constant.intValue();
        int a = swap ? c : x;
        int b = swap ? x : c;
        yield switch (sample.op()) {
          case ADD -> a + b;
          case SUB -> a - b;
          default -> a * b;
        };
      }
      case DataType.Float64 t -> {
        double x = column.getDouble(row);
        double c = constant.doubleValue();
        double a = swap ? c : x;
        double b = swap ? x : c;
        yield Double.doubleToLongBits(switch (sample.op()) {
          case ADD -> a + b;
          case SUB -> a - b;
          default -> a * b;
        });
      }
      default -> {
        float x = column.getFloat(row);
        float c = constant.floatValue();
        float a = swap ? c : x;
        float b = swap ? x : c;
        yield Float.floatToIntBits(switch (sample.op()) {
          case ADD -> a + b;
          case SUB -> a - b;
          default -> a * b;
        });
      }
    };
  }

  private static long apply(long a, long b, ArithmeticOp op) {
    return switch (op) {
      case ADD -> a + b;
      case SUB -> a - b;
      default -> a * b;
    };
  }

  private static long bits(FixedWidthColumn column, int row) {
    return switch (column.type()) {
      case DataType.Int64 t -> column.getLong(row);
      case DataType.Int32 t -> column.getInt(row);
      case DataType.Float64 t -> Double.doubleToLongBits(column.getDouble(row));
      default -> Float.floatToIntBits(column.getFloat(row));
    };
  }
}
