package dev.floe.kernels;

import dev.floe.errors.ComputeException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Length-changing row selections with Polars' semantics: slices with negative offsets, reversal,
 * gathers with negative indices, dropping NaNs; plus builders of u32/f64 result columns from Java
 * arrays. Every result is a new column the caller closes.
 */
public final class Reshape {
  private Reshape() {}

  /**
   * Polars' slice: a negative {@code offset} counts from the end, {@code length} null means to the
   * end; both ends are clipped to the column. A zero-copy view.
   */
  public static Column slice(Column column, long offset, Long length) {
    long size = column.length();
    long start = offset < 0 ? offset + size : offset;
    long stop = length == null ? Long.MAX_VALUE : saturatedAdd(start, length);
    int from = (int) Math.clamp(start, 0, size);
    int to = (int) Math.clamp(stop, 0, size);
    return column.slice(from, to - from);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  /** The rows in reverse order. */
  public static Column reverse(Column column, BufferAllocator allocator) {
    int length = column.length();
    int[] rows = new int[length];
    for (int row = 0; row < length; row++) {
      rows[row] = length - 1 - row;
    }
    return GatherRows.gather(column, rows, length, allocator);
  }

  /** Rows {@code rows} of {@code column} (-1: a null). */
  public static Column take(Column column, int[] rows, BufferAllocator allocator) {
    return GatherRows.gather(column, rows, rows.length, allocator);
  }

  /**
   * The rows at {@code indices} (any integer column): a negative index counts from the end, a null
   * index gives null, an index outside {@code [-length, length)} fails naming it and the length.
   */
  public static Column gather(Column column, Column indices, BufferAllocator allocator) {
    int count = indices.length();
    long length = column.length();
    boolean unsigned = indices.type() instanceof DataType.UInt64;
    int[] rows = new int[count];
    for (int position = 0; position < count; position++) {
      if (indices.isNull(position)) {
        rows[position] = -1;
        continue;
      }
      long index = AggregateValues.asLong((FixedWidthColumn) indices, position);
      boolean negative = index < 0 && !unsigned;
      long row = negative ? index + length : index;
      if ((unsigned && Long.compareUnsigned(index, length) >= 0) || row < 0 || row >= length) {
        throw new ComputeException(
            "gather index " + (unsigned ? Long.toUnsignedString(index) : index)
                + " is out of bounds for a column of length " + length);
      }
      rows[position] = (int) row;
    }
    return GatherRows.gather(column, rows, count, allocator);
  }

  /** The rows whose value is not NaN (nulls kept); non-float columns are returned as they are. */
  public static Column dropNans(Column column, BufferAllocator allocator) {
    if (!(column instanceof FixedWidthColumn fixed) || !column.type().isFloatingPoint()) {
      return column.share();
    }
    boolean single = column.type() instanceof DataType.Float32;
    int length = column.length();
    int[] rows = new int[length];
    int count = 0;
    for (int row = 0; row < length; row++) {
      boolean nan = !fixed.isNull(row)
          && (single ? Float.isNaN(fixed.getFloat(row)) : Double.isNaN(fixed.getDouble(row)));
      if (!nan) {
        rows[count++] = row;
      }
    }
    return count == length ? column.share() : GatherRows.gather(column, rows, count, allocator);
  }

  /** A UInt32 column of {@code values} (read as unsigned), without nulls. */
  public static Column uint32(int[] values, BufferAllocator allocator) {
    Buffer buffer = allocator.allocate(Math.max(1L, values.length) * Integer.BYTES);
    MemorySegment.copy(
        values, 0, buffer.segment(), ValueLayout.JAVA_INT_UNALIGNED, 0, values.length);
    return new FixedWidthColumn(DataType.UINT32, 0, values.length, 0, null, buffer);
  }

  /** A Float64 column of {@code values}, without nulls. */
  public static Column float64(double[] values, BufferAllocator allocator) {
    Buffer buffer = allocator.allocate(Math.max(1L, values.length) * Double.BYTES);
    MemorySegment.copy(
        values, 0, buffer.segment(), ValueLayout.JAVA_DOUBLE_UNALIGNED, 0, values.length);
    return new FixedWidthColumn(DataType.FLOAT64, 0, values.length, 0, null, buffer);
  }
}
