package dev.floe.io.parquet.decode;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

/**
 * The inner loop of DELTA_BINARY_PACKED: unpacks LSB-first bit-packed values (the bit order of the
 * RLE/bit-packing hybrid, which parquet-format Encodings.md prescribes for miniblocks) from heap
 * words and adds them up as deltas. One instance per decoder: it holds the copied bytes.
 */
final class PackedBits {
  /** Most bytes of a block loaded at once: 512 values of 64 bits. */
  static final int BLOCK_BYTES = 4096;
  private static final boolean BIG_ENDIAN_HOST = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

  /**
   * A whole block, or one chunk of values of a larger block (CHUNK * 63 bits + 7 head bits), plus
   * a spare word for the second load of the last value.
   */
  private final long[] words =
      new long[Math.max(BLOCK_BYTES / 8, DeltaBinaryPacked.CHUNK * 63 / 64) + 3];
  private final MemorySegment view = MemorySegment.ofArray(words);

  /** Copies {@code bytes} (at most the buffer's size) of {@code src} at {@code from} as LE words. */
  void load(MemorySegment src, long from, long bytes) {
    MemorySegment.copy(src, from, view, 0, bytes);
    if (BIG_ENDIAN_HOST) {
      for (int j = 0; j <= bytes >>> 3; j++) {
        words[j] = Long.reverseBytes(words[j]);
      }
    }
  }

  /**
   * For {@code i < m}: {@code acc += minDelta + value(i); out[at + i] = acc}, where value(i) is the
   * {@code width}-bit value (1 to 63 bits) starting at bit {@code head + i * width} of the loaded
   * bytes; returns the final {@code acc}. A value straddling two
   * words takes its high bits from the next one (a well-predicted branch: measured faster than the
   * branch-free two-load form); the buffer holds one word past the last value.
   */
  long addUp(int head, int width, int m, long minDelta, long acc, long[] out, int at) {
    long[] words = this.words;
    long mask = (1L << width) - 1;
    for (int i = 0; i < m; i++) {
      int bit = head + i * width;
      int word = bit >>> 6;
      int shift = bit & 63;
      long value = words[word] >>> shift;
      if (shift + width > 64) {
        value |= words[word + 1] << (64 - shift);
      }
      acc += minDelta + (value & mask);
      out[at + i] = acc;
    }
    return acc;
  }
}
