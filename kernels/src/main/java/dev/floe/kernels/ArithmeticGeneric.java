package dev.floe.kernels;

import dev.floe.errors.ComputeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The element-at-a-time path of {@link Arithmetic}: every integer width and both float widths,
 * every operator, column or scalar on either side. Used for the operators and types the twin
 * kernels do not cover and for column-scalar operations. Integers are computed in 64 bits and
 * stored truncated to the type's width, which wraps exactly as arithmetic in the narrow type would.
 */
final class ArithmeticGeneric {
  private ArithmeticGeneric() {}

  /** {@code left op right}; exactly one of each pair (column, scalar) is non-null. */
  static FixedWidthColumn binary(
      FixedWidthColumn left, Object leftScalar, FixedWidthColumn right, Object rightScalar,
      ArithmeticOp op, DataType type, int length, BufferAllocator allocator) {
    boolean floating = type.isFloatingPoint();
    boolean unsigned64 = type instanceof DataType.UInt64;
    Buffer values = allocator.allocate(Math.max((long) length * type.byteWidth(), 1));
    Buffer validity = allocator.allocateZeroed(Math.max(Bitmaps.bytesFor(length), 1));
    try {
      MemorySegment out = values.segment();
      MemorySegment bits = validity.segment();
      for (int row = 0; row < length; row++) {
        boolean valid = (left == null || left.isValid(row)) && (right == null || right.isValid(row));
        if (!valid) {
          store(out, type, row, 0L);
          continue;
        }
        if (floating) {
          double a = left == null ? ((Number) leftScalar).doubleValue() : AggregateValues.asDouble(left, row);
          double b = right == null ? ((Number) rightScalar).doubleValue() : AggregateValues.asDouble(right, row);
          storeDouble(out, type, row,
              type instanceof DataType.Float32 ? floatOp32(op, (float) a, (float) b) : floatOp(op, a, b));
          Bitmaps.set(bits, row);
          continue;
        }
        long a = left == null ? ((Number) leftScalar).longValue() : AggregateValues.asLong(left, row);
        long b = right == null ? ((Number) rightScalar).longValue() : AggregateValues.asLong(right, row);
        if (b == 0 && (op == ArithmeticOp.FLOOR_DIV || op == ArithmeticOp.MOD)) {
          store(out, type, row, 0L); // Polars: integer division by zero is null
          continue;
        }
        store(out, type, row, integerOp(op, a, b, unsigned64, type));
        Bitmaps.set(bits, row);
      }
    } catch (RuntimeException failure) {
      values.release();
      validity.release();
      throw failure;
    }
    return new FixedWidthColumn(type, 0, length, -1, validity, values);
  }

  static double floatOp(ArithmeticOp op, double a, double b) {
    return switch (op) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
      case FLOOR_DIV -> Math.floor(a / b);
      // Polars (checked on 1.44.2): the result takes the divisor's sign, and -0.0 % 3.0 is 0.0,
      // which is a - b * floor(a / b) (x % 0.0 is NaN).
      case MOD -> a - b * Math.floor(a / b);
      case POW -> Math.pow(a, b);
    };
  }

  /** {@link #floatOp} in float precision, as Polars computes f32 ({@code 3 // 0.33333334f} is 9). */
  static float floatOp32(ArithmeticOp op, float a, float b) {
    return switch (op) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
      case FLOOR_DIV -> (float) Math.floor(a / b);
      case MOD -> a - b * (float) Math.floor(a / b);
      case POW -> (float) Math.pow(a, b);
    };
  }

  static long integerOp(ArithmeticOp op, long a, long b, boolean unsigned64, DataType type) {
    return switch (op) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      // Math.floorDiv(MIN, -1) is MIN and floorMod(MIN, -1) is 0, as Polars answers.
      case FLOOR_DIV -> unsigned64 ? Long.divideUnsigned(a, b) : Math.floorDiv(a, b);
      case MOD -> unsigned64 ? Long.remainderUnsigned(a, b) : Math.floorMod(a, b);
      case POW -> wrappingPow(a, b, type);
      case DIV -> throw new InvalidOperationException(
          "true division of " + type + " values: cast to f64 first (the planner does)");
    };
  }

  /** Exponentiation by squaring with wrapping multiplication, as Rust's wrapping_pow. */
  private static long wrappingPow(long base, long exponent, DataType type) {
    if (exponent < 0 && type.isSignedInteger()) {
      throw new ComputeException(
          "cannot raise " + type + " value " + base + " to the negative power " + exponent
              + "; cast the base or exponent to a float first");
    }
    long result = 1;
    long factor = base;
    for (long remaining = exponent; remaining != 0; remaining >>>= 1) {
      if ((remaining & 1) != 0) {
        result *= factor;
      }
      factor *= factor;
    }
    return result;
  }

  static void store(MemorySegment out, DataType type, long row, long value) {
    switch (type.byteWidth()) {
      case 1 -> out.set(ValueLayout.JAVA_BYTE, row, (byte) value);
      case 2 -> out.set(ValueLayout.JAVA_SHORT_UNALIGNED, row << 1, (short) value);
      case 4 -> out.set(ValueLayout.JAVA_INT_UNALIGNED, row << 2, (int) value);
      default -> out.set(ValueLayout.JAVA_LONG_UNALIGNED, row << 3, value);
    }
  }

  static void storeDouble(MemorySegment out, DataType type, long row, double value) {
    if (type instanceof DataType.Float32) {
      out.set(ValueLayout.JAVA_FLOAT_UNALIGNED, row << 2, (float) value);
    } else {
      out.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, row << 3, value);
    }
  }

  /** Maps each valid value through a long (integers) or double (floats) function. */
  static FixedWidthColumn unary(
      Column column, java.util.function.LongUnaryOperator integers,
      java.util.function.DoubleUnaryOperator floats, DataType resultType,
      BufferAllocator allocator) {
    return unary(column, integers, floats, resultType, allocator, column.type().isFloatingPoint());
  }

  /**
   * As above; {@code floating} chooses the double path (read as double, {@code floats}, store as
   * the result type) or the long path, so casts can read integers as doubles.
   */
  static FixedWidthColumn unary(
      Column column, java.util.function.LongUnaryOperator integers,
      java.util.function.DoubleUnaryOperator floats, DataType resultType,
      BufferAllocator allocator, boolean floating) {
    FixedWidthColumn input = (FixedWidthColumn) column;
    int length = input.length();
    Buffer values = allocator.allocate(Math.max((long) length * resultType.byteWidth(), 1));
    Buffer validity = null;
    try {
      validity = ArithmeticValidity.copy(input, allocator);
      MemorySegment out = values.segment();
      for (int row = 0; row < length; row++) {
        if (input.isNull(row)) {
          store(out, resultType, row, 0L);
        } else if (floating) {
          storeDouble(out, resultType, row, floats.applyAsDouble(AggregateValues.asDouble(input, row)));
        } else {
          store(out, resultType, row, integers.applyAsLong(AggregateValues.asLong(input, row)));
        }
      }
    } catch (RuntimeException failure) {
      values.release();
      if (validity != null) {
        validity.release();
      }
      throw failure;
    }
    return ArithmeticValidity.column(resultType, length, validity, values);
  }
}
