package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.NullColumn;
import dev.floe.memory.types.DataType;

/**
 * Builds a column repeating one value (null: an all-null column of the type). The value is a Java
 * value as {@code Column.getObject} returns for the type (usual widenings accepted); it is stored
 * once through the type's builder and then gathered {@code length} times.
 */
public final class Broadcast {
  private Broadcast() {}

  public static Column constant(
      Object value, DataType type, int length, BufferAllocator allocator) {
    if (length < 0) {
      throw new InvalidOperationException(
          "cannot broadcast to a negative length " + length + " (" + type + ")");
    }
    if (type instanceof DataType.NullType) {
      return new NullColumn(length);
    }
    int[] rows = new int[length];
    if (value == null) {
      java.util.Arrays.fill(rows, -1);
    }
    try (Column single = Compare.single(type, value, allocator)) {
      return GatherRows.gather(single, rows, length, allocator);
    }
  }
}
