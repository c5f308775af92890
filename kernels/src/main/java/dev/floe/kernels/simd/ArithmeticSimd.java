package dev.floe.kernels.simd;

import dev.floe.kernels.scalar.ArithmeticScalar;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise add, sub, mul (and div for floats) of Int32, Int64, Float32 and Float64 columns;
 * same signatures and bit-identical results as {@link ArithmeticScalar} (integer ops wrap, IEEE
 * float ops are exact per element, so there is no association to differ in). Values of null slots
 * are computed too and ignored: validity is the AND of the inputs' bitmaps, made by the facade a
 * 64-bit word at a time. Operands start at element offsets; {@code out} starts at element 0.
 *
 * <p>One method per (operator, type): an operator passed as a parameter is not a constant to C2,
 * and a non-constant {@code lanewise} operator falls off the intrinsic (STACK.md).
 */
public final class ArithmeticSimd {
  private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

  private ArithmeticSimd() {}

  public static void addLong(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    int lanes = LONGS.length();
    long leftBase = (long) leftOffset << 3;
    long rightBase = (long) rightOffset << 3;
    long outBase = (long) outOffset << 3;
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      long at = (long) row << 3;
      LongVector a = LongVector.fromMemorySegment(LONGS, left, leftBase + at, LE);
      LongVector b = LongVector.fromMemorySegment(LONGS, right, rightBase + at, LE);
      a.add(b).intoMemorySegment(out, outBase + at, LE);
    }
    ArithmeticScalar.addLong(left, leftOffset + row, right, rightOffset + row,
        out, outOffset + row, length - row);
  }

  public static void subLong(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    int lanes = LONGS.length();
    long leftBase = (long) leftOffset << 3;
    long rightBase = (long) rightOffset << 3;
    long outBase = (long) outOffset << 3;
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      long at = (long) row << 3;
      LongVector a = LongVector.fromMemorySegment(LONGS, left, leftBase + at, LE);
      LongVector b = LongVector.fromMemorySegment(LONGS, right, rightBase + at, LE);
      a.sub(b).intoMemorySegment(out, outBase + at, LE);
    }
    ArithmeticScalar.subLong(left, leftOffset + row, right, rightOffset + row,
        out, outOffset + row, length - row);
  }

  public static void mulLong(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    int lanes = LONGS.length();
    long leftBase = (long) leftOffset << 3;
    long rightBase = (long) rightOffset << 3;
    long outBase = (long) outOffset << 3;
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      long at = (long) row << 3;
      LongVector a = LongVector.fromMemorySegment(LONGS, left, leftBase + at, LE);
      LongVector b = LongVector.fromMemorySegment(LONGS, right, rightBase + at, LE);
      a.mul(b).intoMemorySegment(out, outBase + at, LE);
    }
    ArithmeticScalar.mulLong(left, leftOffset + row, right, rightOffset + row,
        out, outOffset + row, length - row);
  }

  public static void addInt(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    int lanes = INTS.length();
    long leftBase = (long) leftOffset << 2;
    long rightBase = (long) rightOffset << 2;
    long outBase = (long) outOffset << 2;
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      long at = (long) row << 2;
      IntVector a = IntVector.fromMemorySegment(INTS, left, leftBase + at, LE);
      IntVector b = IntVector.fromMemorySegment(INTS, right, rightBase + at, LE);
      a.add(b).intoMemorySegment(out, outBase + at, LE);
    }
    ArithmeticScalar.addInt(left, leftOffset + row, right, rightOffset + row,
        out, outOffset + row, length - row);
  }

  public static void subInt(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    int lanes = INTS.length();
    long leftBase = (long) leftOffset << 2;
    long rightBase = (long) rightOffset << 2;
    long outBase = (long) outOffset << 2;
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      long at = (long) row << 2;
      IntVector a = IntVector.fromMemorySegment(INTS, left, leftBase + at, LE);
      IntVector b = IntVector.fromMemorySegment(INTS, right, rightBase + at, LE);
      a.sub(b).intoMemorySegment(out, outBase + at, LE);
    }
    ArithmeticScalar.subInt(left, leftOffset + row, right, rightOffset + row,
        out, outOffset + row, length - row);
  }

  public static void mulInt(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    int lanes = INTS.length();
    long leftBase = (long) leftOffset << 2;
    long rightBase = (long) rightOffset << 2;
    long outBase = (long) outOffset << 2;
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      long at = (long) row << 2;
      IntVector a = IntVector.fromMemorySegment(INTS, left, leftBase + at, LE);
      IntVector b = IntVector.fromMemorySegment(INTS, right, rightBase + at, LE);
      a.mul(b).intoMemorySegment(out, outBase + at, LE);
    }
    ArithmeticScalar.mulInt(left, leftOffset + row, right, rightOffset + row,
        out, outOffset + row, length - row);
  }

  public static void addDouble(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    int lanes = DOUBLES.length();
    long leftBase = (long) leftOffset << 3;
    long rightBase = (long) rightOffset << 3;
    long outBase = (long) outOffset << 3;
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      long at = (long) row << 3;
      DoubleVector a = DoubleVector.fromMemorySegment(DOUBLES, left, leftBase + at, LE);
      DoubleVector b = DoubleVector.fromMemorySegment(DOUBLES, right, rightBase + at, LE);
      a.add(b).intoMemorySegment(out, outBase + at, LE);
    }
    ArithmeticScalar.addDouble(left, leftOffset + row, right, rightOffset + row,
        out, outOffset + row, length - row);
  }

  public static void subDouble(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    int lanes = DOUBLES.length();
    long leftBase = (long) leftOffset << 3;
    long rightBase = (long) rightOffset << 3;
    long outBase = (long) outOffset << 3;
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      long at = (long) row << 3;
      DoubleVector a = DoubleVector.fromMemorySegment(DOUBLES, left, leftBase + at, LE);
      DoubleVector b = DoubleVector.fromMemorySegment(DOUBLES, right, rightBase + at, LE);
      a.sub(b).intoMemorySegment(out, outBase + at, LE);
    }
    ArithmeticScalar.subDouble(left, leftOffset + row, right, rightOffset + row,
        out, outOffset + row, length - row);
  }

  public static void mulDouble(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    int lanes = DOUBLES.length();
    long leftBase = (long) leftOffset << 3;
    long rightBase = (long) rightOffset << 3;
    long outBase = (long) outOffset << 3;
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      long at = (long) row << 3;
      DoubleVector a = DoubleVector.fromMemorySegment(DOUBLES, left, leftBase + at, LE);
      DoubleVector b = DoubleVector.fromMemorySegment(DOUBLES, right, rightBase + at, LE);
      a.mul(b).intoMemorySegment(out, outBase + at, LE);
    }
    ArithmeticScalar.mulDouble(left, leftOffset + row, right, rightOffset + row,
        out, outOffset + row, length - row);
  }

  public static void divDouble(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    int lanes = DOUBLES.length();
    long leftBase = (long) leftOffset << 3;
    long rightBase = (long) rightOffset << 3;
    long outBase = (long) outOffset << 3;
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      long at = (long) row << 3;
      DoubleVector a = DoubleVector.fromMemorySegment(DOUBLES, left, leftBase + at, LE);
      DoubleVector b = DoubleVector.fromMemorySegment(DOUBLES, right, rightBase + at, LE);
      a.div(b).intoMemorySegment(out, outBase + at, LE);
    }
    ArithmeticScalar.divDouble(left, leftOffset + row, right, rightOffset + row,
        out, outOffset + row, length - row);
  }

  public static void addFloat(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    int lanes = FLOATS.length();
    long leftBase = (long) leftOffset << 2;
    long rightBase = (long) rightOffset << 2;
    long outBase = (long) outOffset << 2;
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      long at = (long) row << 2;
      FloatVector a = FloatVector.fromMemorySegment(FLOATS, left, leftBase + at, LE);
      FloatVector b = FloatVector.fromMemorySegment(FLOATS, right, rightBase + at, LE);
      a.add(b).intoMemorySegment(out, outBase + at, LE);
    }
    ArithmeticScalar.addFloat(left, leftOffset + row, right, rightOffset + row,
        out, outOffset + row, length - row);
  }

  public static void subFloat(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    int lanes = FLOATS.length();
    long leftBase = (long) leftOffset << 2;
    long rightBase = (long) rightOffset << 2;
    long outBase = (long) outOffset << 2;
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      long at = (long) row << 2;
      FloatVector a = FloatVector.fromMemorySegment(FLOATS, left, leftBase + at, LE);
      FloatVector b = FloatVector.fromMemorySegment(FLOATS, right, rightBase + at, LE);
      a.sub(b).intoMemorySegment(out, outBase + at, LE);
    }
    ArithmeticScalar.subFloat(left, leftOffset + row, right, rightOffset + row,
        out, outOffset + row, length - row);
  }

  public static void mulFloat(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    int lanes = FLOATS.length();
    long leftBase = (long) leftOffset << 2;
    long rightBase = (long) rightOffset << 2;
    long outBase = (long) outOffset << 2;
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      long at = (long) row << 2;
      FloatVector a = FloatVector.fromMemorySegment(FLOATS, left, leftBase + at, LE);
      FloatVector b = FloatVector.fromMemorySegment(FLOATS, right, rightBase + at, LE);
      a.mul(b).intoMemorySegment(out, outBase + at, LE);
    }
    ArithmeticScalar.mulFloat(left, leftOffset + row, right, rightOffset + row,
        out, outOffset + row, length - row);
  }

  public static void divFloat(
      MemorySegment left, int leftOffset, MemorySegment right, int rightOffset,
      MemorySegment out, int outOffset, int length) {
    int lanes = FLOATS.length();
    long leftBase = (long) leftOffset << 2;
    long rightBase = (long) rightOffset << 2;
    long outBase = (long) outOffset << 2;
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      long at = (long) row << 2;
      FloatVector a = FloatVector.fromMemorySegment(FLOATS, left, leftBase + at, LE);
      FloatVector b = FloatVector.fromMemorySegment(FLOATS, right, rightBase + at, LE);
      a.div(b).intoMemorySegment(out, outBase + at, LE);
    }
    ArithmeticScalar.divFloat(left, leftOffset + row, right, rightOffset + row,
        out, outOffset + row, length - row);
  }
}
