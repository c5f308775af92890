package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;

/**
 * Takes rows by index, for every column type ({@link GatherRows}). Indices are Int32, UInt32 or
 * Int64; a null index gives a null value; an index outside {@code [0, length)} fails naming the
 * index and the length.
 */
public final class Gather {
  private Gather() {}

  /**
   * Rows {@code rows[0..count)} of {@code column} from a Java index array ({@code -1}: null), for
   * callers that computed the indices themselves (a join's matches); indices must be in bounds.
   */
  public static Column rows(Column column, int[] rows, int count, BufferAllocator allocator) {
    return GatherRows.gather(column, rows, count, allocator);
  }

  public static Column take(Column column, Column indices, BufferAllocator allocator) {
    DataType type = indices.type();
    if (!(indices instanceof FixedWidthColumn index)
        || !(type instanceof DataType.Int32 || type instanceof DataType.UInt32
            || type instanceof DataType.Int64)) {
      throw new SchemaMismatchException(
          "take needs indices of i32, u32 or i64, got " + type);
    }
    int count = indices.length();
    int length = column.length();
    int[] rows = new int[count];
    if (type instanceof DataType.Int32 && indices.nullCount() == 0) {
      // one bulk copy and a branch-free bounds check (the common case: a sort's permutation)
      java.lang.foreign.MemorySegment.copy(index.valuesBuffer().segment(),
          java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, (long) index.offset() << 2, rows, 0,
          count);
      int outside = 0;
      for (int row : rows) {
        outside |= row | (length - 1 - row);
      }
      if (outside >= 0) {
        return GatherRows.gather(column, rows, count, allocator);
      }
    }
    for (int position = 0; position < count; position++) {
      if (indices.isNull(position)) {
        rows[position] = -1;
        continue;
      }
      long value = switch (type) {
        case DataType.Int32 t -> index.getInt(position);
        case DataType.UInt32 t -> Integer.toUnsignedLong(index.getInt(position));
        default -> index.getLong(position);
      };
      if (value < 0 || value >= length) {
        throw new InvalidOperationException(
            "take: index " + value + " (at position " + position + ") is out of bounds for a"
                + " column of " + column.type() + " of length " + length);
      }
      rows[position] = (int) value;
    }
    return GatherRows.gather(column, rows, count, allocator);
  }
}
