package dev.floe.kernels.scalar;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Scalar twins of {@code dev.floe.kernels.simd.ArithmeticSimd}: element-wise add, sub, mul (and div
 * for floats) of Int32, Int64, Float32 and Float64. Integer results wrap (Java's two's complement
 * arithmetic, like Polars/Rust release builds); float results are IEEE (x / 0 is +-inf or NaN).
 */
public final class ArithmeticScalar {
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;
  private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;

  private ArithmeticScalar() {}

  public static void addLong(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      long a = left.get(LONG, (leftOffset + (long) row) << 3);
      long b = right.get(LONG, (rightOffset + (long) row) << 3);
      out.set(LONG, (outOffset + (long) row) << 3, a + b);
    }
  }

  public static void subLong(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      long a = left.get(LONG, (leftOffset + (long) row) << 3);
      long b = right.get(LONG, (rightOffset + (long) row) << 3);
      out.set(LONG, (outOffset + (long) row) << 3, a - b);
    }
  }

  public static void mulLong(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      long a = left.get(LONG, (leftOffset + (long) row) << 3);
      long b = right.get(LONG, (rightOffset + (long) row) << 3);
      out.set(LONG, (outOffset + (long) row) << 3, a * b);
    }
  }

  public static void addInt(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      int a = left.get(INT, (leftOffset + (long) row) << 2);
      int b = right.get(INT, (rightOffset + (long) row) << 2);
      out.set(INT, (outOffset + (long) row) << 2, a + b);
    }
  }

  public static void subInt(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      int a = left.get(INT, (leftOffset + (long) row) << 2);
      int b = right.get(INT, (rightOffset + (long) row) << 2);
      out.set(INT, (outOffset + (long) row) << 2, a - b);
    }
  }

  public static void mulInt(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      int a = left.get(INT, (leftOffset + (long) row) << 2);
      int b = right.get(INT, (rightOffset + (long) row) << 2);
      out.set(INT, (outOffset + (long) row) << 2, a * b);
    }
  }

  public static void addDouble(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      double a = left.get(DOUBLE, (leftOffset + (long) row) << 3);
      double b = right.get(DOUBLE, (rightOffset + (long) row) << 3);
      out.set(DOUBLE, (outOffset + (long) row) << 3, a + b);
    }
  }

  public static void subDouble(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      double a = left.get(DOUBLE, (leftOffset + (long) row) << 3);
      double b = right.get(DOUBLE, (rightOffset + (long) row) << 3);
      out.set(DOUBLE, (outOffset + (long) row) << 3, a - b);
    }
  }

  public static void mulDouble(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      double a = left.get(DOUBLE, (leftOffset + (long) row) << 3);
      double b = right.get(DOUBLE, (rightOffset + (long) row) << 3);
      out.set(DOUBLE, (outOffset + (long) row) << 3, a * b);
    }
  }

  public static void divDouble(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      double a = left.get(DOUBLE, (leftOffset + (long) row) << 3);
      double b = right.get(DOUBLE, (rightOffset + (long) row) << 3);
      out.set(DOUBLE, (outOffset + (long) row) << 3, a / b);
    }
  }

  public static void addFloat(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      float a = left.get(FLOAT, (leftOffset + (long) row) << 2);
      float b = right.get(FLOAT, (rightOffset + (long) row) << 2);
      out.set(FLOAT, (outOffset + (long) row) << 2, a + b);
    }
  }

  public static void subFloat(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      float a = left.get(FLOAT, (leftOffset + (long) row) << 2);
      float b = right.get(FLOAT, (rightOffset + (long) row) << 2);
      out.set(FLOAT, (outOffset + (long) row) << 2, a - b);
    }
  }

  public static void mulFloat(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      float a = left.get(FLOAT, (leftOffset + (long) row) << 2);
      float b = right.get(FLOAT, (rightOffset + (long) row) << 2);
      out.set(FLOAT, (outOffset + (long) row) << 2, a * b);
    }
  }

  public static void divFloat(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    for (int row = 0; row < length; row++) {
      float a = left.get(FLOAT, (leftOffset + (long) row) << 2);
      float b = right.get(FLOAT, (rightOffset + (long) row) << 2);
      out.set(FLOAT, (outOffset + (long) row) << 2, a / b);
    }
  }
}
