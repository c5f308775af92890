package dev.floe.io;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.Buffer;
import dev.floe.memory.column.FixedWidthColumn;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import dev.floe.memory.types.DataType;

/** Row index columns as Polars makes them ({@code row_index_name}, {@code with_row_index}): u32 numbers. */
public final class RowIndex {
  /** The largest row number a u32 index holds. */
  public static final long MAX = 0xFFFF_FFFFL;

  private RowIndex() {}

  /**
   * Checks that rows {@code offset .. offset + rows - 1} fit u32, with Polars' messages.
   *
   * @throws InvalidOperationException when they do not
   */
  public static void check(long offset, long rows) {
    if (offset < 0) {
      throw new InvalidOperationException(
          "`offset` input for `with_row_index` cannot be negative, got " + offset);
    }
    if (offset > MAX) {
      throw new InvalidOperationException("`offset` input for `with_row_index` cannot be greater"
          + " than the maximum index value, got " + offset);
    }
    if (rows > 0 && offset + rows - 1 > MAX) {
      throw new InvalidOperationException(
          "row index with offset " + offset + " overflows on dataframe with height " + rows);
    }
  }

  /** A u32 column {@code first, first + 1, ...} of {@code rows} rows (checked). */
  public static Column column(long first, int rows, BufferAllocator allocator) {
    check(first, rows);
    Buffer values = allocator.allocate(Math.max(1, rows) * 4L);
    MemorySegment out = values.segment();
    for (int row = 0; row < rows; row++) {
      out.set(ValueLayout.JAVA_INT_UNALIGNED, 4L * row, (int) (first + row));
    }
    return new FixedWidthColumn(DataType.UINT32, 0, rows, 0, null, values);
  }
}
