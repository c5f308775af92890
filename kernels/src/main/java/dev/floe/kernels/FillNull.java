package dev.floe.kernels;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;

/**
 * Replaces nulls: by one value, by the values of another column (row for row), or by the previous
 * (forward) or next (backward) valid value at most {@code limit} rows away ({@code limit < 0}: no
 * limit), as Polars' fill_null. A column without nulls comes back as a zero-copy share.
 */
public final class FillNull {
  private FillNull() {}

  public static Column fill(Column column, Object value, BufferAllocator allocator) {
    if (value == null || column.nullCount() == 0) {
      return column.share();
    }
    try (Column constant = Broadcast.constant(value, column.type(), column.length(), allocator)) {
      return fill(column, constant, allocator);
    }
  }

  public static Column fill(Column column, Column values, BufferAllocator allocator) {
    Compare.requireSameShape(column, values, "fill the nulls of");
    if (column.nullCount() == 0) {
      return column.share();
    }
    try (BooleanColumn valid = Compare.isNotNull(column, allocator)) {
      return IfThenElse.select(valid, column, values, allocator);
    }
  }

  public static Column forward(Column column, int limit, BufferAllocator allocator) {
    int length = column.length();
    if (column.nullCount() == 0 || column.nullCount() == length) {
      return column.share();
    }
    int[] rows = new int[length];
    int last = -1;
    for (int row = 0; row < length; row++) {
      if (column.isValid(row)) {
        last = row;
        rows[row] = row;
      } else {
        rows[row] = last >= 0 && (limit < 0 || row - last <= limit) ? last : -1;
      }
    }
    return GatherRows.gather(column, rows, length, allocator);
  }

  public static Column backward(Column column, int limit, BufferAllocator allocator) {
    int length = column.length();
    if (column.nullCount() == 0 || column.nullCount() == length) {
      return column.share();
    }
    int[] rows = new int[length];
    int next = -1;
    for (int row = length - 1; row >= 0; row--) {
      if (column.isValid(row)) {
        next = row;
        rows[row] = row;
      } else {
        rows[row] = next >= 0 && (limit < 0 || next - row <= limit) ? next : -1;
      }
    }
    return GatherRows.gather(column, rows, length, allocator);
  }
}
