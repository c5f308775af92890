package dev.floe.kernels.sort;

import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Sorts the values of one integer or temporal column directly, without a permutation: the radix
 * sort moves 8-byte keys only (not key and row index), and no gather follows. Integers' normalized
 * keys are a bijection, so each key decodes back to its exact value. (Floats are left to the
 * permutation path: their keys fold -0.0 into 0.0 and every NaN into one pattern.) Nulls go first
 * or last; equal values are indistinguishable, so stability does not arise.
 */
public final class ValueSort {
  private ValueSort() {}

  /** True for the types whose keys decode exactly: integers and temporal types. */
  public static boolean supports(DataType type) {
    return NormalizedKeys.supports(type) && !type.isFloatingPoint();
  }

  /** {@code column}'s values sorted, as a new column the caller closes. */
  public static FixedWidthColumn sort(
      FixedWidthColumn column, boolean descending, boolean nullsLast, BufferAllocator allocator) {
    int length = column.length();
    int nullCount = column.nullCount();
    long[] keys = new long[length - nullCount];
    if (nullCount == 0) {
      NormalizedKeys.fill(column, descending, keys);
    } else {
      int valid = 0;
      for (int row = 0; row < length; row++) {
        if (!column.isNull(row)) {
          keys[valid++] = NormalizedKeys.key(column, row, descending);
        }
      }
    }
    RadixSort.sortKeys(keys);
    DataType type = column.type();
    int width = type.byteWidth();
    Buffer values = allocator.allocateZeroed(Math.max((long) length * width, 1));
    Buffer validity = null;
    try {
      int first = nullsLast ? 0 : nullCount;
      decode(keys, type, descending, values.segment(), first);
      if (nullCount > 0) {
        validity = allocator.allocateZeroed(Math.max(Bitmaps.bytesFor(length), 1));
        for (int row = first; row < first + keys.length; row++) {
          Bitmaps.set(validity.segment(), row);
        }
      }
    } catch (RuntimeException failure) {
      values.release();
      if (validity != null) {
        validity.release();
      }
      throw failure;
    }
    return new FixedWidthColumn(type, 0, length, nullCount, validity, values);
  }

  /** Writes each key's value at {@code first + i}; the inverse of {@link NormalizedKeys}. */
  private static void decode(
      long[] keys, DataType type, boolean descending, MemorySegment out, int first) {
    boolean signed = type.isSignedInteger() || type.isTemporal();
    long unflip = (descending ? -1L : 0L) ^ (signed ? Long.MIN_VALUE : 0L);
    switch (type.byteWidth()) {
      case 8 -> {
        for (int i = 0; i < keys.length; i++) {
          out.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, first + (long) i, keys[i] ^ unflip);
        }
      }
      case 4 -> {
        for (int i = 0; i < keys.length; i++) {
          out.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, first + (long) i, (int) (keys[i] ^ unflip));
        }
      }
      case 2 -> {
        for (int i = 0; i < keys.length; i++) {
          out.setAtIndex(
              ValueLayout.JAVA_SHORT_UNALIGNED, first + (long) i, (short) (keys[i] ^ unflip));
        }
      }
      default -> {
        for (int i = 0; i < keys.length; i++) {
          out.set(ValueLayout.JAVA_BYTE, first + (long) i, (byte) (keys[i] ^ unflip));
        }
      }
    }
  }
}
