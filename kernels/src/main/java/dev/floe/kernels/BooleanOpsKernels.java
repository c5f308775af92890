package dev.floe.kernels;

import java.lang.foreign.MemorySegment;

/**
 * Word-wise bitmap kernels behind {@link BooleanOps}: inputs are bitmaps read from any bit offset,
 * the output is a bitmap starting at bit 0 whose {@code ceil(length / 64)} 64-bit words are all
 * written (bits past {@code length} are zero). Implemented by {@code BooleanOpsSimd} and its
 * scalar twin {@code BooleanOpsScalar}.
 */
public interface BooleanOpsKernels {
  void and(MemorySegment a, long aBit, MemorySegment b, long bBit, int length, MemorySegment out);

  void or(MemorySegment a, long aBit, MemorySegment b, long bBit, int length, MemorySegment out);

  void xor(MemorySegment a, long aBit, MemorySegment b, long bBit, int length, MemorySegment out);

  void not(MemorySegment a, long aBit, int length, MemorySegment out);
}
