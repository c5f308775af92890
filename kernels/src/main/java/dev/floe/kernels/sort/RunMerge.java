package dev.floe.kernels.sort;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * Stable merges of sorted runs, in rounds: each round merges neighbouring runs pairwise (the left
 * run wins ties, so input order is kept), until one run is left. Each pairwise merge is cut into
 * as many independent pieces as there are threads with the "merge path" split (S. Odeh, O. Green,
 * Z. Mwassi, O. Shmueli, Y. Birk, "Merge Path - Parallel Merging Made Simple", IPDPS workshops
 * 2012; the co-ranking of Siebert and Träff is the same idea): a binary search finds, for an output
 * position, how many rows of each run precede it, so every thread merges its own slice of the
 * output and a round is parallel even when only two runs are left.
 *
 * <p>Each row carries a 64-bit key (the most significant word of its normalized key, or 0) that is
 * compared first; only equal keys go to the tie comparator, if any.
 */
final class RunMerge {
  private RunMerge() {}

  /**
   * Merges the runs {@code bounds[i]..bounds[i+1]} of {@code (keys, rows)}, each sorted, and
   * returns the merged rows (one of the arrays given or a new one).
   *
   * @param ties a comparator of rows with equal keys, one per concurrent piece (or null: equal keys
   *     are equal rows)
   */
  static int[] mergeAll(long[] keys, int[] rows, int[] bounds, Supplier<RowComparator> ties,
      ForkJoinPool pool, int threads) {
    int length = rows.length;
    long[] otherKeys = new long[length];
    int[] otherRows = new int[length];
    int[] current = bounds;
    while (current.length > 2) {
      int runs = current.length - 1;
      int pairs = runs / 2;
      int piecesPerPair = Math.max(1, threads / pairs);
      List<Runnable> tasks = new ArrayList<>();
      int[] next = new int[(runs + 1) / 2 + 1];
      for (int pair = 0; pair < pairs; pair++) {
        int low = current[2 * pair];
        int middle = current[2 * pair + 1];
        int high = current[2 * pair + 2];
        next[pair] = low;
        addPieces(tasks, keys, rows, otherKeys, otherRows, low, middle, high, piecesPerPair, ties);
      }
      if (runs % 2 == 1) { // the odd run out is copied to the next round unchanged
        int low = current[runs - 1];
        int high = current[runs];
        long[] sourceKeys = keys;
        int[] sourceRows = rows;
        long[] targetKeys = otherKeys;
        int[] targetRows = otherRows;
        tasks.add(() -> {
          System.arraycopy(sourceKeys, low, targetKeys, low, high - low);
          System.arraycopy(sourceRows, low, targetRows, low, high - low);
        });
        next[pairs] = low;
      }
      next[next.length - 1] = length;
      Tasks.runAll(pool, tasks);
      long[] swapKeys = keys;
      keys = otherKeys;
      otherKeys = swapKeys;
      int[] swapRows = rows;
      rows = otherRows;
      otherRows = swapRows;
      current = next;
    }
    return rows;
  }

  private static void addPieces(List<Runnable> tasks, long[] keys, int[] rows, long[] outKeys,
      int[] outRows, int low, int middle, int high, int pieces, Supplier<RowComparator> ties) {
    int total = high - low;
    for (int piece = 0; piece < pieces; piece++) {
      int outFrom = low + (int) ((long) total * piece / pieces);
      int outTo = low + (int) ((long) total * (piece + 1) / pieces);
      tasks.add(() -> {
        RowComparator tie = ties == null ? null : ties.get();
        int leftFrom = split(keys, rows, low, middle, high, outFrom - low, tie);
        int leftTo = split(keys, rows, low, middle, high, outTo - low, tie);
        int rightFrom = middle + (outFrom - low) - (leftFrom - low);
        merge(keys, rows, outKeys, outRows, leftFrom, leftTo, rightFrom, outFrom, outTo, tie);
      });
    }
  }

  /**
   * The merge path: the position in the left run {@code [low, middle)} where the first {@code
   * diagonal} outputs of the stable merge with {@code [middle, high)} end.
   */
  static int split(long[] keys, int[] rows, int low, int middle, int high, int diagonal,
      RowComparator tie) {
    int leftLength = middle - low;
    int rightLength = high - middle;
    int from = Math.max(0, diagonal - rightLength);
    int to = Math.min(diagonal, leftLength);
    while (from < to) {
      int taken = (from + to) >>> 1; // left rows taken if left[taken] is an output before the cut
      int left = low + taken;
      int right = middle + diagonal - taken - 1;
      if (compare(keys, rows, left, right, tie) <= 0) {
        from = taken + 1; // left[taken] precedes right[...]: it is inside the first outputs
      } else {
        to = taken;
      }
    }
    return low + from;
  }

  /** Merges left rows {@code [left, leftEnd)} with right rows from {@code right} into {@code [out, outEnd)}. */
  private static void merge(long[] keys, int[] rows, long[] outKeys, int[] outRows, int left,
      int leftEnd, int right, int out, int outEnd, RowComparator tie) {
    int rightEnd = right + (outEnd - out) - (leftEnd - left);
    while (left < leftEnd && right < rightEnd) {
      // the left row wins ties: stability
      int from = compare(keys, rows, left, right, tie) <= 0 ? left++ : right++;
      outKeys[out] = keys[from];
      outRows[out++] = rows[from];
    }
    int rest = left < leftEnd ? left : right;
    int count = outEnd - out;
    System.arraycopy(keys, rest, outKeys, out, count);
    System.arraycopy(rows, rest, outRows, out, count);
  }

  private static int compare(long[] keys, int[] rows, int left, int right, RowComparator tie) {
    int result = Long.compareUnsigned(keys[left], keys[right]);
    if (result != 0 || tie == null) {
      return result;
    }
    return tie.compare(rows[left], rows[right]);
  }
}
