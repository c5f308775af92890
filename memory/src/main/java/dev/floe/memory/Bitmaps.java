package dev.floe.memory;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Bit-packed bitmaps as Arrow lays them out: bit {@code i} is bit {@code i % 8} (least significant
 * first) of byte {@code i / 8}. Used for validity (1 = valid) and boolean values. Word-wise reads
 * rely on Floe buffers being padded to 64 bytes.
 */
public final class Bitmaps {
  private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;

  private Bitmaps() {}

  /** Bytes needed for {@code bits} bits. */
  public static long bytesFor(long bits) {
    return (bits + 7) >>> 3;
  }

  public static boolean get(MemorySegment bitmap, long bitIndex) {
    return (bitmap.get(ValueLayout.JAVA_BYTE, bitIndex >>> 3) & (1 << (bitIndex & 7))) != 0;
  }

  public static void set(MemorySegment bitmap, long bitIndex) {
    long byteIndex = bitIndex >>> 3;
    byte old = bitmap.get(ValueLayout.JAVA_BYTE, byteIndex);
    bitmap.set(ValueLayout.JAVA_BYTE, byteIndex, (byte) (old | (1 << (bitIndex & 7))));
  }

  public static void clear(MemorySegment bitmap, long bitIndex) {
    long byteIndex = bitIndex >>> 3;
    byte old = bitmap.get(ValueLayout.JAVA_BYTE, byteIndex);
    bitmap.set(ValueLayout.JAVA_BYTE, byteIndex, (byte) (old & ~(1 << (bitIndex & 7))));
  }

  public static void set(MemorySegment bitmap, long bitIndex, boolean value) {
    if (value) {
      set(bitmap, bitIndex);
    } else {
      clear(bitmap, bitIndex);
    }
  }

  /** Sets bits {@code [from, from + count)} to one. */
  public static void setRange(MemorySegment bitmap, long from, long count) {
    long bit = from;
    long end = from + count;
    while (bit < end && (bit & 7) != 0) {
      set(bitmap, bit++);
    }
    long wholeBytes = (end - bit) >>> 3;
    if (wholeBytes > 0) {
      bitmap.asSlice(bit >>> 3, wholeBytes).fill((byte) -1);
      bit += wholeBytes << 3;
    }
    while (bit < end) {
      set(bitmap, bit++);
    }
  }

  /**
   * Copies {@code count} bits from {@code source} starting at bit {@code sourceBit} to
   * {@code target} starting at bit {@code targetBit}; other bits of {@code target} are kept. Whole
   * bytes are copied in bulk when both positions are byte-aligned; otherwise 56 bits move per
   * 64-bit read-modify-write (56 bits shifted by at most 7 still fit one word), falling back to
   * single bits near the end of either segment so unpadded (foreign) bitmaps are never overrun.
   */
  public static void copy(
      MemorySegment source, long sourceBit, MemorySegment target, long targetBit, long count) {
    long done = 0;
    if (((sourceBit | targetBit) & 7) == 0) {
      long wholeBytes = count >>> 3;
      MemorySegment.copy(source, sourceBit >>> 3, target, targetBit >>> 3, wholeBytes);
      done = wholeBytes << 3;
    } else {
      long chunkMask = (1L << 56) - 1;
      while (count - done >= 56
          && fitsWord(source, sourceBit + done)
          && fitsWord(target, targetBit + done)) {
        long sourceIndex = sourceBit + done;
        long targetIndex = targetBit + done;
        long bits = (source.get(WORD, sourceIndex >>> 3) >>> (sourceIndex & 7)) & chunkMask;
        int shift = (int) (targetIndex & 7);
        long old = target.get(WORD, targetIndex >>> 3);
        target.set(WORD, targetIndex >>> 3, (old & ~(chunkMask << shift)) | (bits << shift));
        done += 56;
      }
    }
    for (; done < count; done++) {
      set(target, targetBit + done, get(source, sourceBit + done));
    }
  }

  private static boolean fitsWord(MemorySegment segment, long bitIndex) {
    return (bitIndex >>> 3) + 8 <= segment.byteSize();
  }

  /**
   * Counts the set bits in {@code [bitOffset, bitOffset + length)}, a 64-bit word at a time. Reads
   * only bytes inside the range, so unpadded (foreign) bitmaps are fine too.
   */
  public static long countSet(MemorySegment bitmap, long bitOffset, long length) {
    if (length == 0) {
      return 0;
    }
    long count = 0;
    long bit = bitOffset;
    long end = bitOffset + length;
    // Head: up to the next byte boundary that is also a multiple of 64 bits from bit 0.
    while (bit < end && (bit & 63) != 0) {
      if (get(bitmap, bit)) {
        count++;
      }
      bit++;
    }
    // Body: whole 64-bit words.
    long words = (end - bit) >>> 6;
    long byteOffset = bit >>> 3;
    for (long word = 0; word < words; word++) {
      count += Long.bitCount(bitmap.get(WORD, byteOffset + (word << 3)));
    }
    bit += words << 6;
    // Tail: the remaining bits of a partial word, masked.
    if (bit < end) {
      long remaining = end - bit;
      long tailBytes = bytesFor(remaining);
      long tail = 0;
      for (long index = 0; index < tailBytes; index++) {
        tail |= (bitmap.get(ValueLayout.JAVA_BYTE, (bit >>> 3) + index) & 0xFFL) << (index << 3);
      }
      count += Long.bitCount(tail & (-1L >>> (64 - remaining)));
    }
    return count;
  }
}
