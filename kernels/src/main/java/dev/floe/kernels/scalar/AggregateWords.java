package dev.floe.kernels.scalar;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Reads 64 validity bits starting at any bit index, for kernels that walk a bitmap one word per
 * 64 rows whatever the column's offset. Shared by the aggregate, arithmetic and hash kernels.
 */
public final class AggregateWords {
  private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;

  private AggregateWords() {}

  /**
   * Bits {@code [bit, bit + 64)} of {@code bitmap}, bit {@code bit} in the lowest position. Reads
   * past the end of an unpadded (foreign) bitmap are avoided by assembling the last bytes one by
   * one; missing bits read as zero.
   */
  public static long word(MemorySegment bitmap, long bit) {
    long byteIndex = bit >>> 3;
    int shift = (int) (bit & 7);
    if (byteIndex + 9 <= bitmap.byteSize()) {
      long low = bitmap.get(WORD, byteIndex) >>> shift;
      // shift == 0: the next byte is not needed (and (x << 64) would be x in Java).
      long high = shift == 0 ? 0 : (bitmap.get(ValueLayout.JAVA_BYTE, byteIndex + 8) & 0xFFL) << (64 - shift);
      return low | high;
    }
    return partial(bitmap, bit, 64);
  }

  /** The {@code count} (1..64) bits starting at {@code bit}; higher bits are zero. */
  public static long partial(MemorySegment bitmap, long bit, int count) {
    long result = 0;
    long size = bitmap.byteSize() << 3;
    for (int index = 0; index < count; index++) {
      long position = bit + index;
      if (position < size
          && (bitmap.get(ValueLayout.JAVA_BYTE, position >>> 3) & (1 << (position & 7))) != 0) {
        result |= 1L << index;
      }
    }
    return result;
  }

  /** The bits of {@code [bit, bit + count)} (count 0..64) in the low positions, fast when whole. */
  public static long bits(MemorySegment bitmap, long bit, int count) {
    if (count == 64) {
      return word(bitmap, bit);
    }
    if (count == 0) {
      return 0;
    }
    return word(bitmap, bit) & (-1L >>> (64 - count));
  }
}
