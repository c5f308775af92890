package dev.floe.io.csv;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Short numeric fields (at most 8 bytes after the sign) parsed as one 64-bit word: load the 8 bytes
 * that end at the field's end, replace the bytes before the field by '0' (leading zeros), check that
 * all eight are digits and combine them in three multiply-add steps (D. Lemire, "SWAR explained:
 * parsing eight digits", 2022, https://lemire.me/blog/2022/01/21/swar-explained-parsing-eight-digits/;
 * the multiply-add form of simdjson's {@code parse_eight_digits_unrolled}).
 * A decimal point is removed by shifting the integer part one byte up. Anything else (longer fields,
 * exponents, specials, fields in the first 8 bytes of the data) returns {@link #NONE}, and the caller
 * falls back to its byte-by-byte parser, so the results are those of that parser.
 */
final class SwarDigits {
  /** Not handled here: use the general parser. */
  static final long NONE = -1;

  private static final ValueLayout.OfLong WORD =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final long ZEROS = 0x3030303030303030L;
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

  private SwarDigits() {}

  /** The value of the 1-8 digits {@code [p, end)}, or {@link #NONE}. */
  static long digits(MemorySegment data, long p, long end) {
    long length = end - p;
    if (length < 1 || length > 8 || end < 8) {
      return NONE;
    }
    long word = padded(data, p, end);
    return allDigits(word) ? combine(word) : NONE;
  }

  /**
   * For {@code [p, end)} of 1-8 bytes of digits with at most one {@code point} and at least one
   * digit: the digits as one integer (the mantissa) in the low 56 bits and the number of digits
   * after the point in the top byte; {@link #NONE} otherwise.
   */
  static long decimal(MemorySegment data, long p, long end, byte point) {
    long length = end - p;
    if (length < 1 || length > 8 || end < 8) {
      return NONE;
    }
    long word = padded(data, p, end);
    long points = zeroBytes(word ^ (0x0101010101010101L * (point & 0xFF)));
    int fraction = 0;
    if (points != 0) {
      if ((points & (points - 1)) != 0 || length == 1) {
        return NONE;
      }
      int position = Long.numberOfTrailingZeros(points) >>> 3;
      fraction = 7 - position;
      long below = (1L << (position << 3)) - 1;
      long above = ~(below | (0xFFL << (position << 3)));
      word = ((word & below) << 8) | (word & above) | '0';
    }
    return allDigits(word) ? combine(word) | ((long) fraction << 56) : NONE;
  }

  /** The 8 bytes ending at {@code end}, with those before {@code p} replaced by '0'. */
  private static long padded(MemorySegment data, long p, long end) {
    long word = data.get(WORD, end - 8);
    int pad = (int) (8 - (end - p)) << 3;
    long keep = pad == 0 ? -1L : -1L << pad;
    return (word & keep) | (ZEROS & ~keep);
  }

  /** High bit of each byte set exactly where the byte of {@code x} is zero (Hacker's Delight 6-1). */
  private static long zeroBytes(long x) {
    return ~(((x & LOWS) + LOWS) | x | LOWS);
  }

  /** True when all eight bytes are '0'..'9' (Lemire's SWAR digit test). */
  private static boolean allDigits(long word) {
    return ((word & 0xF0F0F0F0F0F0F0F0L)
        | (((word + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4)) == 0x3333333333333333L;
  }

  /** Eight ASCII digits (first digit in the low byte) as their decimal value. */
  private static long combine(long word) {
    long value = word - ZEROS;
    value = (value * 10) + (value >>> 8);
    value = (((value & 0x000000FF000000FFL) * (100 + (1000000L << 32)))
        + (((value >>> 16) & 0x000000FF000000FFL) * (1 + (10000L << 32)))) >>> 32;
    return value;
  }
}
