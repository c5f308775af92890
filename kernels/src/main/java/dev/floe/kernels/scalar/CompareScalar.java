package dev.floe.kernels.scalar;

import dev.floe.kernels.CompareKernels;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The scalar twin of {@code CompareSimd}: one output word per 64 rows, a bit per row shifted in
 * branch-free. The {@code ...Words} methods compute from a given word on, so the SIMD kernel uses
 * them for its partial last word and both produce identical bits. Generated shapes; keep in step.
 */
public final class CompareScalar implements CompareKernels {
  public static final CompareScalar INSTANCE = new CompareScalar();

  private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;

  private CompareScalar() {}

  @Override
  public void eqLong(MemorySegment values, long first, int length, long constant, MemorySegment out) {
    eqLongWords(values, first, length, constant, out, 0);
  }

  /** Words {@code fromWord..} of {@link #eqLong}; also the tail of the SIMD kernel. */
  public static void eqLongWords(
      MemorySegment values, long first, int length, long constant, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        long x = values.get(ValueLayout.JAVA_LONG_UNALIGNED, (first + start + bit) * 8);
        bits |= (x == constant ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void ltLong(MemorySegment values, long first, int length, long constant, MemorySegment out) {
    ltLongWords(values, first, length, constant, out, 0);
  }

  /** Words {@code fromWord..} of {@link #ltLong}; also the tail of the SIMD kernel. */
  public static void ltLongWords(
      MemorySegment values, long first, int length, long constant, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        long x = values.get(ValueLayout.JAVA_LONG_UNALIGNED, (first + start + bit) * 8);
        bits |= (x < constant ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void gtLong(MemorySegment values, long first, int length, long constant, MemorySegment out) {
    gtLongWords(values, first, length, constant, out, 0);
  }

  /** Words {@code fromWord..} of {@link #gtLong}; also the tail of the SIMD kernel. */
  public static void gtLongWords(
      MemorySegment values, long first, int length, long constant, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        long x = values.get(ValueLayout.JAVA_LONG_UNALIGNED, (first + start + bit) * 8);
        bits |= (x > constant ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void eqLongs(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out) {
    eqLongsWords(left, leftFirst, right, rightFirst, length, out, 0);
  }

  /** Words {@code fromWord..} of {@link #eqLongs}; also the tail of the SIMD kernel. */
  public static void eqLongsWords(
      MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        long x = left.get(ValueLayout.JAVA_LONG_UNALIGNED, (leftFirst + start + bit) * 8);
        long y = right.get(ValueLayout.JAVA_LONG_UNALIGNED, (rightFirst + start + bit) * 8);
        bits |= (x == y ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void ltLongs(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out) {
    ltLongsWords(left, leftFirst, right, rightFirst, length, out, 0);
  }

  /** Words {@code fromWord..} of {@link #ltLongs}; also the tail of the SIMD kernel. */
  public static void ltLongsWords(
      MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        long x = left.get(ValueLayout.JAVA_LONG_UNALIGNED, (leftFirst + start + bit) * 8);
        long y = right.get(ValueLayout.JAVA_LONG_UNALIGNED, (rightFirst + start + bit) * 8);
        bits |= (x < y ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void eqInt(MemorySegment values, long first, int length, int constant, MemorySegment out) {
    eqIntWords(values, first, length, constant, out, 0);
  }

  /** Words {@code fromWord..} of {@link #eqInt}; also the tail of the SIMD kernel. */
  public static void eqIntWords(
      MemorySegment values, long first, int length, int constant, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        int x = values.get(ValueLayout.JAVA_INT_UNALIGNED, (first + start + bit) * 4);
        bits |= (x == constant ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void ltInt(MemorySegment values, long first, int length, int constant, MemorySegment out) {
    ltIntWords(values, first, length, constant, out, 0);
  }

  /** Words {@code fromWord..} of {@link #ltInt}; also the tail of the SIMD kernel. */
  public static void ltIntWords(
      MemorySegment values, long first, int length, int constant, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        int x = values.get(ValueLayout.JAVA_INT_UNALIGNED, (first + start + bit) * 4);
        bits |= (x < constant ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void gtInt(MemorySegment values, long first, int length, int constant, MemorySegment out) {
    gtIntWords(values, first, length, constant, out, 0);
  }

  /** Words {@code fromWord..} of {@link #gtInt}; also the tail of the SIMD kernel. */
  public static void gtIntWords(
      MemorySegment values, long first, int length, int constant, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        int x = values.get(ValueLayout.JAVA_INT_UNALIGNED, (first + start + bit) * 4);
        bits |= (x > constant ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void eqInts(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out) {
    eqIntsWords(left, leftFirst, right, rightFirst, length, out, 0);
  }

  /** Words {@code fromWord..} of {@link #eqInts}; also the tail of the SIMD kernel. */
  public static void eqIntsWords(
      MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        int x = left.get(ValueLayout.JAVA_INT_UNALIGNED, (leftFirst + start + bit) * 4);
        int y = right.get(ValueLayout.JAVA_INT_UNALIGNED, (rightFirst + start + bit) * 4);
        bits |= (x == y ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void ltInts(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out) {
    ltIntsWords(left, leftFirst, right, rightFirst, length, out, 0);
  }

  /** Words {@code fromWord..} of {@link #ltInts}; also the tail of the SIMD kernel. */
  public static void ltIntsWords(
      MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        int x = left.get(ValueLayout.JAVA_INT_UNALIGNED, (leftFirst + start + bit) * 4);
        int y = right.get(ValueLayout.JAVA_INT_UNALIGNED, (rightFirst + start + bit) * 4);
        bits |= (x < y ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void eqDouble(MemorySegment values, long first, int length, double constant, MemorySegment out) {
    eqDoubleWords(values, first, length, constant, out, 0);
  }

  /** Words {@code fromWord..} of {@link #eqDouble}; also the tail of the SIMD kernel. */
  public static void eqDoubleWords(
      MemorySegment values, long first, int length, double constant, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        double x = values.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, (first + start + bit) * 8);
        bits |= (x == constant ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void ltDouble(MemorySegment values, long first, int length, double constant, MemorySegment out) {
    ltDoubleWords(values, first, length, constant, out, 0);
  }

  /** Words {@code fromWord..} of {@link #ltDouble}; also the tail of the SIMD kernel. */
  public static void ltDoubleWords(
      MemorySegment values, long first, int length, double constant, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        double x = values.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, (first + start + bit) * 8);
        bits |= (x < constant ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void gtDouble(MemorySegment values, long first, int length, double constant, MemorySegment out) {
    gtDoubleWords(values, first, length, constant, out, 0);
  }

  /** Words {@code fromWord..} of {@link #gtDouble}; also the tail of the SIMD kernel. */
  public static void gtDoubleWords(
      MemorySegment values, long first, int length, double constant, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        double x = values.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, (first + start + bit) * 8);
        bits |= (!(x <= constant) ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void eqDoubles(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out) {
    eqDoublesWords(left, leftFirst, right, rightFirst, length, out, 0);
  }

  /** Words {@code fromWord..} of {@link #eqDoubles}; also the tail of the SIMD kernel. */
  public static void eqDoublesWords(
      MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        double x = left.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, (leftFirst + start + bit) * 8);
        double y = right.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, (rightFirst + start + bit) * 8);
        bits |= (x == y || (x != x && y != y) ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void ltDoubles(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out) {
    ltDoublesWords(left, leftFirst, right, rightFirst, length, out, 0);
  }

  /** Words {@code fromWord..} of {@link #ltDoubles}; also the tail of the SIMD kernel. */
  public static void ltDoublesWords(
      MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        double x = left.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, (leftFirst + start + bit) * 8);
        double y = right.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, (rightFirst + start + bit) * 8);
        bits |= (x < y || (y != y && x == x) ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void isNanDouble(MemorySegment values, long first, int length, MemorySegment out) {
    isNanDoubleWords(values, first, length, out, 0);
  }

  /** Words {@code fromWord..} of {@link #isNanDouble}; also the tail of the SIMD kernel. */
  public static void isNanDoubleWords(MemorySegment values, long first, int length, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        double x = values.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, (first + start + bit) * 8);
        bits |= (Double.isNaN(x) ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void isFiniteDouble(MemorySegment values, long first, int length, MemorySegment out) {
    isFiniteDoubleWords(values, first, length, out, 0);
  }

  /** Words {@code fromWord..} of {@link #isFiniteDouble}; also the tail of the SIMD kernel. */
  public static void isFiniteDoubleWords(MemorySegment values, long first, int length, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        double x = values.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, (first + start + bit) * 8);
        bits |= (Double.isFinite(x) ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void eqFloat(MemorySegment values, long first, int length, float constant, MemorySegment out) {
    eqFloatWords(values, first, length, constant, out, 0);
  }

  /** Words {@code fromWord..} of {@link #eqFloat}; also the tail of the SIMD kernel. */
  public static void eqFloatWords(
      MemorySegment values, long first, int length, float constant, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        float x = values.get(ValueLayout.JAVA_FLOAT_UNALIGNED, (first + start + bit) * 4);
        bits |= (x == constant ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void ltFloat(MemorySegment values, long first, int length, float constant, MemorySegment out) {
    ltFloatWords(values, first, length, constant, out, 0);
  }

  /** Words {@code fromWord..} of {@link #ltFloat}; also the tail of the SIMD kernel. */
  public static void ltFloatWords(
      MemorySegment values, long first, int length, float constant, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        float x = values.get(ValueLayout.JAVA_FLOAT_UNALIGNED, (first + start + bit) * 4);
        bits |= (x < constant ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void gtFloat(MemorySegment values, long first, int length, float constant, MemorySegment out) {
    gtFloatWords(values, first, length, constant, out, 0);
  }

  /** Words {@code fromWord..} of {@link #gtFloat}; also the tail of the SIMD kernel. */
  public static void gtFloatWords(
      MemorySegment values, long first, int length, float constant, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        float x = values.get(ValueLayout.JAVA_FLOAT_UNALIGNED, (first + start + bit) * 4);
        bits |= (!(x <= constant) ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void eqFloats(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out) {
    eqFloatsWords(left, leftFirst, right, rightFirst, length, out, 0);
  }

  /** Words {@code fromWord..} of {@link #eqFloats}; also the tail of the SIMD kernel. */
  public static void eqFloatsWords(
      MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        float x = left.get(ValueLayout.JAVA_FLOAT_UNALIGNED, (leftFirst + start + bit) * 4);
        float y = right.get(ValueLayout.JAVA_FLOAT_UNALIGNED, (rightFirst + start + bit) * 4);
        bits |= (x == y || (x != x && y != y) ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void ltFloats(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out) {
    ltFloatsWords(left, leftFirst, right, rightFirst, length, out, 0);
  }

  /** Words {@code fromWord..} of {@link #ltFloats}; also the tail of the SIMD kernel. */
  public static void ltFloatsWords(
      MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        float x = left.get(ValueLayout.JAVA_FLOAT_UNALIGNED, (leftFirst + start + bit) * 4);
        float y = right.get(ValueLayout.JAVA_FLOAT_UNALIGNED, (rightFirst + start + bit) * 4);
        bits |= (x < y || (y != y && x == x) ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void isNanFloat(MemorySegment values, long first, int length, MemorySegment out) {
    isNanFloatWords(values, first, length, out, 0);
  }

  /** Words {@code fromWord..} of {@link #isNanFloat}; also the tail of the SIMD kernel. */
  public static void isNanFloatWords(MemorySegment values, long first, int length, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        float x = values.get(ValueLayout.JAVA_FLOAT_UNALIGNED, (first + start + bit) * 4);
        bits |= (Float.isNaN(x) ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }

  @Override
  public void isFiniteFloat(MemorySegment values, long first, int length, MemorySegment out) {
    isFiniteFloatWords(values, first, length, out, 0);
  }

  /** Words {@code fromWord..} of {@link #isFiniteFloat}; also the tail of the SIMD kernel. */
  public static void isFiniteFloatWords(MemorySegment values, long first, int length, MemorySegment out, int fromWord) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        float x = values.get(ValueLayout.JAVA_FLOAT_UNALIGNED, (first + start + bit) * 4);
        bits |= (Float.isFinite(x) ? 1L : 0L) << bit;
      }
      out.set(WORD, (long) word << 3, bits);
    }
  }
}
