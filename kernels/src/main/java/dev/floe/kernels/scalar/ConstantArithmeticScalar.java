package dev.floe.kernels.scalar;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The scalar twins of {@code ConstantArithmeticSimd}: {@code column + constant} and {@code column
 * * constant} element by element (integers wrap). Offsets are in elements.
 */
public final class ConstantArithmeticScalar {
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;
  private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;

  private ConstantArithmeticScalar() {}

  public static void addLong(
      MemorySegment left, int leftOffset, long constant, MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      long value = left.get(LONG, (leftOffset + (long) row) << 3);
      out.set(LONG, (outOffset + (long) row) << 3, value + constant);
    }
  }

  public static void mulLong(
      MemorySegment left, int leftOffset, long constant, MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      long value = left.get(LONG, (leftOffset + (long) row) << 3);
      out.set(LONG, (outOffset + (long) row) << 3, value * constant);
    }
  }

  public static void addInt(
      MemorySegment left, int leftOffset, int constant, MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      int value = left.get(INT, (leftOffset + (long) row) << 2);
      out.set(INT, (outOffset + (long) row) << 2, value + constant);
    }
  }

  public static void mulInt(
      MemorySegment left, int leftOffset, int constant, MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      int value = left.get(INT, (leftOffset + (long) row) << 2);
      out.set(INT, (outOffset + (long) row) << 2, value * constant);
    }
  }

  public static void addDouble(
      MemorySegment left, int leftOffset, double constant, MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      double value = left.get(DOUBLE, (leftOffset + (long) row) << 3);
      out.set(DOUBLE, (outOffset + (long) row) << 3, value + constant);
    }
  }

  public static void mulDouble(
      MemorySegment left, int leftOffset, double constant, MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      double value = left.get(DOUBLE, (leftOffset + (long) row) << 3);
      out.set(DOUBLE, (outOffset + (long) row) << 3, value * constant);
    }
  }

  public static void addFloat(
      MemorySegment left, int leftOffset, float constant, MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      float value = left.get(FLOAT, (leftOffset + (long) row) << 2);
      out.set(FLOAT, (outOffset + (long) row) << 2, value + constant);
    }
  }

  public static void mulFloat(
      MemorySegment left, int leftOffset, float constant, MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      float value = left.get(FLOAT, (leftOffset + (long) row) << 2);
      out.set(FLOAT, (outOffset + (long) row) << 2, value * constant);
    }
  }
}
