package dev.floe.kernels.scalar;

import dev.floe.kernels.TextScanKernels;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The scalar twin of {@code TextScanSimd}: SWAR over 64-bit words. The byte-equality test is the
 * exact form (no false positives from borrows, unlike the shorter {@code (x - 0x01..) & ~x}): a byte
 * of {@code x} is zero exactly when {@code ~(((x & 0x7F) + 0x7F) | x | 0x7F)} has its high bit set
 * (Warren, "Hacker's Delight", 2nd ed., section 6-1). The eight high bits are gathered into one byte
 * with a multiply (bit 7 of byte {@code k} lands on bit {@code 56 + k}).
 */
public final class TextScanScalar implements TextScanKernels {
  public static final TextScanScalar INSTANCE = new TextScanScalar();

  private static final ValueLayout.OfLong WORD =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
  private static final long HIGHS = 0x8080808080808080L;

  private TextScanScalar() {}

  @Override
  public boolean ascii(MemorySegment data, long start, long end) {
    long p = start;
    long any = 0;
    for (; p + 32 <= end; p += 32) {
      any |= data.get(WORD, p) | data.get(WORD, p + 8) | data.get(WORD, p + 16)
          | data.get(WORD, p + 24);
      if ((any & HIGHS) != 0) {
        return false;
      }
    }
    for (; p + 8 <= end; p += 8) {
      any |= data.get(WORD, p);
    }
    for (; p < end; p++) {
      any |= data.get(ValueLayout.JAVA_BYTE, p);
    }
    return (any & HIGHS) == 0;
  }

  @Override
  public long mask64(MemorySegment data, long offset, byte a, byte b) {
    long patternA = ONES * (a & 0xFF);
    long patternB = ONES * (b & 0xFF);
    long mask = 0;
    for (int word = 0; word < 8; word++) {
      long x = data.get(WORD, offset + ((long) word << 3));
      long found = zeroBytes(x ^ patternA) | zeroBytes(x ^ patternB);
      mask |= gather(found) << (word << 3);
    }
    return mask;
  }

  @Override
  public void csvMasks64(MemorySegment data, long offset, byte separator, byte quote, long[] out) {
    long separators = ONES * (separator & 0xFF);
    long newlines = ONES * '\n';
    long quotes = ONES * (quote & 0xFF);
    long s = 0;
    long n = 0;
    long q = 0;
    long h = 0;
    for (int word = 0; word < 8; word++) {
      long x = data.get(WORD, offset + ((long) word << 3));
      int shift = word << 3;
      s |= gather(zeroBytes(x ^ separators)) << shift;
      n |= gather(zeroBytes(x ^ newlines)) << shift;
      q |= gather(zeroBytes(x ^ quotes)) << shift;
      h |= gather(x & 0x8080808080808080L) << shift;
    }
    out[0] = s;
    out[1] = n;
    out[2] = q;
    out[3] = h;
  }

  /** High bit of each byte set exactly where the byte of {@code x} is zero. */
  static long zeroBytes(long x) {
    return ~(((x & LOWS) + LOWS) | x | LOWS);
  }

  /** The high bits of the eight bytes (as from {@link #zeroBytes}) as an 8-bit mask. */
  static long gather(long highs) {
    return ((highs >>> 7) * 0x0102040810204080L) >>> 56;
  }
}
