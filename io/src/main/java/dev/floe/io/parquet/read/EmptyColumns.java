package dev.floe.io.parquet.read;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.types.DataType;

/** Columns of no rows, for row groups of no rows (their column chunks need not be read). */
final class EmptyColumns {
  private EmptyColumns() {}

  static Column of(DataType type, BufferAllocator allocator) {
    try (ColumnBuilder builder = ColumnBuilders.forType(type, allocator)) {
      return builder.build();
    }
  }
}
