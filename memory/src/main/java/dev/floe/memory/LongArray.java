package dev.floe.memory;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** A fixed-length array of {@code long}s off the heap ({@link OffHeapArray}). */
public final class LongArray extends OffHeapArray {
  private static final ValueLayout.OfLong LAYOUT = ValueLayout.JAVA_LONG_UNALIGNED;

  private LongArray(Buffer buffer, MemorySegment values, long length) {
    super(buffer, values, length);
  }

  private static LongArray over(Buffer buffer, long length) {
    return new LongArray(buffer, exact(buffer, length, Long.BYTES), length);
  }

  /** An array of {@code length} values from {@code allocator}, contents undefined. */
  public static LongArray allocate(BufferAllocator allocator, long length) {
    return over(buffer(allocator, length, Long.BYTES, false, false), length);
  }

  /** An array of {@code length} zeros from {@code allocator}. */
  public static LongArray zeroed(BufferAllocator allocator, long length) {
    return over(buffer(allocator, length, Long.BYTES, true, false), length);
  }

  /**
   * A large working array whose memory leaves the process when it is closed ({@link
   * Buffer#uncached}), contents undefined.
   */
  public static LongArray allocateUncached(BufferAllocator allocator, long length) {
    return over(buffer(allocator, length, Long.BYTES, false, true), length);
  }

  /**
   * Elements {@code [from, from + length)} as an array of their own over the same memory; it owns
   * nothing (closing it does nothing) and must not be used once this array is closed.
   */
  public LongArray view(long from, long length) {
    return new LongArray(null, values.asSlice(from * Long.BYTES, length * Long.BYTES), length);
  }

  public long get(long index) {
    return values.getAtIndex(LAYOUT, index);
  }

  public void set(long index, long value) {
    values.setAtIndex(LAYOUT, index, value);
  }

  /** Adds {@code delta} to element {@code index} and returns the new value. */
  public long add(long index, long delta) {
    long value = get(index) + delta;
    set(index, value);
    return value;
  }

  /** Copies {@code count} values from {@code from} into {@code target[0, count)}. */
  public void copyTo(long from, long[] target, int count) {
    MemorySegment.copy(values, LAYOUT, from * Long.BYTES, target, 0, count);
  }

  /** Copies {@code source[0, count)} to positions {@code [at, at + count)}. */
  public void copyFrom(long[] source, int count, long at) {
    MemorySegment.copy(source, 0, values, LAYOUT, at * Long.BYTES, count);
  }
}
