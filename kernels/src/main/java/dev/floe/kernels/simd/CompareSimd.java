package dev.floe.kernels.simd;

import dev.floe.kernels.CompareKernels;
import dev.floe.kernels.scalar.CompareScalar;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Comparisons to bitmaps with the Vector API: 64 rows make one output word, built from
 * {@code 64 / lanes} vector compares whose masks {@code VectorMask.toLong()} shifts into place (8
 * compares of 8 longs with AVX-512). One small static-shaped method per operator and type, with a
 * constant operator, so C2 intrinsifies every compare and no vector is boxed (STACK.md). The partial
 * last word is the scalar twin's code ({@link CompareScalar}).
 */
public final class CompareSimd implements CompareKernels {
  public static final CompareSimd INSTANCE = new CompareSimd();

  private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;

  private CompareSimd() {}

  @Override
  public void eqLong(MemorySegment values, long first, int length, long constant, MemorySegment out) {
    int words = length >>> 6;
    LongVector c = LongVector.broadcast(LONGS, constant);
    for (int word = 0; word < words; word++) {
      long rowByte = (first + ((long) word << 6)) * 8;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += LONGS.length()) {
        LongVector v = LongVector.fromMemorySegment(LONGS, values, rowByte + (long) lane * 8, LE);
        bits |= v.compare(VectorOperators.EQ, c).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.eqLongWords(values, first, length, constant, out, words);
  }

  @Override
  public void ltLong(MemorySegment values, long first, int length, long constant, MemorySegment out) {
    int words = length >>> 6;
    LongVector c = LongVector.broadcast(LONGS, constant);
    for (int word = 0; word < words; word++) {
      long rowByte = (first + ((long) word << 6)) * 8;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += LONGS.length()) {
        LongVector v = LongVector.fromMemorySegment(LONGS, values, rowByte + (long) lane * 8, LE);
        bits |= v.compare(VectorOperators.LT, c).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.ltLongWords(values, first, length, constant, out, words);
  }

  @Override
  public void gtLong(MemorySegment values, long first, int length, long constant, MemorySegment out) {
    int words = length >>> 6;
    LongVector c = LongVector.broadcast(LONGS, constant);
    for (int word = 0; word < words; word++) {
      long rowByte = (first + ((long) word << 6)) * 8;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += LONGS.length()) {
        LongVector v = LongVector.fromMemorySegment(LONGS, values, rowByte + (long) lane * 8, LE);
        bits |= v.compare(VectorOperators.GT, c).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.gtLongWords(values, first, length, constant, out, words);
  }

  @Override
  public void eqLongs(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out) {
    int words = length >>> 6;
    for (int word = 0; word < words; word++) {
      long leftByte = (leftFirst + ((long) word << 6)) * 8;
      long rightByte = (rightFirst + ((long) word << 6)) * 8;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += LONGS.length()) {
        LongVector x = LongVector.fromMemorySegment(LONGS, left, leftByte + (long) lane * 8, LE);
        LongVector y = LongVector.fromMemorySegment(LONGS, right, rightByte + (long) lane * 8, LE);
        bits |= x.compare(VectorOperators.EQ, y).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.eqLongsWords(left, leftFirst, right, rightFirst, length, out, words);
  }

  @Override
  public void ltLongs(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out) {
    int words = length >>> 6;
    for (int word = 0; word < words; word++) {
      long leftByte = (leftFirst + ((long) word << 6)) * 8;
      long rightByte = (rightFirst + ((long) word << 6)) * 8;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += LONGS.length()) {
        LongVector x = LongVector.fromMemorySegment(LONGS, left, leftByte + (long) lane * 8, LE);
        LongVector y = LongVector.fromMemorySegment(LONGS, right, rightByte + (long) lane * 8, LE);
        bits |= x.compare(VectorOperators.LT, y).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.ltLongsWords(left, leftFirst, right, rightFirst, length, out, words);
  }

  @Override
  public void eqInt(MemorySegment values, long first, int length, int constant, MemorySegment out) {
    int words = length >>> 6;
    IntVector c = IntVector.broadcast(INTS, constant);
    for (int word = 0; word < words; word++) {
      long rowByte = (first + ((long) word << 6)) * 4;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += INTS.length()) {
        IntVector v = IntVector.fromMemorySegment(INTS, values, rowByte + (long) lane * 4, LE);
        bits |= v.compare(VectorOperators.EQ, c).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.eqIntWords(values, first, length, constant, out, words);
  }

  @Override
  public void ltInt(MemorySegment values, long first, int length, int constant, MemorySegment out) {
    int words = length >>> 6;
    IntVector c = IntVector.broadcast(INTS, constant);
    for (int word = 0; word < words; word++) {
      long rowByte = (first + ((long) word << 6)) * 4;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += INTS.length()) {
        IntVector v = IntVector.fromMemorySegment(INTS, values, rowByte + (long) lane * 4, LE);
        bits |= v.compare(VectorOperators.LT, c).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.ltIntWords(values, first, length, constant, out, words);
  }

  @Override
  public void gtInt(MemorySegment values, long first, int length, int constant, MemorySegment out) {
    int words = length >>> 6;
    IntVector c = IntVector.broadcast(INTS, constant);
    for (int word = 0; word < words; word++) {
      long rowByte = (first + ((long) word << 6)) * 4;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += INTS.length()) {
        IntVector v = IntVector.fromMemorySegment(INTS, values, rowByte + (long) lane * 4, LE);
        bits |= v.compare(VectorOperators.GT, c).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.gtIntWords(values, first, length, constant, out, words);
  }

  @Override
  public void eqInts(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out) {
    int words = length >>> 6;
    for (int word = 0; word < words; word++) {
      long leftByte = (leftFirst + ((long) word << 6)) * 4;
      long rightByte = (rightFirst + ((long) word << 6)) * 4;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += INTS.length()) {
        IntVector x = IntVector.fromMemorySegment(INTS, left, leftByte + (long) lane * 4, LE);
        IntVector y = IntVector.fromMemorySegment(INTS, right, rightByte + (long) lane * 4, LE);
        bits |= x.compare(VectorOperators.EQ, y).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.eqIntsWords(left, leftFirst, right, rightFirst, length, out, words);
  }

  @Override
  public void ltInts(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out) {
    int words = length >>> 6;
    for (int word = 0; word < words; word++) {
      long leftByte = (leftFirst + ((long) word << 6)) * 4;
      long rightByte = (rightFirst + ((long) word << 6)) * 4;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += INTS.length()) {
        IntVector x = IntVector.fromMemorySegment(INTS, left, leftByte + (long) lane * 4, LE);
        IntVector y = IntVector.fromMemorySegment(INTS, right, rightByte + (long) lane * 4, LE);
        bits |= x.compare(VectorOperators.LT, y).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.ltIntsWords(left, leftFirst, right, rightFirst, length, out, words);
  }

  @Override
  public void eqDouble(MemorySegment values, long first, int length, double constant, MemorySegment out) {
    int words = length >>> 6;
    DoubleVector c = DoubleVector.broadcast(DOUBLES, constant);
    for (int word = 0; word < words; word++) {
      long rowByte = (first + ((long) word << 6)) * 8;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += DOUBLES.length()) {
        DoubleVector v = DoubleVector.fromMemorySegment(DOUBLES, values, rowByte + (long) lane * 8, LE);
        bits |= v.compare(VectorOperators.EQ, c).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.eqDoubleWords(values, first, length, constant, out, words);
  }

  @Override
  public void ltDouble(MemorySegment values, long first, int length, double constant, MemorySegment out) {
    int words = length >>> 6;
    DoubleVector c = DoubleVector.broadcast(DOUBLES, constant);
    for (int word = 0; word < words; word++) {
      long rowByte = (first + ((long) word << 6)) * 8;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += DOUBLES.length()) {
        DoubleVector v = DoubleVector.fromMemorySegment(DOUBLES, values, rowByte + (long) lane * 8, LE);
        bits |= v.compare(VectorOperators.LT, c).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.ltDoubleWords(values, first, length, constant, out, words);
  }

  @Override
  public void gtDouble(MemorySegment values, long first, int length, double constant, MemorySegment out) {
    int words = length >>> 6;
    DoubleVector c = DoubleVector.broadcast(DOUBLES, constant);
    for (int word = 0; word < words; word++) {
      long rowByte = (first + ((long) word << 6)) * 8;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += DOUBLES.length()) {
        DoubleVector v = DoubleVector.fromMemorySegment(DOUBLES, values, rowByte + (long) lane * 8, LE);
        bits |= v.compare(VectorOperators.LE, c).not().toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.gtDoubleWords(values, first, length, constant, out, words);
  }

  @Override
  public void eqDoubles(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out) {
    int words = length >>> 6;
    for (int word = 0; word < words; word++) {
      long leftByte = (leftFirst + ((long) word << 6)) * 8;
      long rightByte = (rightFirst + ((long) word << 6)) * 8;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += DOUBLES.length()) {
        DoubleVector x = DoubleVector.fromMemorySegment(DOUBLES, left, leftByte + (long) lane * 8, LE);
        DoubleVector y = DoubleVector.fromMemorySegment(DOUBLES, right, rightByte + (long) lane * 8, LE);
        bits |= x.compare(VectorOperators.EQ, y).or(x.test(VectorOperators.IS_NAN).and(y.test(VectorOperators.IS_NAN))).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.eqDoublesWords(left, leftFirst, right, rightFirst, length, out, words);
  }

  @Override
  public void ltDoubles(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out) {
    int words = length >>> 6;
    for (int word = 0; word < words; word++) {
      long leftByte = (leftFirst + ((long) word << 6)) * 8;
      long rightByte = (rightFirst + ((long) word << 6)) * 8;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += DOUBLES.length()) {
        DoubleVector x = DoubleVector.fromMemorySegment(DOUBLES, left, leftByte + (long) lane * 8, LE);
        DoubleVector y = DoubleVector.fromMemorySegment(DOUBLES, right, rightByte + (long) lane * 8, LE);
        bits |= x.compare(VectorOperators.LT, y).or(y.test(VectorOperators.IS_NAN).andNot(x.test(VectorOperators.IS_NAN))).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.ltDoublesWords(left, leftFirst, right, rightFirst, length, out, words);
  }

  @Override
  public void isNanDouble(MemorySegment values, long first, int length, MemorySegment out) {
    int words = length >>> 6;
    for (int word = 0; word < words; word++) {
      long rowByte = (first + ((long) word << 6)) * 8;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += DOUBLES.length()) {
        DoubleVector v = DoubleVector.fromMemorySegment(DOUBLES, values, rowByte + (long) lane * 8, LE);
        bits |= v.test(VectorOperators.IS_NAN).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.isNanDoubleWords(values, first, length, out, words);
  }

  @Override
  public void isFiniteDouble(MemorySegment values, long first, int length, MemorySegment out) {
    int words = length >>> 6;
    for (int word = 0; word < words; word++) {
      long rowByte = (first + ((long) word << 6)) * 8;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += DOUBLES.length()) {
        DoubleVector v = DoubleVector.fromMemorySegment(DOUBLES, values, rowByte + (long) lane * 8, LE);
        bits |= v.test(VectorOperators.IS_FINITE).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.isFiniteDoubleWords(values, first, length, out, words);
  }

  @Override
  public void eqFloat(MemorySegment values, long first, int length, float constant, MemorySegment out) {
    int words = length >>> 6;
    FloatVector c = FloatVector.broadcast(FLOATS, constant);
    for (int word = 0; word < words; word++) {
      long rowByte = (first + ((long) word << 6)) * 4;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += FLOATS.length()) {
        FloatVector v = FloatVector.fromMemorySegment(FLOATS, values, rowByte + (long) lane * 4, LE);
        bits |= v.compare(VectorOperators.EQ, c).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.eqFloatWords(values, first, length, constant, out, words);
  }

  @Override
  public void ltFloat(MemorySegment values, long first, int length, float constant, MemorySegment out) {
    int words = length >>> 6;
    FloatVector c = FloatVector.broadcast(FLOATS, constant);
    for (int word = 0; word < words; word++) {
      long rowByte = (first + ((long) word << 6)) * 4;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += FLOATS.length()) {
        FloatVector v = FloatVector.fromMemorySegment(FLOATS, values, rowByte + (long) lane * 4, LE);
        bits |= v.compare(VectorOperators.LT, c).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.ltFloatWords(values, first, length, constant, out, words);
  }

  @Override
  public void gtFloat(MemorySegment values, long first, int length, float constant, MemorySegment out) {
    int words = length >>> 6;
    FloatVector c = FloatVector.broadcast(FLOATS, constant);
    for (int word = 0; word < words; word++) {
      long rowByte = (first + ((long) word << 6)) * 4;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += FLOATS.length()) {
        FloatVector v = FloatVector.fromMemorySegment(FLOATS, values, rowByte + (long) lane * 4, LE);
        bits |= v.compare(VectorOperators.LE, c).not().toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.gtFloatWords(values, first, length, constant, out, words);
  }

  @Override
  public void eqFloats(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out) {
    int words = length >>> 6;
    for (int word = 0; word < words; word++) {
      long leftByte = (leftFirst + ((long) word << 6)) * 4;
      long rightByte = (rightFirst + ((long) word << 6)) * 4;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += FLOATS.length()) {
        FloatVector x = FloatVector.fromMemorySegment(FLOATS, left, leftByte + (long) lane * 4, LE);
        FloatVector y = FloatVector.fromMemorySegment(FLOATS, right, rightByte + (long) lane * 4, LE);
        bits |= x.compare(VectorOperators.EQ, y).or(x.test(VectorOperators.IS_NAN).and(y.test(VectorOperators.IS_NAN))).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.eqFloatsWords(left, leftFirst, right, rightFirst, length, out, words);
  }

  @Override
  public void ltFloats(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out) {
    int words = length >>> 6;
    for (int word = 0; word < words; word++) {
      long leftByte = (leftFirst + ((long) word << 6)) * 4;
      long rightByte = (rightFirst + ((long) word << 6)) * 4;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += FLOATS.length()) {
        FloatVector x = FloatVector.fromMemorySegment(FLOATS, left, leftByte + (long) lane * 4, LE);
        FloatVector y = FloatVector.fromMemorySegment(FLOATS, right, rightByte + (long) lane * 4, LE);
        bits |= x.compare(VectorOperators.LT, y).or(y.test(VectorOperators.IS_NAN).andNot(x.test(VectorOperators.IS_NAN))).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.ltFloatsWords(left, leftFirst, right, rightFirst, length, out, words);
  }

  @Override
  public void isNanFloat(MemorySegment values, long first, int length, MemorySegment out) {
    int words = length >>> 6;
    for (int word = 0; word < words; word++) {
      long rowByte = (first + ((long) word << 6)) * 4;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += FLOATS.length()) {
        FloatVector v = FloatVector.fromMemorySegment(FLOATS, values, rowByte + (long) lane * 4, LE);
        bits |= v.test(VectorOperators.IS_NAN).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.isNanFloatWords(values, first, length, out, words);
  }

  @Override
  public void isFiniteFloat(MemorySegment values, long first, int length, MemorySegment out) {
    int words = length >>> 6;
    for (int word = 0; word < words; word++) {
      long rowByte = (first + ((long) word << 6)) * 4;
      long bits = 0;
      for (int lane = 0; lane < 64; lane += FLOATS.length()) {
        FloatVector v = FloatVector.fromMemorySegment(FLOATS, values, rowByte + (long) lane * 4, LE);
        bits |= v.test(VectorOperators.IS_FINITE).toLong() << lane;
      }
      out.set(WORD, (long) word << 3, bits);
    }
    CompareScalar.isFiniteFloatWords(values, first, length, out, words);
  }
}
