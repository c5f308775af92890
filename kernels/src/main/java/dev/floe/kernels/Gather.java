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
