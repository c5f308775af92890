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
    if (nullCount == 0) {
      return indices;
    }
    int[] order = new int[length];
    int validStart = nullsLast ? 0 : nullCount;
    System.arraycopy(indices, 0, order, validStart, validCount);
    System.arraycopy(nulls, 0, order, nullsLast ? validCount : 0, nullCount);
    return order;
  }

  /** Below this many keys a plain LSD sort is used; above, one MSD pass first. */
  private static final int MSD_THRESHOLD = 1 << 16;

  /**
   * Sorts {@code keys} as unsigned numbers, permuting {@code indices} alike (if not null); stable. Only the bits
   * that differ between keys are sorted on (an OR and an AND of all keys find them). Large inputs
   * take one most-significant-digit pass into 256 buckets first, then sort each bucket with LSD
   * passes while it is cache-resident, so only one scatter pass goes through main memory (the
   * hybrid of, e.g., Polychroniou and Ross, "A comprehensive study of main-memory partitioning and
   * its application to large-scale comparison- and radix-sort", SIGMOD 2014).
   */
  static void sort(long[] keys, int[] indices) {
    int length = keys.length;
    boolean withIndices = indices != null;
    if (length < 2) {
      return;
    }
    long or = 0;
    long and = -1;
    for (long key : keys) {
      or |= key;
      and &= key;
    }
    long varying = or ^ and;
    if (varying == 0) {
      return;
    }
    int bits = Long.SIZE - Long.numberOfLeadingZeros(varying);
    long[] otherKeys = new long[length];
    int[] otherIndices = withIndices ? new int[length] : null;
    int[] counts = new int[BUCKETS + 1];
    if (length < MSD_THRESHOLD || bits <= 2 * RADIX_BITS) {
      lsd(keys, indices, otherKeys, otherIndices, 0, length, bits, counts, true);
      return;
    }
    int shift = bits - RADIX_BITS;
    for (long key : keys) {
      counts[((int) (key >>> shift) & (BUCKETS - 1)) + 1]++;
    }
    for (int bucket = 0; bucket < BUCKETS; bucket++) {
      counts[bucket + 1] += counts[bucket];
    }
    int[] starts = counts.clone();
    for (int position = 0; position < length; position++) {
      long key = keys[position];
      int target = starts[(int) (key >>> shift) & (BUCKETS - 1)]++;
      otherKeys[target] = key;
      if (withIndices) {
        otherIndices[target] = indices[position];
      }
    }
    int[] bucketCounts = new int[BUCKETS + 1];
    for (int bucket = 0; bucket < BUCKETS; bucket++) {
      int from = counts[bucket];
      int to = counts[bucket + 1];
      if (to - from > 1) {
        lsd(otherKeys, otherIndices, keys, indices, from, to, shift, bucketCounts, false);
      } else if (to - from == 1) {
        keys[from] = otherKeys[from];
        if (withIndices) {
          indices[from] = otherIndices[from];
        }
      }
    }
  }

  /**
   * Stable LSD radix sort of {@code [from, to)} on the low {@code bits} bits. The range starts in
   * the source pair and ping-pongs between the two pairs of arrays; the sorted range ends in the
   * source pair when {@code intoSource}, else in the other pair. Digits shared by the whole range
   * are skipped.
   */
  private static void lsd(long[] sourceKeys, int[] sourceIndices, long[] otherKeys,
      int[] otherIndices, int from, int to, int bits, int[] counts, boolean intoSource) {
    long[] targetKeys = intoSource ? sourceKeys : otherKeys;
    int[] targetIndices = intoSource ? sourceIndices : otherIndices;
    long[] inKeys = sourceKeys;
    int[] inIndices = sourceIndices;
    long[] outKeys = otherKeys;
    int[] outIndices = otherIndices;
    int length = to - from;
    for (int shift = 0; shift < bits; shift += RADIX_BITS) {
      java.util.Arrays.fill(counts, 0);
      for (int position = from; position < to; position++) {
        counts[(int) (inKeys[position] >>> shift) & (BUCKETS - 1)]++;
      }
      if (counts[(int) (inKeys[from] >>> shift) & (BUCKETS - 1)] == length) {
        continue; // every key has the same digit here: the pass would not move anything
      }
      int start = from;
      for (int bucket = 0; bucket < BUCKETS; bucket++) {
        int count = counts[bucket];
        counts[bucket] = start;
        start += count;
      }
      for (int position = from; position < to; position++) {
        long key = inKeys[position];
        int target = counts[(int) (key >>> shift) & (BUCKETS - 1)]++;
        outKeys[target] = key;
        if (inIndices != null) {
          outIndices[target] = inIndices[position];
        }
      }
      long[] swapKeys = inKeys;
      inKeys = outKeys;
      outKeys = swapKeys;
      int[] swapIndices = inIndices;
      inIndices = outIndices;
      outIndices = swapIndices;
    }
    if (inKeys != targetKeys) {
      System.arraycopy(inKeys, from, targetKeys, from, length);
      if (inIndices != null) {
        System.arraycopy(inIndices, from, targetIndices, from, length);
      }
    }
  }

  /** Sorts the keys alone (no permutation), as unsigned numbers. */
  public static void sortKeys(long[] keys) {
    sort(keys, null);
  }
}
