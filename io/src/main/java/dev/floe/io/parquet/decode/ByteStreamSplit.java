package dev.floe.io.parquet.decode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * BYTE_STREAM_SPLIT values of any fixed width (FLOAT, DOUBLE, INT32, INT64, FIXED_LEN_BYTE_ARRAY);
 * parquet-format Encodings.md "Byte Stream Split (BYTE_STREAM_SPLIT = 9)": K = width byte streams
 * of N bytes each, stream k holding byte k of every value, "the total length of encoded streams is
 * K * N bytes" with no padding, N being the number of encoded (non-null) values of the page.
 *
 * <p>Decoding is a K x N byte-matrix transpose. Widths 8 and 4 load 8 bytes of each stream and
 * transpose the 8 x 8 (or 4 x 8) block in registers with three (two) rounds of masked swaps; other
 * widths go through a heap buffer a chunk of values at a time.
 */
public final class ByteStreamSplit {
  static final String ENCODING = "BYTE_STREAM_SPLIT";
  private static final ValueLayout.OfLong LONG_LE =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfInt INT_LE =
      ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final int CHUNK_BYTES = 16 * 1024;

  private ByteStreamSplit() {}

  /**
   * Decodes {@code count} values of {@code width} bytes from {@code src[offset, offset + length)}
   * into {@code dst} starting at byte {@code dstOffset} (values contiguous, little-endian as
   * stored). Malformed input raises {@code FloeIoException} whose message starts with {@code where}.
   */
  public static void decode(MemorySegment src, long offset, long length, int count, int width,
      MemorySegment dst, long dstOffset, String where) {
    if (width <= 0) {
      throw Malformed.of(where, ENCODING, "value width " + width + " is not positive");
    }
    Malformed.checkRange(src, offset, length, count, "source", where, ENCODING);
    long bytes = (long) count * width;
    if (length != bytes) {
      throw Malformed.of(where, ENCODING, "data of " + length + " bytes at byte 0 is not "
          + width + " streams of " + count + " bytes (" + bytes + ")");
    }
    Malformed.checkRange(dst, dstOffset, bytes, count, "destination", where, ENCODING);
    int done = switch (width) {
      case 8 -> width8(src, offset, count, dst, dstOffset);
      case 4 -> width4(src, offset, count, dst, dstOffset);
      default -> 0;
    };
    generic(src, offset, count, width, done, dst, dstOffset);
  }

  /** Values {@code [0, count - count % 8)} of 8 bytes; returns how many were decoded. */
  private static int width8(MemorySegment src, long offset, int count, MemorySegment dst,
      long dstOffset) {
    int blocks = count & ~7;
    long n = count;
    for (int i = 0; i < blocks; i += 8) {
      long s = offset + i;
      long r0 = src.get(LONG_LE, s);
      long r1 = src.get(LONG_LE, s + n);
      long r2 = src.get(LONG_LE, s + 2 * n);
      long r3 = src.get(LONG_LE, s + 3 * n);
      long r4 = src.get(LONG_LE, s + 4 * n);
      long r5 = src.get(LONG_LE, s + 5 * n);
      long r6 = src.get(LONG_LE, s + 6 * n);
      long r7 = src.get(LONG_LE, s + 7 * n);
      // Row k holds byte k of values i..i+7; swap 1-, 2-, then 4-byte blocks between row pairs.
      long t;
      t = ((r0 >>> 8) ^ r1) & 0x00FF00FF00FF00FFL; r1 ^= t; r0 ^= t << 8;
      t = ((r2 >>> 8) ^ r3) & 0x00FF00FF00FF00FFL; r3 ^= t; r2 ^= t << 8;
      t = ((r4 >>> 8) ^ r5) & 0x00FF00FF00FF00FFL; r5 ^= t; r4 ^= t << 8;
      t = ((r6 >>> 8) ^ r7) & 0x00FF00FF00FF00FFL; r7 ^= t; r6 ^= t << 8;
      t = ((r0 >>> 16) ^ r2) & 0x0000FFFF0000FFFFL; r2 ^= t; r0 ^= t << 16;
      t = ((r1 >>> 16) ^ r3) & 0x0000FFFF0000FFFFL; r3 ^= t; r1 ^= t << 16;
      t = ((r4 >>> 16) ^ r6) & 0x0000FFFF0000FFFFL; r6 ^= t; r4 ^= t << 16;
      t = ((r5 >>> 16) ^ r7) & 0x0000FFFF0000FFFFL; r7 ^= t; r5 ^= t << 16;
      t = ((r0 >>> 32) ^ r4) & 0x00000000FFFFFFFFL; r4 ^= t; r0 ^= t << 32;
      t = ((r1 >>> 32) ^ r5) & 0x00000000FFFFFFFFL; r5 ^= t; r1 ^= t << 32;
      t = ((r2 >>> 32) ^ r6) & 0x00000000FFFFFFFFL; r6 ^= t; r2 ^= t << 32;
      t = ((r3 >>> 32) ^ r7) & 0x00000000FFFFFFFFL; r7 ^= t; r3 ^= t << 32;
      long d = dstOffset + 8L * i;
      dst.set(LONG_LE, d, r0);
      dst.set(LONG_LE, d + 8, r1);
      dst.set(LONG_LE, d + 16, r2);
      dst.set(LONG_LE, d + 24, r3);
      dst.set(LONG_LE, d + 32, r4);
      dst.set(LONG_LE, d + 40, r5);
      dst.set(LONG_LE, d + 48, r6);
      dst.set(LONG_LE, d + 56, r7);
    }
    return blocks;
  }

