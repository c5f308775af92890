package dev.floe.kernels.sort;

/**
 * A stable merge sort of the row indices {@code 0..length-1} under a {@link RowComparator}:
 * insertion sort for runs of up to 32 rows, then bottom-up merges between two index arrays, with a
 * skip when two neighbouring runs are already in order.
 */
public final class IndexMergeSort {
  private static final int INSERTION_RUN = 32;

  private IndexMergeSort() {}

  public static int[] argSort(int length, RowComparator comparator) {
    int[] rows = new int[length];
    sortRange(rows, 0, length, comparator);
    return rows;
  }

  /** Writes rows {@code from..to-1} in sorted order into {@code out[from, to)} (a parallel run). */
  public static void sortRange(int[] out, int from, int to, RowComparator comparator) {
    int[] sorted = sorted(from, to, comparator);
    System.arraycopy(sorted, 0, out, from, to - from);
  }

  private static int[] sorted(int first, int end, RowComparator comparator) {
    int length = end - first;
    int[] indices = new int[length];
    for (int index = 0; index < length; index++) {
      indices[index] = first + index;
    }
    for (int start = 0; start < length; start += INSERTION_RUN) {
      insertionSort(indices, start, Math.min(start + INSERTION_RUN, length), comparator);
    }
    int[] source = indices;
    int[] target = new int[length];
    for (int width = INSERTION_RUN; width < length; width *= 2) {
      for (int low = 0; low < length; low += 2 * width) {
        int middle = Math.min(low + width, length);
        int high = Math.min(low + 2 * width, length);
        merge(source, target, low, middle, high, comparator);
      }
      int[] swap = source;
      source = target;
      target = swap;
    }
    return source;
  }

  private static void insertionSort(int[] indices, int from, int to, RowComparator comparator) {
    for (int position = from + 1; position < to; position++) {
      int row = indices[position];
      int insert = position;
      // strictly greater moves: equal rows stay behind earlier ones (stability)
      while (insert > from && comparator.compare(indices[insert - 1], row) > 0) {
        indices[insert] = indices[insert - 1];
        insert--;
      }
      indices[insert] = row;
    }
  }

  private static void merge(
      int[] source, int[] target, int low, int middle, int high, RowComparator comparator) {
    if (middle >= high || comparator.compare(source[middle - 1], source[middle]) <= 0) {
      System.arraycopy(source, low, target, low, high - low);
      return;
    }
    int left = low;
    int right = middle;
    for (int out = low; out < high; out++) {
      if (right >= high || (left < middle && comparator.compare(source[left], source[right]) <= 0)) {
        target[out] = source[left++];
      } else {
        target[out] = source[right++];
      }
    }
  }
}
