package dev.floe.kernels;

import dev.floe.kernels.sort.RowComparator;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Polars' rank: ranks from 1 in the order of {@link Sort} (NaN above every number, -0.0 equal to
 * 0.0, strings byte-wise), nulls stay null and take no rank. Ties get the mean of their positions
 * ({@link Method#AVERAGE}, f64), the lowest ({@code MIN}), the highest ({@code MAX}), consecutive
 * group numbers ({@code DENSE}) or their positions in row order ({@code ORDINAL}); all but
 * AVERAGE give u32.
 */
public final class Rank {
  /** How tied values are ranked. */
  public enum Method {
    AVERAGE,
    MIN,
    MAX,
    DENSE,
    ORDINAL
  }

  private Rank() {}

  /** The rank of every row of {@code column}; the caller closes the result. */
  public static Column rank(
      Column column, Method method, boolean descending, BufferAllocator allocator) {
    int length = column.length();
    int[] order = sortedRows(column, descending, allocator);
    int valid = length - column.nullCount();
    DataType type = method == Method.AVERAGE ? DataType.FLOAT64 : DataType.UINT32;
    Buffer validity = BooleanOps.copyValidity(column, allocator);
    Buffer out = allocator.allocateZeroed(Math.max(1L, (long) length * type.byteWidth()));
    try {
      MemorySegment values = out.segment();
      RowComparator comparator =
          RowComparator.of(List.of(column), new boolean[] {descending}, true);
      int group = 0;
      for (int start = 0; start < valid; ) {
        int end = start + 1;
        while (end < valid && comparator.compare(order[start], order[end]) == 0) {
          end++;
        }
        group++;
        for (int position = start; position < end; position++) {
          int row = order[position];
          switch (method) {
            case AVERAGE -> FixedValues.writeDouble(values, 8, row, (start + 1 + end) / 2.0);
            case MIN -> FixedValues.write(values, 4, row, start + 1);
            case MAX -> FixedValues.write(values, 4, row, end);
            case DENSE -> FixedValues.write(values, 4, row, group);
            case ORDINAL -> FixedValues.write(values, 4, row, position + 1);
          }
        }
        start = end;
      }
    } catch (RuntimeException failure) {
      BooleanOps.release(validity, out);
      throw failure;
    }
    return FixedValues.column(type, length, validity, out);
  }

  /** The rows in rank order, nulls last. */
  private static int[] sortedRows(Column column, boolean descending, BufferAllocator allocator) {
    try (Column indices = Sort.argSort(column, descending, true, allocator)) {
      FixedWidthColumn rows = (FixedWidthColumn) indices;
      int[] order = new int[rows.length()];
      for (int index = 0; index < order.length; index++) {
        order[index] = rows.getInt(index);
      }
      return order;
    }
  }
}
