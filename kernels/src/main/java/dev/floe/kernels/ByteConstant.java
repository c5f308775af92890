package dev.floe.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * A constant byte string (a literal, a set member, a search needle) held as little-endian 64-bit
 * words, so that rows of a string column compare against it a word at a time instead of through
 * {@link MemorySegment#mismatch} (whose fixed cost dominates for short values): equality checks
 * the length first, then whole words, then the masked tail; ordering is byte-wise unsigned
 * (UTF-8 strings order as Polars orders them), decided on the first differing word; the search
 * finds positions where both the first and the last byte match, eight at a time (the filter of
 * W. Mula's "SIMD-friendly algorithms for substring searching", in SWAR with the "has zero byte"
 * trick of Hacker's Delight 6-1), and confirms each by the word compare.
 */
final class ByteConstant {
  static final ValueLayout.OfLong WORD =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  final byte[] bytes;
  final int length;
  /** The bytes as words, the last zero-padded. */
  private final long[] words;
  /** The first and the last byte repeated in every byte of a word (for the search). */
  private final long firstBroadcast;
  private final long lastBroadcast;

  ByteConstant(byte[] bytes) {
    this.bytes = bytes.clone();
    this.length = bytes.length;
    byte[] padded = java.util.Arrays.copyOf(bytes, ((length + 7) >>> 3) << 3);
    this.words = new long[padded.length >>> 3];
    MemorySegment source = MemorySegment.ofArray(padded);
    for (int word = 0; word < words.length; word++) {
      words[word] = source.get(WORD, (long) word << 3);
    }
    this.firstBroadcast = length == 0 ? 0 : (bytes[0] & 0xFFL) * ONES;
    this.lastBroadcast = length == 0 ? 0 : (bytes[length - 1] & 0xFFL) * ONES;
  }

  /** Bytes {@code [position, position + count)} of {@code segment} (count < 8) as a low word. */
  static long partial(MemorySegment segment, long position, int count) {
    if (position + 8 <= segment.byteSize()) {
      return segment.get(WORD, position) & ((1L << (count << 3)) - 1);
    }
    long word = 0;
    for (int index = 0; index < count; index++) {
      word |= (segment.get(ValueLayout.JAVA_BYTE, position + index) & 0xFFL) << (index << 3);
    }
    return word;
  }

  /** Whether the {@code length} bytes at {@code position} equal this constant. */
  boolean equalsAt(MemorySegment segment, long position) {
    int whole = length >>> 3;
    for (int word = 0; word < whole; word++) {
      if (segment.get(WORD, position + ((long) word << 3)) != words[word]) {
        return false;
      }
    }
    int tail = length & 7;
    return tail == 0 || partial(segment, position + ((long) whole << 3), tail) == words[whole];
  }

  /** Whether the value {@code [start, start + valueLength)} equals this constant. */
  boolean equalsValue(MemorySegment segment, long start, int valueLength) {
    return valueLength == length && equalsAt(segment, start);
  }

  /** The sign of (value - constant) in byte-wise unsigned order, shorter prefix first. */
  int compareValue(MemorySegment segment, long start, int valueLength) {
    int common = Math.min(valueLength, length);
    int whole = common >>> 3;
    for (int word = 0; word < whole; word++) {
      long value = segment.get(WORD, start + ((long) word << 3));
      if (value != words[word]) {
        return order(value, words[word]);
      }
    }
    int tail = common & 7;
    if (tail != 0) {
      long mask = (1L << (tail << 3)) - 1;
      long value = partial(segment, start + ((long) whole << 3), tail);
      long constant = words[whole] & mask;
      if (value != constant) {
        return order(value, constant);
      }
    }
    return Integer.compare(valueLength, length);
  }

  /** Byte-wise unsigned order of two little-endian words. */
  private static int order(long value, long constant) {
    return Long.compareUnsigned(Long.reverseBytes(value), Long.reverseBytes(constant));
  }

  /** The first position in {@code [from, to)} where this constant occurs whole, or -1. */
  long indexIn(MemorySegment segment, long from, long to) {
    if (length == 0) {
      return from;
    }
    long last = to - length; // the last position a match may start at
    long position = from;
    long lastOffset = length - 1;
    while (position + 8 <= last + 1) {
      long candidates = zeroBytes(segment.get(WORD, position) ^ firstBroadcast)
          & zeroBytes(segment.get(WORD, position + lastOffset) ^ lastBroadcast);
      while (candidates != 0) {
        long at = position + (Long.numberOfTrailingZeros(candidates) >>> 3);
        if (equalsAt(segment, at)) {
          return at;
        }
        candidates &= candidates - 1;
      }
      position += 8;
    }
    byte first = bytes[0];
    for (; position <= last; position++) {
      if (segment.get(ValueLayout.JAVA_BYTE, position) == first && equalsAt(segment, position)) {
        return position;
      }
    }
    return -1;
  }

  /**
   * A high bit in each byte of {@code word} that may be zero: exact for the lowest zero byte,
   * possibly flagging bytes above it too (callers confirm every candidate).
   */
  private static long zeroBytes(long word) {
    return (word - ONES) & ~word & HIGHS;
  }
}