  /** Values {@code [0, count - count % 8)} of 4 bytes; returns how many were decoded. */
  private static int width4(MemorySegment src, long offset, int count, MemorySegment dst,
      long dstOffset) {
    int blocks = count & ~7;
    long n = count;
    for (int i = 0; i < blocks; i += 8) {
      long s = offset + i;
      long r0 = src.get(LONG_LE, s);
      long r1 = src.get(LONG_LE, s + n);
      long r2 = src.get(LONG_LE, s + 2 * n);
      long r3 = src.get(LONG_LE, s + 3 * n);
      // Two rounds transpose each 4 x 4 half: afterwards the low (high) half of row k is value
      // i + k (i + 4 + k).
      long t;
      t = ((r0 >>> 8) ^ r1) & 0x00FF00FF00FF00FFL; r1 ^= t; r0 ^= t << 8;
      t = ((r2 >>> 8) ^ r3) & 0x00FF00FF00FF00FFL; r3 ^= t; r2 ^= t << 8;
      t = ((r0 >>> 16) ^ r2) & 0x0000FFFF0000FFFFL; r2 ^= t; r0 ^= t << 16;
      t = ((r1 >>> 16) ^ r3) & 0x0000FFFF0000FFFFL; r3 ^= t; r1 ^= t << 16;
      long d = dstOffset + 4L * i;
      dst.set(INT_LE, d, (int) r0);
      dst.set(INT_LE, d + 4, (int) r1);
      dst.set(INT_LE, d + 8, (int) r2);
      dst.set(INT_LE, d + 12, (int) r3);
      dst.set(INT_LE, d + 16, (int) (r0 >>> 32));
      dst.set(INT_LE, d + 20, (int) (r1 >>> 32));
      dst.set(INT_LE, d + 24, (int) (r2 >>> 32));
      dst.set(INT_LE, d + 28, (int) (r3 >>> 32));
    }
    return blocks;
  }

  /** Values {@code [from, count)} of any width, through heap buffers a chunk at a time. */
  private static void generic(MemorySegment src, long offset, int count, int width, int from,
      MemorySegment dst, long dstOffset) {
    if (from == count) {
      return;
    }
    int chunk = Math.max(1, Math.min(count - from, CHUNK_BYTES / width));
    byte[] streams = new byte[Math.multiplyExact(chunk, width)];
    byte[] values = new byte[streams.length];
    for (int start = from; start < count; start += chunk) {
      int n = Math.min(chunk, count - start);
      for (int k = 0; k < width; k++) {
        MemorySegment.copy(src, ValueLayout.JAVA_BYTE, offset + (long) k * count + start, streams,
            k * n, n);
      }
      for (int k = 0; k < width; k++) {
        int base = k * n;
        for (int i = 0; i < n; i++) {
          values[i * width + k] = streams[base + i];
        }
      }
      MemorySegment.copy(values, 0, dst, ValueLayout.JAVA_BYTE, dstOffset + (long) start * width,
          n * width);
    }
  }
}
