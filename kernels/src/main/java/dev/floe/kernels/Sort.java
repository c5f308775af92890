package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.ShapeMismatchException;
import dev.floe.kernels.sort.IndexMergeSort;
import dev.floe.kernels.sort.NormalizedKeys;
import dev.floe.kernels.sort.RadixSort;
import dev.floe.kernels.sort.RowComparator;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Sorting: the permutation that orders rows by one or more key columns, with Polars' order:
 * stable (equal keys keep their input order), each key ascending or descending, nulls all first
 * (the default) or all last whatever the direction, NaN after every number (so last ascending, first
 * descending among the non-null values), strings byte-wise (UTF-8 code point order).
 *
 * <p>One fixed-width key (integers, floats, dates, times, timestamps, durations) sorts with an LSD
 * radix sort on order-preserving 64-bit normalized keys; anything else (several keys, strings,
 * booleans) with a stable merge sort of row indices under a comparator. That is the sequential
 * sort; the overload with a pool is the parallel one ({@link dev.floe.kernels.sort.ParallelSort}:
 * runs per thread, radix-sorted on composite normalized keys when every key is fixed-width, then
 * merged), which gives the same order.
 */
public final class Sort {
  private Sort() {}

  /**
   * The row indices in sorted order, as a new Int32 column the caller closes.
   *
   * @param keys the sort keys, all of one length, most significant first
   * @param descending per key; {@code null} or shorter means ascending for the rest
   * @param nullsLast put nulls after all values (else before), for every key
   */
  public static Column argSort(
      List<Column> keys, boolean[] descending, boolean nullsLast, BufferAllocator allocator) {
    boolean[] directions = checkedDirections(keys, descending);
    int length = keys.getFirst().length();
    int[] order;
    if (keys.size() == 1 && NormalizedKeys.supports(keys.getFirst().type())) {
      order = RadixSort.argSort((FixedWidthColumn) keys.getFirst(), directions[0], nullsLast);
    } else {
      order = IndexMergeSort.argSort(length, RowComparator.of(keys, directions, nullsLast));
    }
    return toInt32Column(order, allocator);
  }

  /**
   * {@link #argSort(List, boolean[], boolean, BufferAllocator)} by {@link
   * dev.floe.kernels.sort.ParallelSort}: runs sorted on the threads of {@code pool} (null: the
   * caller's thread only) and merged, with normalized composite keys when every key is fixed-width.
   * Same order as the sequential sort.
   */
  public static Column argSort(List<Column> keys, boolean[] descending, boolean nullsLast,
      BufferAllocator allocator, java.util.concurrent.ForkJoinPool pool) {
    boolean[] directions = checkedDirections(keys, descending);
    int[] order = dev.floe.kernels.sort.ParallelSort.argSort(keys, directions, nullsLast, pool);
    return toInt32Column(order, allocator);
  }

  private static boolean[] checkedDirections(List<Column> keys, boolean[] descending) {
    if (keys.isEmpty()) {
      throw new InvalidOperationException("sorting needs at least one key");
    }
    int length = keys.getFirst().length();
    for (Column key : keys) {
      if (key.length() != length) {
        throw new ShapeMismatchException(
            "sort keys must have one length: " + key.length() + " and " + length);
      }
    }
    boolean[] directions = new boolean[keys.size()];
    if (descending != null) {
      System.arraycopy(descending, 0, directions, 0, Math.min(descending.length, directions.length));
    }
    return directions;
  }

  /**
   * One column's values sorted directly (no permutation, no gather), for integer and temporal
   * types ({@link dev.floe.kernels.sort.ValueSort}); null for other types, which callers sort
   * through {@link #argSort}. Same order as sorting by the column.
   */
  public static Column sortValues(
      Column column, boolean descending, boolean nullsLast, BufferAllocator allocator) {
    if (!(column instanceof FixedWidthColumn fixed)
        || !dev.floe.kernels.sort.ValueSort.supports(column.type())) {
      return null;
    }
    return dev.floe.kernels.sort.ValueSort.sort(fixed, descending, nullsLast, allocator);
  }

  /** {@link #argSort(List, boolean[], boolean, BufferAllocator)} of one key. */
  public static Column argSort(
      Column key, boolean descending, boolean nullsLast, BufferAllocator allocator) {
    return argSort(List.of(key), new boolean[] {descending}, nullsLast, allocator);
  }

  private static Column toInt32Column(int[] indices, BufferAllocator allocator) {
    Buffer buffer = allocator.allocate(Math.max(1L, indices.length) * Integer.BYTES);
    try {
      MemorySegment.copy(indices, 0, buffer.segment(), ValueLayout.JAVA_INT_UNALIGNED, 0, indices.length);
    } catch (RuntimeException failure) {
      buffer.release();
      throw failure;
    }
    return new FixedWidthColumn(DataType.INT32, 0, indices.length, 0, null, buffer);
  }
}
