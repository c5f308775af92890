package dev.floe.kernels;

import dev.floe.kernels.scalar.HashScalar;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The per-row u64 hash of the {@code hash(seed)} expression: {@link Hash#hash64} (equal values hash
 * alike whatever the layout, slice or integer width; -0.0 as 0.0; every NaN alike; nulls to one
 * value) combined with the mixed seed. Floe's own hash: the values differ from Polars'.
 */
public final class RowHash {
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

  private RowHash() {}

  /** One hash per row, never null; the caller closes the result. */
  public static FixedWidthColumn hash(Column column, long seed, BufferAllocator allocator) {
    FixedWidthColumn hashes = Hash.hash64(column, allocator);
    MemorySegment values = hashes.valuesBuffer().segment();
    long seedHash = HashScalar.mix(seed);
    for (int row = 0; row < hashes.length(); row++) {
      long at = (long) row << 3;
      values.set(LONG, at, HashScalar.combine(seedHash, values.get(LONG, at)));
    }
    return hashes;
  }
}
