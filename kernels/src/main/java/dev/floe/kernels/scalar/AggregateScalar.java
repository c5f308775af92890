package dev.floe.kernels.scalar;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Scalar twins of {@code dev.floe.kernels.simd.AggregateSimd}: sum, min and max of Int32, Int64,
 * Float32 and Float64 values, one loop for all-valid input and one that walks the validity bitmap a
 * 64-bit word at a time. {@code offset} and {@code length} are in elements; the validity bitmap is
 * indexed by {@code offset + row}.
 *
 * <p>Semantics shared with the SIMD twin: integer sums wrap (two's complement); float sums keep NaN
 * and infinities; float min/max skip NaN (Polars ignores NaN unless every value is NaN, which the
 * facade checks); which zero a min/max of -0.0 and 0.0 returns depends on the order of the values
 * (as in Polars), so twins agree on min/max up to the sign of a zero result; empty input gives the
 * identity (0, +-infinity, MAX/MIN_VALUE).
 */
public final class AggregateScalar {
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;
  private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;

  private AggregateScalar() {}

  // ---- sum ----

  public static long sumLong(MemorySegment values, int offset, int length) {
    long sum = 0;
    for (int row = 0; row < length; row++) {
      sum += values.get(LONG, (offset + (long) row) << 3);
    }
    return sum;
  }

  public static long sumLongMasked(
      MemorySegment values, MemorySegment validity, int offset, int length) {
    long sum = 0;
    for (int start = 0; start < length; start += 64) {
      int count = Math.min(64, length - start);
      long word = AggregateWords.bits(validity, offset + (long) start, count);
      for (; word != 0; word &= word - 1) {
        int row = start + Long.numberOfTrailingZeros(word);
        sum += values.get(LONG, (offset + (long) row) << 3);
      }
    }
    return sum;
  }

  /** Sum of Int32 values widened to 64 bits (wrapping at 64 bits). */
  public static long sumInt(MemorySegment values, int offset, int length) {
    long sum = 0;
    for (int row = 0; row < length; row++) {
      sum += values.get(INT, (offset + (long) row) << 2);
    }
    return sum;
  }

  public static long sumIntMasked(
      MemorySegment values, MemorySegment validity, int offset, int length) {
    long sum = 0;
    for (int start = 0; start < length; start += 64) {
      int count = Math.min(64, length - start);
      long word = AggregateWords.bits(validity, offset + (long) start, count);
      for (; word != 0; word &= word - 1) {
        int row = start + Long.numberOfTrailingZeros(word);
        sum += values.get(INT, (offset + (long) row) << 2);
      }
    }
    return sum;
  }

  public static double sumDouble(MemorySegment values, int offset, int length) {
    double sum = 0;
    for (int row = 0; row < length; row++) {
      sum += values.get(DOUBLE, (offset + (long) row) << 3);
    }
    return sum;
  }

  public static double sumDoubleMasked(
      MemorySegment values, MemorySegment validity, int offset, int length) {
    double sum = 0;
    for (int start = 0; start < length; start += 64) {
      int count = Math.min(64, length - start);
      long word = AggregateWords.bits(validity, offset + (long) start, count);
      for (; word != 0; word &= word - 1) {
        int row = start + Long.numberOfTrailingZeros(word);
        sum += values.get(DOUBLE, (offset + (long) row) << 3);
      }
    }
    return sum;
  }

  /** Float32 values summed in float precision (Polars sums f32 as f32). */
  public static float sumFloat(MemorySegment values, int offset, int length) {
    float sum = 0;
    for (int row = 0; row < length; row++) {
      sum += values.get(FLOAT, (offset + (long) row) << 2);
    }
    return sum;
  }

  public static float sumFloatMasked(
      MemorySegment values, MemorySegment validity, int offset, int length) {
    float sum = 0;
    for (int start = 0; start < length; start += 64) {
      int count = Math.min(64, length - start);
      long word = AggregateWords.bits(validity, offset + (long) start, count);
      for (; word != 0; word &= word - 1) {
        int row = start + Long.numberOfTrailingZeros(word);
        sum += values.get(FLOAT, (offset + (long) row) << 2);
      }
    }
    return sum;
  }

  // ---- min / max ----

  public static long minLong(MemorySegment values, int offset, int length) {
    long min = Long.MAX_VALUE;
    for (int row = 0; row < length; row++) {
      min = Math.min(min, values.get(LONG, (offset + (long) row) << 3));
    }
    return min;
  }

  public static long minLongMasked(
      MemorySegment values, MemorySegment validity, int offset, int length) {
    long min = Long.MAX_VALUE;
    for (int start = 0; start < length; start += 64) {
      int count = Math.min(64, length - start);
      long word = AggregateWords.bits(validity, offset + (long) start, count);
      for (; word != 0; word &= word - 1) {
        int row = start + Long.numberOfTrailingZeros(word);
        min = Math.min(min, values.get(LONG, (offset + (long) row) << 3));
      }
    }
    return min;
  }

  public static long maxLong(MemorySegment values, int offset, int length) {
    long max = Long.MIN_VALUE;
    for (int row = 0; row < length; row++) {
      max = Math.max(max, values.get(LONG, (offset + (long) row) << 3));
    }
    return max;
  }

  public static long maxLongMasked(
      MemorySegment values, MemorySegment validity, int offset, int length) {
    long max = Long.MIN_VALUE;
    for (int start = 0; start < length; start += 64) {
      int count = Math.min(64, length - start);
      long word = AggregateWords.bits(validity, offset + (long) start, count);
      for (; word != 0; word &= word - 1) {
        int row = start + Long.numberOfTrailingZeros(word);
        max = Math.max(max, values.get(LONG, (offset + (long) row) << 3));
      }
    }
    return max;
  }

  public static int minInt(MemorySegment values, int offset, int length) {
    int min = Integer.MAX_VALUE;
    for (int row = 0; row < length; row++) {
      min = Math.min(min, values.get(INT, (offset + (long) row) << 2));
    }
    return min;
  }

  public static int minIntMasked(
      MemorySegment values, MemorySegment validity, int offset, int length) {
    int min = Integer.MAX_VALUE;
    for (int start = 0; start < length; start += 64) {
      int count = Math.min(64, length - start);
      long word = AggregateWords.bits(validity, offset + (long) start, count);
      for (; word != 0; word &= word - 1) {
        int row = start + Long.numberOfTrailingZeros(word);
        min = Math.min(min, values.get(INT, (offset + (long) row) << 2));
      }
    }
    return min;
  }

  public static int maxInt(MemorySegment values, int offset, int length) {
    int max = Integer.MIN_VALUE;
    for (int row = 0; row < length; row++) {
      max = Math.max(max, values.get(INT, (offset + (long) row) << 2));
    }
    return max;
  }

  public static int maxIntMasked(
      MemorySegment values, MemorySegment validity, int offset, int length) {
    int max = Integer.MIN_VALUE;
    for (int start = 0; start < length; start += 64) {
      int count = Math.min(64, length - start);
      long word = AggregateWords.bits(validity, offset + (long) start, count);
      for (; word != 0; word &= word - 1) {
        int row = start + Long.numberOfTrailingZeros(word);
        max = Math.max(max, values.get(INT, (offset + (long) row) << 2));
      }
    }
    return max;
  }

  /** Minimum of the non-NaN values; +infinity if there are none. */
  public static double minDouble(MemorySegment values, int offset, int length) {
    double min = Double.POSITIVE_INFINITY;
    for (int row = 0; row < length; row++) {
      double value = values.get(DOUBLE, (offset + (long) row) << 3);
      min = value < min ? value : min; // NaN compares false: skipped
    }
    return min;
  }

  public static double minDoubleMasked(
      MemorySegment values, MemorySegment validity, int offset, int length) {
    double min = Double.POSITIVE_INFINITY;
    for (int start = 0; start < length; start += 64) {
      int count = Math.min(64, length - start);
      long word = AggregateWords.bits(validity, offset + (long) start, count);
      for (; word != 0; word &= word - 1) {
        int row = start + Long.numberOfTrailingZeros(word);
        double value = values.get(DOUBLE, (offset + (long) row) << 3);
        min = value < min ? value : min; // NaN compares false: skipped
      }
    }
    return min;
  }

  /** Maximum of the non-NaN values; -infinity if there are none. */
  public static double maxDouble(MemorySegment values, int offset, int length) {
    double max = Double.NEGATIVE_INFINITY;
    for (int row = 0; row < length; row++) {
      double value = values.get(DOUBLE, (offset + (long) row) << 3);
      max = value > max ? value : max; // NaN compares false: skipped
    }
    return max;
  }

  public static double maxDoubleMasked(
      MemorySegment values, MemorySegment validity, int offset, int length) {
    double max = Double.NEGATIVE_INFINITY;
    for (int start = 0; start < length; start += 64) {
      int count = Math.min(64, length - start);
      long word = AggregateWords.bits(validity, offset + (long) start, count);
      for (; word != 0; word &= word - 1) {
        int row = start + Long.numberOfTrailingZeros(word);
        double value = values.get(DOUBLE, (offset + (long) row) << 3);
        max = value > max ? value : max; // NaN compares false: skipped
      }
    }
    return max;
  }
}
