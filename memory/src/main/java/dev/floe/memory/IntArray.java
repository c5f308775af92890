package dev.floe.memory;

import dev.floe.errors.InvalidOperationException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A fixed-length array of {@code int}s in one accounted off-heap {@link Buffer}: working state of an
 * operator (a hash table's slots, a join's matched rows) that must count against the query's memory
 * and be returned the moment its phase ends, which a Java array on the heap does neither of (G1
 * keeps the pages of a collected array resident). Indices are checked by the segment. {@link
 * #close} releases the buffer once; later calls do nothing.
 */
public final class IntArray implements AutoCloseable {
  private final Buffer buffer;
  private final MemorySegment values;
  private final long length;
  private boolean closed;

  private IntArray(Buffer buffer, MemorySegment values, long length) {
    this.buffer = buffer;
    this.values = values;
    this.length = length;
  }

  private IntArray(Buffer buffer, long length) {
    this.buffer = buffer;
    this.values = buffer.segment().asSlice(0, length * Integer.BYTES); // bounds exact, not padded
    this.length = length;
  }

  /** An array of {@code length} ints from {@code allocator}, contents undefined. */
  public static IntArray allocate(BufferAllocator allocator, long length) {
    return new IntArray(allocator.allocate(bytes(length)), length);
  }

  /** An array of {@code length} zeros from {@code allocator}. */
  public static IntArray zeroed(BufferAllocator allocator, long length) {
    return new IntArray(allocator.allocateZeroed(bytes(length)), length);
  }

  private static long bytes(long length) {
    if (length < 0 || length > (Long.MAX_VALUE >> 3)) {
      throw new InvalidOperationException("cannot make an int array of " + length + " values");
    }
    return Math.max(1, length) * Integer.BYTES;
  }

  /**
   * A large working array whose memory leaves the process when it is closed ({@link
   * Buffer#uncached}), contents undefined.
   */
  public static IntArray allocateUncached(BufferAllocator allocator, long length) {
    return new IntArray(allocator.allocate(bytes(length)).uncached(), length);
  }

  /**
   * Elements {@code [from, from + length)} as an array of their own over the same memory; it owns
   * nothing (closing it does nothing) and must not be used once this array is closed.
   */
  public IntArray view(long from, long length) {
    return new IntArray(null, values.asSlice(from * Integer.BYTES, length * Integer.BYTES), length);
  }

  /** Sets every element to zero. */
  public void clear() {
    values.fill((byte) 0);
  }

  public long length() {
    return length;
  }

  public int get(long index) {
    return values.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, index);
  }

  public void set(long index, int value) {
    values.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, index, value);
  }

  /** Adds {@code delta} to element {@code index} and returns the new value. */
  public int add(long index, int delta) {
    int value = get(index) + delta;
    set(index, value);
    return value;
  }

  /** Copies {@code count} values from {@code from} into {@code target[0, count)}. */
  public void copyTo(long from, int[] target, int count) {
    MemorySegment.copy(values, ValueLayout.JAVA_INT_UNALIGNED, from * Integer.BYTES, target, 0, count);
  }

  /** Copies {@code source[0, count)} to positions {@code [at, at + count)}. */
  public void copyFrom(int[] source, int count, long at) {
    MemorySegment.copy(source, 0, values, ValueLayout.JAVA_INT_UNALIGNED, at * Integer.BYTES, count);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (buffer != null) {
        buffer.release();
      }
    }
  }
}
