package dev.floe.memory.column;

import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.lang.foreign.MemorySegment;

/** Buffer growth for builders: allocate a larger buffer, copy the used bytes, release the old. */
final class Growth {
  /** Builders start with room for this many values unless told otherwise. */
  static final int DEFAULT_CAPACITY = 1024;

  private Growth() {}

  /** The next capacity: double, but at least {@code required} and at least 64. */
  static long nextCapacity(long current, long required) {
    return Math.max(Math.max(current * 2, required), 64);
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
