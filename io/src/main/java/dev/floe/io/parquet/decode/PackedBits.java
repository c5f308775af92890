package dev.floe.io.parquet.decode;

/**
 * The inner loop of DELTA_BINARY_PACKED: unpacks LSB-first bit-packed values (the bit order of the
 * RLE/bit-packing hybrid, which parquet-format Encodings.md prescribes for miniblocks) from heap
 * words and adds them up as deltas.
 */
final class PackedBits {
  private PackedBits() {}

  /**
   * For {@code i < m}: {@code acc += minDelta + value(i); out[at + i] = acc}, where value(i) is the
   * {@code width}-bit value (1 to 63 bits) starting at bit {@code head + i * width} of
   * {@code words} (little-endian words); returns the final {@code acc}. A value straddling two
   * words takes its high bits from the next one (a well-predicted branch: measured faster than the
   * branch-free two-load form), so {@code words} must hold one word past the last value.
   */
  static long addUp(long[] words, int head, int width, int m, long minDelta, long acc, long[] out,
      int at) {
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
