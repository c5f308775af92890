package dev.floe.kernels.scalar;

import dev.floe.kernels.FilterKernels;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Scalar filter kernels, walking the mask one 64-bit word at a time as polars-compute does
 * (pola-rs/polars {@code crates/polars-compute/src/filter/scalar.rs}): an all-zero word is skipped,
 * an all-ones word is one bulk copy, a sparse word loops over its set bits
 * ({@link Long#numberOfTrailingZeros}), a dense word stores every value and advances the output by
 * the mask bit (branch-free). The last, partial word always takes the sparse loop so no value past
 * the column's end is read. Also: bit compaction for validity and boolean values
 * ({@link Long#compress}, PEXT on x86), used by both the SIMD and the scalar path.
 */
public final class FilterScalar implements FilterKernels {
  public static final FilterScalar INSTANCE = new FilterScalar();

  /** Below this many set bits a word takes the set-bit loop. */
  private static final int SPARSE_BELOW = 24;

  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;

  private FilterScalar() {}

  @Override
  public int filterLongs(
      MemorySegment values, long first, MemorySegment mask, long maskBit, int length,
      MemorySegment out) {
    return (int) filterLongsWords(values, first, mask, maskBit, length, out, 0, 0);
  }

  @Override
  public int filterInts(
      MemorySegment values, long first, MemorySegment mask, long maskBit, int length,
      MemorySegment out) {
    return (int) filterIntsWords(values, first, mask, maskBit, length, out, 0, 0);
  }

  /** Words {@code fromWord..} of {@link #filterLongs}, appending at element {@code position}. */
  public static long filterLongsWords(
      MemorySegment values, long first, MemorySegment mask, long maskBit, int length,
      MemorySegment out, int fromWord, long position) {
    int words = BooleanOpsScalar.wordCount(length);
    long at = position;
    for (int word = fromWord; word < words; word++) {
      long bits = BooleanOpsScalar.readWord(mask, maskBit + ((long) word << 6))
          & BooleanOpsScalar.tailMask(word, length);
      long rowByte = (first + ((long) word << 6)) << 3;
      if (bits == 0) {
        continue;
      }
      boolean partial = length - (word << 6) < 64;
      if (bits == -1L) {
        MemorySegment.copy(values, rowByte, out, at << 3, 64 * 8);
        at += 64;
      } else if (partial || Long.bitCount(bits) < SPARSE_BELOW) {
        at = sparseLongs(values, rowByte, bits, out, at);
      } else {
        at = denseLongs(values, rowByte, bits, out, at);
      }
    }
    return at;
  }

  private static long sparseLongs(
      MemorySegment values, long rowByte, long bits, MemorySegment out, long at) {
    long remaining = bits;
    while (remaining != 0) {
      int bit = Long.numberOfTrailingZeros(remaining);
      out.set(LONG, at << 3, values.get(LONG, rowByte + ((long) bit << 3)));
      at++;
      remaining &= remaining - 1;
    }
    return at;
  }

  private static long denseLongs(
      MemorySegment values, long rowByte, long bits, MemorySegment out, long at) {
    for (int bit = 0; bit < 64; bit++) {
      out.set(LONG, at << 3, values.get(LONG, rowByte + ((long) bit << 3)));
      at += (bits >>> bit) & 1;
    }
    return at;
  }

  /** Words {@code fromWord..} of {@link #filterInts}, appending at element {@code position}. */
  public static long filterIntsWords(
      MemorySegment values, long first, MemorySegment mask, long maskBit, int length,
      MemorySegment out, int fromWord, long position) {
    int words = BooleanOpsScalar.wordCount(length);
    long at = position;
    for (int word = fromWord; word < words; word++) {
      long bits = BooleanOpsScalar.readWord(mask, maskBit + ((long) word << 6))
          & BooleanOpsScalar.tailMask(word, length);
      long rowByte = (first + ((long) word << 6)) << 2;
      if (bits == 0) {
        continue;
      }
      boolean partial = length - (word << 6) < 64;
      if (bits == -1L) {
        MemorySegment.copy(values, rowByte, out, at << 2, 64 * 4);
        at += 64;
      } else if (partial || Long.bitCount(bits) < SPARSE_BELOW) {
        at = sparseInts(values, rowByte, bits, out, at);
      } else {
        at = denseInts(values, rowByte, bits, out, at);
      }
    }
    return at;
  }

  private static long sparseInts(
      MemorySegment values, long rowByte, long bits, MemorySegment out, long at) {
    long remaining = bits;
    while (remaining != 0) {
      int bit = Long.numberOfTrailingZeros(remaining);
      out.set(INT, at << 2, values.get(INT, rowByte + ((long) bit << 2)));
      at++;
      remaining &= remaining - 1;
    }
    return at;
  }

  private static long denseInts(
      MemorySegment values, long rowByte, long bits, MemorySegment out, long at) {
    for (int bit = 0; bit < 64; bit++) {
      out.set(INT, at << 2, values.get(INT, rowByte + ((long) bit << 2)));
      at += (bits >>> bit) & 1;
    }
    return at;
  }

  /**
   * Filters values of any byte width (1, 2, 16 bytes and others) with the set-bit loop; used for
   * the widths without a word kernel. Returns the number copied.
   */
  public static long filterAnyWidth(
      MemorySegment values, long first, int width, MemorySegment mask, long maskBit, int length,
      MemorySegment out) {
    int words = BooleanOpsScalar.wordCount(length);
    long at = 0;
    for (int word = 0; word < words; word++) {
      long bits = BooleanOpsScalar.readWord(mask, maskBit + ((long) word << 6))
          & BooleanOpsScalar.tailMask(word, length);
      long row = first + ((long) word << 6);
      if (bits == -1L) {
        MemorySegment.copy(values, row * width, out, at * width, 64L * width);
        at += 64;
        continue;
      }
      while (bits != 0) {
        int bit = Long.numberOfTrailingZeros(bits);
        long source = (row + bit) * width;
        switch (width) {
          case 1 -> out.set(ValueLayout.JAVA_BYTE, at, values.get(ValueLayout.JAVA_BYTE, source));
          case 2 -> out.set(SHORT, at << 1, values.get(SHORT, source));
          default -> MemorySegment.copy(values, source, out, at * width, width);
        }
        at++;
        bits &= bits - 1;
      }
    }
    return at;
  }

  /**
   * Compacts the bits of {@code source} (from bit {@code sourceBit}) selected by {@code mask} to
   * bit 0 of {@code out}: {@link Long#compress} per word, appended through a 64-bit accumulator.
   * {@code out} must hold whole words for the selected count. Returns that count.
   */
  public static long compressBits(
      MemorySegment source, long sourceBit, MemorySegment mask, long maskBit, int length,
      MemorySegment out) {
    int words = BooleanOpsScalar.wordCount(length);
    long accumulator = 0;
    int filled = 0;
    long outWord = 0;
    long count = 0;
    for (int word = 0; word < words; word++) {
      long offset = (long) word << 6;
      long bits = BooleanOpsScalar.readWord(mask, maskBit + offset)
          & BooleanOpsScalar.tailMask(word, length);
      if (bits == 0) {
        continue;
      }
      long packed = Long.compress(BooleanOpsScalar.readWord(source, sourceBit + offset), bits);
      int selected = Long.bitCount(bits);
      count += selected;
      accumulator |= packed << filled;
      int total = filled + selected;
      if (total >= 64) {
        out.set(LONG, outWord << 3, accumulator);
        outWord++;
        accumulator = filled == 0 ? 0 : packed >>> (64 - filled);
        total -= 64;
      }
      filled = total;
    }
    if (filled > 0) {
      out.set(LONG, outWord << 3, accumulator);
    }
    return count;
  }

  /** The indices of the set bits of a mask, in order. */
  public static int[] selectedRows(MemorySegment mask, long maskBit, int length, int count) {
    int[] rows = new int[count];
    int at = 0;
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = 0; word < words; word++) {
      long bits = BooleanOpsScalar.readWord(mask, maskBit + ((long) word << 6))
          & BooleanOpsScalar.tailMask(word, length);
      while (bits != 0) {
        rows[at++] = (word << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
      }
    }
    return rows;
  }
}
