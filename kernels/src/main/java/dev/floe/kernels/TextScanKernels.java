package dev.floe.kernels;

import java.lang.foreign.MemorySegment;

/**
 * Byte-classification kernels behind {@link TextScan}, for text readers (CSV): an ASCII test over a
 * byte range and a 64-byte structural bitmask (bit {@code i} set when byte {@code offset + i} equals
 * one of two given bytes), the building block of the simdjson/simdcsv structural index (Langdale
 * &amp; Lemire, "Parsing Gigabytes of JSON per Second", VLDB Journal 2019). Implemented by {@code
 * TextScanSimd} and its scalar twin {@code TextScanScalar}; both give identical results.
 */
public interface TextScanKernels {
  /** True when no byte of {@code [start, end)} has its high bit set. */
  boolean ascii(MemorySegment data, long start, long end);

  /**
   * Bit {@code i} is set when byte {@code offset + i} equals {@code a} or {@code b}, for {@code i}
   * in 0..63; the caller guarantees {@code offset + 64 <= data.byteSize()}.
   */
  long mask64(MemorySegment data, long offset, byte a, byte b);

  /**
   * The four masks of a CSV tokenizer for the 64 bytes at {@code offset}, from one pass: {@code
   * out[0]} bytes equal to {@code separator}, {@code out[1]} newlines, {@code out[2]} bytes equal
   * to {@code quote}, {@code out[3]} bytes with the high bit set (not ASCII); the caller guarantees
   * {@code offset + 64 <= data.byteSize()}.
   */
  void csvMasks64(MemorySegment data, long offset, byte separator, byte quote, long[] out);
}
