package dev.floe.io.parquet.decode;

import java.lang.foreign.MemorySegment;

/** Receives decoded BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY values, one call per value, in order. */
@FunctionalInterface
public interface BinarySink {
  /** Appends the {@code length} bytes at {@code offset} of {@code source} as the next value. */
  void append(MemorySegment source, long offset, int length);
}
