package dev.floe.kernels.simd;

import dev.floe.kernels.BooleanOpsKernels;
import dev.floe.kernels.scalar.BooleanOpsScalar;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Bitmap kernels with {@link LongVector}s: 8 words (512 bits of a bitmap) per operation when both
 * inputs start at a byte boundary (the common case: unsliced columns); other bit offsets and the
 * last, partial words go through the scalar twin's word loop. One static method per loop shape.
 */
public final class BooleanOpsSimd implements BooleanOpsKernels {
  public static final BooleanOpsSimd INSTANCE = new BooleanOpsSimd();

  private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

  private BooleanOpsSimd() {}

  /** Whole words the vector loop may process: byte-aligned inputs, never the last partial word. */
  private static int vectorWords(MemorySegment a, long aBit, MemorySegment b, long bBit, int length) {
    if (((aBit | bBit) & 7) != 0) {
      return 0;
    }
    long words = length >>> 6;
    words = Math.min(words, (a.byteSize() - (aBit >>> 3)) >>> 3);
    words = Math.min(words, (b.byteSize() - (bBit >>> 3)) >>> 3);
    return (int) (words - words % LONGS.length());
  }

  @Override
  public void and(
      MemorySegment a, long aBit, MemorySegment b, long bBit, int length, MemorySegment out) {
    int done = andWords(a, aBit >>> 3, b, bBit >>> 3, vectorWords(a, aBit, b, bBit, length), out);
    finish(a, aBit, b, bBit, length, out, done, 0);
  }

  @Override
  public void or(
      MemorySegment a, long aBit, MemorySegment b, long bBit, int length, MemorySegment out) {
    int done = orWords(a, aBit >>> 3, b, bBit >>> 3, vectorWords(a, aBit, b, bBit, length), out);
    finish(a, aBit, b, bBit, length, out, done, 1);
  }

  @Override
  public void xor(
      MemorySegment a, long aBit, MemorySegment b, long bBit, int length, MemorySegment out) {
    int done = xorWords(a, aBit >>> 3, b, bBit >>> 3, vectorWords(a, aBit, b, bBit, length), out);
    finish(a, aBit, b, bBit, length, out, done, 2);
  }

  @Override
  public void not(MemorySegment a, long aBit, int length, MemorySegment out) {
    int done = notWords(a, aBit >>> 3, vectorWords(a, aBit, a, aBit, length), out);
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = done; word < words; word++) {
      BooleanOpsScalar.writeWord(
          out, word, ~BooleanOpsScalar.readWord(a, aBit + ((long) word << 6)), length);
    }
  }

  private static void finish(
      MemorySegment a, long aBit, MemorySegment b, long bBit, int length, MemorySegment out,
      int done, int operation) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = done; word < words; word++) {
      long offset = (long) word << 6;
      long left = BooleanOpsScalar.readWord(a, aBit + offset);
      long right = BooleanOpsScalar.readWord(b, bBit + offset);
      long result = operation == 0 ? left & right : operation == 1 ? left | right : left ^ right;
      BooleanOpsScalar.writeWord(out, word, result, length);
    }
  }

  private static int andWords(
      MemorySegment a, long aByte, MemorySegment b, long bByte, int words, MemorySegment out) {
    for (int word = 0; word < words; word += LONGS.length()) {
      long byteOffset = (long) word << 3;
      LongVector left = LongVector.fromMemorySegment(LONGS, a, aByte + byteOffset, LE);
      LongVector right = LongVector.fromMemorySegment(LONGS, b, bByte + byteOffset, LE);
      left.and(right).intoMemorySegment(out, byteOffset, LE);
    }
    return words;
  }

  private static int orWords(
      MemorySegment a, long aByte, MemorySegment b, long bByte, int words, MemorySegment out) {
    for (int word = 0; word < words; word += LONGS.length()) {
      long byteOffset = (long) word << 3;
      LongVector left = LongVector.fromMemorySegment(LONGS, a, aByte + byteOffset, LE);
      LongVector right = LongVector.fromMemorySegment(LONGS, b, bByte + byteOffset, LE);
      left.or(right).intoMemorySegment(out, byteOffset, LE);
    }
    return words;
  }

  private static int xorWords(
      MemorySegment a, long aByte, MemorySegment b, long bByte, int words, MemorySegment out) {
    for (int word = 0; word < words; word += LONGS.length()) {
      long byteOffset = (long) word << 3;
      LongVector left = LongVector.fromMemorySegment(LONGS, a, aByte + byteOffset, LE);
      LongVector right = LongVector.fromMemorySegment(LONGS, b, bByte + byteOffset, LE);
      left.lanewise(jdk.incubator.vector.VectorOperators.XOR, right)
          .intoMemorySegment(out, byteOffset, LE);
    }
    return words;
  }

  private static int notWords(MemorySegment a, long aByte, int words, MemorySegment out) {
    for (int word = 0; word < words; word += LONGS.length()) {
      long byteOffset = (long) word << 3;
      LongVector.fromMemorySegment(LONGS, a, aByte + byteOffset, LE).not()
          .intoMemorySegment(out, byteOffset, LE);
    }
    return words;
  }
}
