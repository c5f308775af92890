package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.Concatenation;
import java.util.Arrays;
import java.util.List;

/**
 * Polars' shift: the values move down by {@code n} rows (up for negative {@code n}), keeping the
 * length; the {@code |n|} rows shifted in are null or a fill value. Works for every column type:
 * the kept rows are a zero-copy slice, the result is one concatenation of the slice and the filler.
 */
public final class Shift {
  private Shift() {}

  /**
   * {@code column} shifted by {@code n}; {@code fill} is null (rows shifted in are null) or a
   * length-1 column of {@code column}'s type. The caller closes the result.
   */
  public static Column shift(Column column, long n, Column fill, BufferAllocator allocator) {
    if (fill != null && fill.length() != 1) {
      throw new InvalidOperationException(
          "the fill value of shift must be a single value, got " + fill.length() + " rows");
    }
    if (fill != null && !fill.type().equals(column.type())) {
      throw new InvalidOperationException(
          "the fill value of shift has type " + fill.type() + ", the column " + column.type());
    }
    int length = column.length();
    if (n == 0) {
      return column.share();
    }
    int moved = (int) Math.min(Math.abs(n), length);
    try (Column filler = filler(column, fill, moved, allocator);
        Column kept = n > 0 ? column.slice(0, length - moved) : column.slice(moved, length - moved)) {
      return Concatenation.concat(allocator, n > 0 ? List.of(filler, kept) : List.of(kept, filler));
    }
  }

  /** {@code count} copies of the fill value, or {@code count} nulls of the column's type. */
  private static Column filler(Column column, Column fill, int count, BufferAllocator allocator) {
    int[] rows = new int[count];
    if (fill == null) {
      Arrays.fill(rows, -1);
      return GatherRows.gather(column, rows, count, allocator);
    }
    return GatherRows.gather(fill, rows, count, allocator);
  }
}
