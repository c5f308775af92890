package dev.floe.memory;

import dev.floe.errors.InvalidOperationException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A fixed-length array of {@code long}s in one accounted off-heap {@link Buffer}; see {@link
 * IntArray} for why. {@link #close} releases the buffer once; later calls do nothing.
 */
public final class LongArray implements AutoCloseable {
  private final Buffer buffer;
  private final MemorySegment values;
  private final long length;
  private boolean closed;

  private LongArray(Buffer buffer, MemorySegment values, long length) {
    this.buffer = buffer;
    this.values = values;
    this.length = length;
  }

  private LongArray(Buffer buffer, long length) {
    this.buffer = buffer;
    this.values = buffer.segment().asSlice(0, length * Long.BYTES); // bounds exact, not padded
    this.length = length;
  }

  /** An array of {@code length} longs from {@code allocator}, contents undefined. */
  public static LongArray allocate(BufferAllocator allocator, long length) {
    return new LongArray(allocator.allocate(bytes(length)), length);
  }

  /** An array of {@code length} zeros from {@code allocator}. */
  public static LongArray zeroed(BufferAllocator allocator, long length) {
    return new LongArray(allocator.allocateZeroed(bytes(length)), length);
  }

  private static long bytes(long length) {
    if (length < 0 || length > (Long.MAX_VALUE >> 3)) {
      throw new InvalidOperationException("cannot make a long array of " + length + " values");
    }
    return Math.max(1, length) * Long.BYTES;
  }

  /**
   * A large working array whose memory leaves the process when it is closed ({@link
   * Buffer#uncached}), contents undefined.
   */
  public static LongArray allocateUncached(BufferAllocator allocator, long length) {
    return new LongArray(allocator.allocate(bytes(length)).uncached(), length);
  }

  /**
   * Elements {@code [from, from + length)} as an array of their own over the same memory; it owns
   * nothing (closing it does nothing) and must not be used once this array is closed.
   */
  public LongArray view(long from, long length) {
    return new LongArray(null, values.asSlice(from * Long.BYTES, length * Long.BYTES), length);
  }

  /** Sets every element to zero. */
  public void clear() {
    values.fill((byte) 0);
  }

  public long length() {
    return length;
  }

  public long get(long index) {
    return values.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, index);
  }

  public void set(long index, long value) {
    values.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, index, value);
  }

  /** Adds {@code delta} to element {@code index} and returns the new value. */
  public long add(long index, long delta) {
    long value = get(index) + delta;
    set(index, value);
    return value;
  }

  /** Copies {@code count} values from {@code from} into {@code target[0, count)}. */
  public void copyTo(long from, long[] target, int count) {
    MemorySegment.copy(values, ValueLayout.JAVA_LONG_UNALIGNED, from * Long.BYTES, target, 0, count);
  }

  /** Copies {@code source[0, count)} to positions {@code [at, at + count)}. */
  public void copyFrom(long[] source, int count, long at) {
    MemorySegment.copy(source, 0, values, ValueLayout.JAVA_LONG_UNALIGNED, at * Long.BYTES, count);
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
