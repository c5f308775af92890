package dev.floe.memory;

import dev.floe.errors.InvalidOperationException;
import java.lang.foreign.MemorySegment;

/**
 * A fixed-length array of primitives in one accounted off-heap {@link Buffer}: working state of an
 * operator (a hash table's slots, a join's matched rows) that must count against the query's memory
 * and be returned the moment its phase ends, which a Java array on the heap does neither of (G1
 * keeps the pages of a collected array resident). Indices are checked by the segment, whose bounds
 * are the array's, not the buffer's padding. {@link #close} releases the buffer once; later calls
 * do nothing. A {@link IntArray#view view} owns nothing.
 */
public abstract sealed class OffHeapArray implements AutoCloseable permits IntArray, LongArray {
  private final Buffer buffer; // null for a view
  final MemorySegment values;
  private final long length;
  private boolean closed;

  OffHeapArray(Buffer buffer, MemorySegment values, long length) {
    this.buffer = buffer;
    this.values = values;
    this.length = length;
  }

  /** A buffer for {@code length} values of {@code width} bytes, zeroed or not, uncached or not. */
  static Buffer buffer(BufferAllocator allocator, long length, int width, boolean zeroed, boolean uncached) {
    if (length < 0 || length > (Long.MAX_VALUE >> 4)) {
      throw new InvalidOperationException("cannot make an off-heap array of " + length + " values");
    }
    long bytes = Math.max(1, length) * width;
    Buffer buffer = zeroed ? allocator.allocateZeroed(bytes) : allocator.allocate(bytes);
    return uncached ? buffer.uncached() : buffer;
  }

  /** The first {@code length} values of {@code width} bytes of {@code buffer}, bounds exact. */
  static MemorySegment exact(Buffer buffer, long length, int width) {
    return buffer.segment().asSlice(0, length * width);
  }

  public final long length() {
    return length;
  }

  /** Sets every element to zero. */
  public final void clear() {
    values.fill((byte) 0);
  }

  @Override
  public final void close() {
    if (!closed) {
      closed = true;
      if (buffer != null) {
        buffer.release();
      }
    }
  }
}
