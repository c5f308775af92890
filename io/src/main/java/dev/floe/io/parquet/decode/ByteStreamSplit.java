package dev.floe.io.parquet.decode;

import java.lang.foreign.MemorySegment;

/** BYTE_STREAM_SPLIT values of any fixed width (FLOAT, DOUBLE, INT32, INT64, FIXED_LEN_BYTE_ARRAY). */
public final class ByteStreamSplit {
  private ByteStreamSplit() {}

  /**
   * Decodes {@code count} values of {@code width} bytes from {@code src[offset, offset + length)}
   * into {@code dst} starting at byte {@code dstOffset} (values contiguous, little-endian as
   * stored). Malformed input raises {@code FloeIoException} whose message starts with {@code where}.
   */
  public static void decode(MemorySegment src, long offset, long length, int count, int width,
      MemorySegment dst, long dstOffset, String where) {
    throw new UnsupportedOperationException("BYTE_STREAM_SPLIT: being implemented");
  }
}
