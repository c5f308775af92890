package dev.floe.io.parquet.decode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * DELTA_BINARY_PACKED values (INT32 and INT64), parquet-format Encodings.md "Delta Encoding
 * (DELTA_BINARY_PACKED = 5)". The values are decoded in chunks by a {@link DeltaReader} into a heap
 * array and copied to the destination in bulk; INT32 values wrap in 32 bits as the spec requires.
 *
 * <p>When the header announces more values than {@code count}, the first {@code count} are decoded
 * and the remaining blocks are walked (not unpacked) so the bytes consumed cover the whole
 * encoding. An empty range with {@code count == 0} decodes nothing and consumes nothing.
 */
public final class DeltaBinaryPacked {
  static final String ENCODING = "DELTA_BINARY_PACKED";
  /** Values decoded per chunk: large enough to amortise the bulk copy, small enough for L1. */
  static final int CHUNK = 1024;
  private static final ValueLayout.OfLong LONG_LE =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfInt INT_LE =
      ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private DeltaBinaryPacked() {}

  /**
   * Decodes {@code count} INT32 values from {@code src[offset, offset + length)} into {@code dst}
   * as little-endian ints starting at byte {@code dstOffset}; returns the source bytes consumed.
   * Malformed input raises {@code FloeIoException} whose message starts with {@code where}.
   */
  public static long decodeInt32(MemorySegment src, long offset, long length, int count,
      MemorySegment dst, long dstOffset, String where) {
    DeltaReader reader = open(src, offset, length, count, dst, dstOffset, 4, 32, where);
    if (reader == null) {
      return 0;
    }
    long[] chunk = new long[Math.min(CHUNK, Math.max(1, count))];
    int[] ints = new int[chunk.length];
    for (int done = 0; done < count; ) {
      int n = Math.min(chunk.length, count - done);
      reader.read(chunk, n);
      for (int i = 0; i < n; i++) {
        ints[i] = (int) chunk[i];
      }
      MemorySegment.copy(ints, 0, dst, INT_LE, dstOffset + 4L * done, n);
      done += n;
    }
    return reader.skipToEnd() - offset;
  }

  /** As {@link #decodeInt32}, for INT64 values. */
  public static long decodeInt64(MemorySegment src, long offset, long length, int count,
      MemorySegment dst, long dstOffset, String where) {
    DeltaReader reader = open(src, offset, length, count, dst, dstOffset, 8, 64, where);
    if (reader == null) {
      return 0;
    }
    long[] chunk = new long[Math.min(CHUNK, Math.max(1, count))];
    for (int done = 0; done < count; ) {
      int n = Math.min(chunk.length, count - done);
      reader.read(chunk, n);
      MemorySegment.copy(chunk, 0, dst, LONG_LE, dstOffset + 8L * done, n);
      done += n;
    }
    return reader.skipToEnd() - offset;
  }

  private static DeltaReader open(MemorySegment src, long offset, long length, int count,
      MemorySegment dst, long dstOffset, int valueBytes, int maxWidth, String where) {
    Malformed.checkRange(src, offset, length, count, "source", where, ENCODING);
    Malformed.checkRange(dst, dstOffset, (long) valueBytes * count, count, "destination", where,
        ENCODING);
    if (count == 0 && length == 0) {
      return null; // nothing to decode, and no header to read: an empty section is accepted
    }
    DeltaReader reader =
        new DeltaReader(src, offset, offset + length, offset, maxWidth, where, ENCODING);
    reader.requireAtLeast(count, "values");
    return reader;
  }
}
