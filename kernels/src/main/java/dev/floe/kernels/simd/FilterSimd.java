package dev.floe.kernels.simd;

import dev.floe.kernels.FilterKernels;
import dev.floe.kernels.scalar.BooleanOpsScalar;
import dev.floe.kernels.scalar.FilterScalar;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Filter with the Vector API, walking the mask a 64-bit word at a time as polars-compute does
 * (pola-rs/polars {@code crates/polars-compute/src/filter/}): all-zero words are skipped, all-ones
 * words copied in bulk, sparse words loop over set bits, and dense words are compacted with
 * {@code Vector.compress} (VPCOMPRESSQ/D with AVX-512), each chunk stored whole and the output
 * advanced by its popcount (so {@code out} needs 64 bytes of slack). The partial last word is the
 * scalar twin's code. One static method per loop shape (STACK.md).
 */
public final class FilterSimd implements FilterKernels {
  public static final FilterSimd INSTANCE = new FilterSimd();

  private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
  private static final long LONG_LANES_MASK = (1L << LONGS.length()) - 1;
  private static final long INT_LANES_MASK = (1L << INTS.length()) - 1;
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;

  /** Below this many set bits a word takes the set-bit loop (cheaper than 8 compresses). */
  private static final int SPARSE_BELOW = 12;

  private FilterSimd() {}

  @Override
  public int filterLongs(
      MemorySegment values, long first, MemorySegment mask, long maskBit, int length,
      MemorySegment out) {
    int words = length >>> 6;
    long at = 0;
    for (int word = 0; word < words; word++) {
      long bits = BooleanOpsScalar.readWord(mask, maskBit + ((long) word << 6));
      long rowByte = (first + ((long) word << 6)) << 3;
      if (bits == 0) {
        continue;
      }
      if (bits == -1L) {
        MemorySegment.copy(values, rowByte, out, at << 3, 64 * 8);
        at += 64;
      } else if (Long.bitCount(bits) < SPARSE_BELOW) {
        at = sparseLongs(values, rowByte, bits, out, at);
      } else {
        at = denseLongs(values, rowByte, bits, out, at);
      }
    }
    return (int) FilterScalar.filterLongsWords(values, first, mask, maskBit, length, out, words, at);
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
    for (int lane = 0; lane < 64; lane += LONGS.length()) {
      long chunk = (bits >>> lane) & LONG_LANES_MASK;
      LongVector vector = LongVector.fromMemorySegment(LONGS, values, rowByte + ((long) lane << 3), LE);
      vector.compress(VectorMask.fromLong(LONGS, chunk)).intoMemorySegment(out, at << 3, LE);
      at += Long.bitCount(chunk);
    }
    return at;
  }

  @Override
  public int filterInts(
      MemorySegment values, long first, MemorySegment mask, long maskBit, int length,
      MemorySegment out) {
    int words = length >>> 6;
    long at = 0;
    for (int word = 0; word < words; word++) {
      long bits = BooleanOpsScalar.readWord(mask, maskBit + ((long) word << 6));
      long rowByte = (first + ((long) word << 6)) << 2;
      if (bits == 0) {
        continue;
      }
      if (bits == -1L) {
        MemorySegment.copy(values, rowByte, out, at << 2, 64 * 4);
        at += 64;
      } else if (Long.bitCount(bits) < SPARSE_BELOW) {
        at = sparseInts(values, rowByte, bits, out, at);
      } else {
        at = denseInts(values, rowByte, bits, out, at);
      }
    }
    return (int) FilterScalar.filterIntsWords(values, first, mask, maskBit, length, out, words, at);
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
    for (int lane = 0; lane < 64; lane += INTS.length()) {
      long chunk = (bits >>> lane) & INT_LANES_MASK;
      IntVector vector = IntVector.fromMemorySegment(INTS, values, rowByte + ((long) lane << 2), LE);
      vector.compress(VectorMask.fromLong(INTS, chunk)).intoMemorySegment(out, at << 2, LE);
      at += Long.bitCount(chunk);
    }
    return at;
  }
}
