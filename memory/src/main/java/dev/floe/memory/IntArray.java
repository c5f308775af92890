package dev.floe.memory;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** A fixed-length array of {@code int}s off the heap ({@link OffHeapArray}). */
public final class IntArray extends OffHeapArray {
  private static final ValueLayout.OfInt LAYOUT = ValueLayout.JAVA_INT_UNALIGNED;

  private IntArray(Buffer buffer, MemorySegment values, long length) {
    super(buffer, values, length);
  }

  private static IntArray over(Buffer buffer, long length) {
    return new IntArray(buffer, exact(buffer, length, Integer.BYTES), length);
  }

  /** An array of {@code length} values from {@code allocator}, contents undefined. */
  public static IntArray allocate(BufferAllocator allocator, long length) {
    return over(buffer(allocator, length, Integer.BYTES, false, false), length);
  }

  /** An array of {@code length} zeros from {@code allocator}. */
  public static IntArray zeroed(BufferAllocator allocator, long length) {
    return over(buffer(allocator, length, Integer.BYTES, true, false), length);
  }

  /**
   * A large working array whose memory leaves the process when it is closed ({@link
   * Buffer#uncached}), contents undefined.
   */
  public static IntArray allocateUncached(BufferAllocator allocator, long length) {
    return over(buffer(allocator, length, Integer.BYTES, false, true), length);
  }

  /**
   * Elements {@code [from, from + length)} as an array of their own over the same memory; it owns
   * nothing (closing it does nothing) and must not be used once this array is closed.
   */
  public IntArray view(long from, long length) {
    return new IntArray(null, values.asSlice(from * Integer.BYTES, length * Integer.BYTES), length);
  }

  public int get(long index) {
    return values.getAtIndex(LAYOUT, index);
  }

  public void set(long index, int value) {
    values.setAtIndex(LAYOUT, index, value);
  }

  /** Adds {@code delta} to element {@code index} and returns the new value. */
  public int add(long index, int delta) {
    int value = get(index) + delta;
    set(index, value);
    return value;
  }

  /** Copies {@code count} values from {@code from} into {@code target[0, count)}. */
  public void copyTo(long from, int[] target, int count) {
    MemorySegment.copy(values, LAYOUT, from * Integer.BYTES, target, 0, count);
  }

  /** Copies {@code source[0, count)} to positions {@code [at, at + count)}. */
  public void copyFrom(int[] source, int count, long at) {
    MemorySegment.copy(source, 0, values, LAYOUT, at * Integer.BYTES, count);
  }
}
