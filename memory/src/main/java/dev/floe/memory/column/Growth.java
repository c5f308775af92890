package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.lang.foreign.MemorySegment;

/** Buffer growth for builders: allocate a larger buffer, copy the used bytes, release the old. */
final class Growth {
  /** Builders start with room for this many values unless told otherwise. */
  static final int DEFAULT_CAPACITY = 1024;

  /** The most values one column chunk holds; longer data is a chunked column. */
  static final int MAX_CHUNK_VALUES = Integer.MAX_VALUE - 8;

  private Growth() {}

  /** The next capacity: double, but at least {@code required} and at least 64. */
  static long nextCapacity(long current, long required) {
    return Math.max(Math.max(current * 2, required), 64);
  }

  /** Throws when a column chunk would hold {@code values} values, more than it can. */
  static void checkChunkLength(long values) {
    if (values > MAX_CHUNK_VALUES) {
      throw new InvalidOperationException(
          "a column chunk holds at most " + MAX_CHUNK_VALUES + " values, not " + values
              + "; use a chunked column");
    }
  }

  /** {@link #nextCapacity} for a count of values, capped at the chunk limit. */
  static long nextSlotCapacity(long current, long required) {
    checkChunkLength(required);
    return Math.min(nextCapacity(current, required), MAX_CHUNK_VALUES);
  }

  /**
   * A buffer of {@code newBytes} holding the first {@code usedBytes} of {@code old} (released); if
   * {@code zeroRest}, bytes after the used ones are zero. {@code old} may be null.
   */
  static Buffer grow(
      BufferAllocator allocator, Buffer old, long usedBytes, long newBytes, boolean zeroRest) {
    Buffer grown = zeroRest ? allocator.allocateZeroed(newBytes) : allocator.allocate(newBytes);
    if (old != null) {
      MemorySegment.copy(old.segment(), 0, grown.segment(), 0, usedBytes);
      old.release();
    }
    return grown;
  }
}
