package dev.floe.kernels.sort;

import dev.floe.memory.column.FixedWidthColumn;

/**
 * A stable LSD (least significant digit first) radix sort of row indices by one fixed-width key,
 * on {@link NormalizedKeys}: eight passes of 8-bit counting sort, skipping a pass when all keys share
 * that byte (common for small integers: an i32 key in 0..1000 needs two passes, not eight). Nulls
 * are set aside in input order and placed first or last.
 */
public final class RadixSort {
  private static final int RADIX_BITS = 8;
  private static final int BUCKETS = 1 << RADIX_BITS;

  private RadixSort() {}

  /** The row order of {@code column} sorted by value. */
  public static int[] argSort(FixedWidthColumn column, boolean descending, boolean nullsLast) {
    int length = column.length();
    int nullCount = column.nullCount();
    int validCount = length - nullCount;
    long[] keys = new long[validCount];
    int[] indices = new int[validCount];
    int[] nulls = new int[nullCount];
    int valid = 0;
    int nullIndex = 0;
    if (nullCount == 0) {
      NormalizedKeys.fill(column, descending, keys); // tight loop, one type dispatch
      for (int row = 0; row < length; row++) {
        indices[row] = row;
      }
    } else {
      for (int row = 0; row < length; row++) {
        if (column.isNull(row)) {
          nulls[nullIndex++] = row;
        } else {
          keys[valid] = NormalizedKeys.key(column, row, descending);
          indices[valid++] = row;
        }
      }
    }
    sort(keys, indices);
    int[] order = new int[length];
    int validStart = nullsLast ? 0 : nullCount;
    System.arraycopy(indices, 0, order, validStart, validCount);
    System.arraycopy(nulls, 0, order, nullsLast ? validCount : 0, nullCount);
    return order;
  }

  /**
   * Sorts {@code keys} as unsigned numbers, permuting {@code indices} alike; stable. The eight
   * digit histograms are counted in one read pass, and the passes ping-pong between two pairs of
   * arrays instead of copying back.
   */
  static void sort(long[] keys, int[] indices) {
    int length = keys.length;
    if (length < 2) {
      return;
    }
    int passes = Long.SIZE / RADIX_BITS;
    int[][] histograms = new int[passes][BUCKETS];
    for (long key : keys) {
      for (int pass = 0; pass < passes; pass++) {
        histograms[pass][(int) (key >>> (pass * RADIX_BITS)) & (BUCKETS - 1)]++;
      }
    }
    long[] sourceKeys = keys;
    int[] sourceIndices = indices;
    long[] targetKeys = new long[length];
    int[] targetIndices = new int[length];
    for (int pass = 0; pass < passes; pass++) {
      int shift = pass * RADIX_BITS;
      int[] counts = histograms[pass];
      if (counts[(int) (sourceKeys[0] >>> shift) & (BUCKETS - 1)] == length) {
        continue; // every key has the same digit here: the pass would not move anything
      }
      int start = 0;
      for (int bucket = 0; bucket < BUCKETS; bucket++) {
        int count = counts[bucket];
        counts[bucket] = start;
        start += count;
      }
      for (int position = 0; position < length; position++) {
        long key = sourceKeys[position];
        int target = counts[(int) (key >>> shift) & (BUCKETS - 1)]++;
        targetKeys[target] = key;
        targetIndices[target] = sourceIndices[position];
      }
      long[] swapKeys = sourceKeys;
      sourceKeys = targetKeys;
      targetKeys = swapKeys;
      int[] swapIndices = sourceIndices;
      sourceIndices = targetIndices;
      targetIndices = swapIndices;
    }
    if (sourceKeys != keys) {
      System.arraycopy(sourceKeys, 0, keys, 0, length);
      System.arraycopy(sourceIndices, 0, indices, 0, length);
    }
  }
}
