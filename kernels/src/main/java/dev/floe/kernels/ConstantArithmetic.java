package dev.floe.kernels;

import dev.floe.kernels.scalar.ConstantArithmeticScalar;
import dev.floe.kernels.simd.ConstantArithmeticSimd;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;

/**
 * Dispatch to the column-constant kernels for {@link ArithmeticProgram}: an operation whose one
 * operand is a constant reads only the column, with the constant in a register. Subtracting a
 * constant is adding its negation ({@link #negate}), exact for wrapping integers and IEEE floats.
 */
final class ConstantArithmetic {
  private ConstantArithmetic() {}

  /** {@code -constant} in {@code type}'s arithmetic (integers wrap: {@code -MIN = MIN}). */
  static Number negate(Number constant, DataType type) {
    return switch (type) {
      case DataType.Int64 t -> -constant.longValue();
      case DataType.Int32 t -> -constant.intValue();
      case DataType.Float64 t -> -constant.doubleValue();
      default -> -constant.floatValue();
    };
  }

  /**
   * {@code a op constant} for ADD or MUL through the broadcast-constant kernels (one per type and
   * implementation); the constant is a Number of any numeric class, narrowed to {@code type}.
   */
  static void run(MemorySegment a, int aOffset, Number constant, MemorySegment out, int outOffset,
      int length, ArithmeticOp op, DataType type, boolean simd) {
    boolean add = switch (op) {
      case ADD -> true;
      case MUL -> false;
      default -> throw new IllegalStateException(op + " has no constant kernel");
    };
    switch (type) {
      case DataType.Int64 t -> {
        long c = constant.longValue();
        if (simd) {
          if (add) ConstantArithmeticSimd.addLong(a, aOffset, c, out, outOffset, length);
          else ConstantArithmeticSimd.mulLong(a, aOffset, c, out, outOffset, length);
        } else if (add) ConstantArithmeticScalar.addLong(a, aOffset, c, out, outOffset, length);
        else ConstantArithmeticScalar.mulLong(a, aOffset, c, out, outOffset, length);
      }
      case DataType.Int32 t -> {
        int c = constant.intValue();
        if (simd) {
          if (add) ConstantArithmeticSimd.addInt(a, aOffset, c, out, outOffset, length);
          else ConstantArithmeticSimd.mulInt(a, aOffset, c, out, outOffset, length);
        } else if (add) ConstantArithmeticScalar.addInt(a, aOffset, c, out, outOffset, length);
        else ConstantArithmeticScalar.mulInt(a, aOffset, c, out, outOffset, length);
      }
      case DataType.Float64 t -> {
        double c = constant.doubleValue();
        if (simd) {
          if (add) ConstantArithmeticSimd.addDouble(a, aOffset, c, out, outOffset, length);
          else ConstantArithmeticSimd.mulDouble(a, aOffset, c, out, outOffset, length);
        } else if (add) ConstantArithmeticScalar.addDouble(a, aOffset, c, out, outOffset, length);
        else ConstantArithmeticScalar.mulDouble(a, aOffset, c, out, outOffset, length);
      }
      case DataType.Float32 t -> {
        float c = constant.floatValue();
        if (simd) {
          if (add) ConstantArithmeticSimd.addFloat(a, aOffset, c, out, outOffset, length);
          else ConstantArithmeticSimd.mulFloat(a, aOffset, c, out, outOffset, length);
        } else if (add) ConstantArithmeticScalar.addFloat(a, aOffset, c, out, outOffset, length);
        else ConstantArithmeticScalar.mulFloat(a, aOffset, c, out, outOffset, length);
      }
      default -> throw new IllegalStateException(op + " has no constant kernel for " + type);
    }
  }

}
