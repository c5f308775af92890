package dev.floe.io.parquet.decode;

import java.lang.foreign.MemorySegment;

/** DELTA_BINARY_PACKED values (INT32 and INT64). */
public final class DeltaBinaryPacked {
  private DeltaBinaryPacked() {}

  /**
   * Decodes {@code count} INT32 values from {@code src[offset, offset + length)} into {@code dst}
   * as little-endian ints starting at byte {@code dstOffset}; returns the source bytes consumed.
   * Malformed input raises {@code FloeIoException} whose message starts with {@code where}.
   */
  public static long decodeInt32(MemorySegment src, long offset, long length, int count,
      MemorySegment dst, long dstOffset, String where) {
    throw new UnsupportedOperationException("DELTA_BINARY_PACKED: being implemented");
  }

  /** As {@link #decodeInt32}, for INT64 values. */
  public static long decodeInt64(MemorySegment src, long offset, long length, int count,
      MemorySegment dst, long dstOffset, String where) {
    throw new UnsupportedOperationException("DELTA_BINARY_PACKED: being implemented");
  }
}
