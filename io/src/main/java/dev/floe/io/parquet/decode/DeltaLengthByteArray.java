package dev.floe.io.parquet.decode;

import java.lang.foreign.MemorySegment;

/** DELTA_LENGTH_BYTE_ARRAY values. */
public final class DeltaLengthByteArray {
  private DeltaLengthByteArray() {}

  /**
   * Decodes {@code count} values from {@code src[offset, offset + length)} into {@code sink};
   * returns the source bytes consumed. Malformed input raises {@code FloeIoException} whose
   * message starts with {@code where}.
   */
  public static long decode(MemorySegment src, long offset, long length, int count, BinarySink sink,
      String where) {
    throw new UnsupportedOperationException("DELTA_LENGTH_BYTE_ARRAY: being implemented");
  }
}
