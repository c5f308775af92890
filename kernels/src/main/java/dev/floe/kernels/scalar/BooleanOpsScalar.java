package dev.floe.kernels.scalar;

import dev.floe.kernels.BooleanOpsKernels;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Scalar bitmap kernels, one 64-bit word at a time, and the word helpers every kernel shares:
 * {@link #readWord} reads 64 bits from any bit offset (so sliced inputs at bit offsets that are
 * not multiples of 8 need no copy) without reading past the end of the segment.
 */
public final class BooleanOpsScalar implements BooleanOpsKernels {
  public static final BooleanOpsScalar INSTANCE = new BooleanOpsScalar();

  static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;

  private BooleanOpsScalar() {}

  /** Number of 64-bit words covering {@code length} bits. */
  public static int wordCount(long length) {
    return (int) ((length + 63) >>> 6);
  }

  /** Bits {@code [bit, bit + 64)} of {@code bitmap} as a word (bits past the segment read 0). */
  public static long readWord(MemorySegment bitmap, long bit) {
    long byteIndex = bit >>> 3;
    int shift = (int) (bit & 7);
    if (byteIndex + 9 <= bitmap.byteSize()) {
      long low = bitmap.get(WORD, byteIndex) >>> shift;
      if (shift == 0) {
        return low;
      }
      long high = bitmap.get(ValueLayout.JAVA_BYTE, byteIndex + 8) & 0xFFL;
      return low | (high << (64 - shift));
    }
    return readWordNearEnd(bitmap, byteIndex, shift);
  }

  private static long readWordNearEnd(MemorySegment bitmap, long byteIndex, int shift) {
    long low = 0;
    long size = bitmap.byteSize();
    for (int index = 0; index < 8 && byteIndex + index < size; index++) {
      low |= (bitmap.get(ValueLayout.JAVA_BYTE, byteIndex + index) & 0xFFL) << (index << 3);
    }
    low >>>= shift;
    if (shift != 0 && byteIndex + 8 < size) {
      low |= (bitmap.get(ValueLayout.JAVA_BYTE, byteIndex + 8) & 0xFFL) << (64 - shift);
    }
    return low;
  }

  /** The mask of the valid bits of word {@code wordIndex} of a {@code length}-bit bitmap. */
  public static long tailMask(int wordIndex, int length) {
    int remaining = length - (wordIndex << 6);
    return remaining >= 64 ? -1L : (1L << remaining) - 1;
  }

  /** Writes word {@code wordIndex} of an output bitmap, clearing bits past {@code length}. */
  public static void writeWord(MemorySegment out, int wordIndex, long word, int length) {
    out.set(WORD, (long) wordIndex << 3, word & tailMask(wordIndex, length));
  }

  @Override
  public void and(
      MemorySegment a, long aBit, MemorySegment b, long bBit, int length, MemorySegment out) {
    int words = wordCount(length);
    for (int word = 0; word < words; word++) {
      long offset = (long) word << 6;
      writeWord(out, word, readWord(a, aBit + offset) & readWord(b, bBit + offset), length);
    }
  }

  @Override
  public void or(
      MemorySegment a, long aBit, MemorySegment b, long bBit, int length, MemorySegment out) {
    int words = wordCount(length);
    for (int word = 0; word < words; word++) {
      long offset = (long) word << 6;
      writeWord(out, word, readWord(a, aBit + offset) | readWord(b, bBit + offset), length);
    }
  }

  @Override
  public void xor(
      MemorySegment a, long aBit, MemorySegment b, long bBit, int length, MemorySegment out) {
    int words = wordCount(length);
    for (int word = 0; word < words; word++) {
      long offset = (long) word << 6;
      writeWord(out, word, readWord(a, aBit + offset) ^ readWord(b, bBit + offset), length);
    }
  }

  @Override
  public void not(MemorySegment a, long aBit, int length, MemorySegment out) {
    int words = wordCount(length);
    for (int word = 0; word < words; word++) {
      writeWord(out, word, ~readWord(a, aBit + ((long) word << 6)), length);
    }
  }
}
