package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The offsets buffer of a var-binary or list builder: int32 or int64 entries, the first always 0,
 * one more entry per appended value. Allocated at the first append (an unused builder holds no
 * memory); capacity doubles through {@link Growth}.
 */
final class OffsetsBuilder {
  private final BufferAllocator allocator;
  private final boolean large;
  private final int width;
  private final String what;
  private final int initialCapacity;
  private Buffer buffer;
  private MemorySegment segment;
  private long capacityEntries;
  private int valueCount;
  private long last;

  /**
   * @param what the column type, named when int32 offsets overflow
   * @param initialCapacity values to make room for at the first append
   */
  OffsetsBuilder(BufferAllocator allocator, boolean large, String what, int initialCapacity) {
    this.allocator = allocator;
    this.large = large;
    this.width = large ? 8 : 4;
    this.what = what;
    this.initialCapacity = Math.max(initialCapacity, 1);
  }

  /** Values appended (entries minus one). */
  int valueCount() {
    return valueCount;
  }

  /** The end offset of the last value (0 when empty). */
  long last() {
    return last;
  }

  /** Appends the entry ending the next value at {@code endOffset} (at least {@link #last()}). */
  void append(long endOffset) {
    checkEnd(endOffset);
    Growth.checkChunkLength(valueCount + 1L);
    long entry = valueCount + 1L;
    if (entry >= capacityEntries) {
      grow(Math.max(entry + 1, initialCapacity + 1L));
    }
    write(entry, endOffset);
    valueCount++;
    last = endOffset;
  }

  /** Throws before anything is appended if {@code endOffset} does not fit int32 offsets. */
  void checkEnd(long endOffset) {
    if (!large && endOffset > Integer.MAX_VALUE) {
      throw new InvalidOperationException(
          "a column of " + what + " holds at most " + Integer.MAX_VALUE
              + " bytes or values in one chunk (int32 offsets); use its large variant or a"
              + " chunked column");
    }
  }

  /** The offsets buffer ({@code valueCount() + 1} entries, at least the leading 0); resets. */
  Buffer finish() {
    if (buffer == null) {
      grow(1);
    }
    Buffer result = buffer;
    buffer = null;
    segment = null;
    capacityEntries = 0;
    valueCount = 0;
    last = 0;
    return result;
  }

  void close() {
    if (buffer != null) {
      buffer.release();
    }
    buffer = null;
    segment = null;
    capacityEntries = 0;
    valueCount = 0;
    last = 0;
  }

  private void grow(long requiredEntries) {
    boolean fresh = buffer == null;
    long newEntries = Growth.nextCapacity(capacityEntries, requiredEntries);
    buffer = Growth.grow(allocator, buffer, (valueCount + 1L) * width, newEntries * width, false);
    segment = buffer.segment();
    capacityEntries = buffer.capacity() / width;
    if (fresh) {
      write(0, 0);
    }
  }

  private void write(long entry, long value) {
    if (large) {
      segment.set(ValueLayout.JAVA_LONG_UNALIGNED, entry << 3, value);
    } else {
      segment.set(ValueLayout.JAVA_INT_UNALIGNED, entry << 2, (int) value);
    }
  }
}
