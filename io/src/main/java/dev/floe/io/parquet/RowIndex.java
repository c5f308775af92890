package dev.floe.io.parquet;

import dev.floe.errors.FloeIoException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** The u32 row index column Polars adds with {@code row_index_name}. */
final class RowIndex {
  private RowIndex() {}

  static Column column(long first, int rows, BufferAllocator allocator) {
    if (first + rows > 0xFFFF_FFFFL + 1) {
      throw new FloeIoException("the row index does not fit u32 (first " + first + ", " + rows + " rows)");
    }
    Buffer values = allocator.allocate(Math.max(1, rows) * 4L);
    MemorySegment out = values.segment();
    for (int row = 0; row < rows; row++) {
      out.set(ValueLayout.JAVA_INT_UNALIGNED, 4L * row, (int) (first + row));
    }
    return new FixedWidthColumn(DataType.UINT32, 0, rows, 0, null, values);
  }
}
