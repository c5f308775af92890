package dev.floe.kernels;

import java.lang.foreign.MemorySegment;

/**
 * Fixed-width filter kernels behind {@link Filter}: copy the values at element {@code first + row}
 * whose bit {@code maskBit + row} of {@code mask} is set (nulls already folded into the mask) to
 * {@code out} from element 0, and return how many were copied. {@code out} must hold the selected
 * values plus 64 bytes of slack (vector and branch-free stores write past the last value). Values
 * past {@code length} are never read. Implemented by {@code FilterSimd} and {@code FilterScalar}.
 */
public interface FilterKernels {
  int filterLongs(
      MemorySegment values, long first, MemorySegment mask, long maskBit, int length,
      MemorySegment out);

  int filterInts(
      MemorySegment values, long first, MemorySegment mask, long maskBit, int length,
      MemorySegment out);
}
