package dev.floe.kernels;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.util.List;

/**
 * A float column divided by a scalar, as Polars computes it (polars-compute's float arithmetic,
 * checked on 1.44.2): with {@code inv = 1 / b} in the column's precision, {@code x / b} is {@code
 * x * inv}, {@code x // b} is {@code floor(x * inv)} and {@code x % b} is {@code x - b * floor(x *
 * inv)}. This differs from exact division in the last bit for some values ({@code f32 -3.5 / 1.5}
 * is -2.3333335, {@code 0.3 / 0.1} is 3.0, {@code 0.3 % 0.1} is -5.55e-17), and Floe's results must
 * be Polars'.
 */
public final class FloatScalarDivision {
  private FloatScalarDivision() {}

  /** The reciprocal of {@code divisor} in {@code type}'s precision (Float or Double). */
  public static Number reciprocal(Number divisor, DataType type) {
    return type instanceof DataType.Float32
        ? (Number) (1.0f / divisor.floatValue())
        : (Number) (1.0 / divisor.doubleValue());
  }

  /** {@code column op divisor} for DIV, FLOOR_DIV and MOD of a Float32 or Float64 column. */
  static Column divide(Column column, Number divisor, ArithmeticOp op, BufferAllocator allocator) {
    DataType type = column.type();
    Number inverse = reciprocal(divisor, type);
    FixedWidthColumn fixed = (FixedWidthColumn) column;
    if (op == ArithmeticOp.DIV) {
      return ArithmeticProgram.run(
          List.of(
              new ArithmeticProgram.Load(fixed),
              new ArithmeticProgram.Constant(inverse),
              new ArithmeticProgram.Apply(ArithmeticOp.MUL)),
          type, column.length(), allocator);
    }
    boolean floor = op == ArithmeticOp.FLOOR_DIV;
    if (type instanceof DataType.Float32) {
      float inv = inverse.floatValue();
      float b = divisor.floatValue();
      return ArithmeticGeneric.unary(column, value -> value, value -> {
        float x = (float) value;
        float quotient = (float) Math.floor(x * inv);
        return floor ? quotient : x - b * quotient;
      }, type, allocator);
    }
    double inv = inverse.doubleValue();
    double b = divisor.doubleValue();
    return ArithmeticGeneric.unary(column, value -> value, value -> {
      double quotient = Math.floor(value * inv);
      return floor ? quotient : value - b * quotient;
    }, type, allocator);
  }
}
