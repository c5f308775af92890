package dev.floe.kernels.sort;

import dev.floe.memory.column.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * A parallel stable sort of row indices by one or more keys: the rows are cut into one contiguous
 * run per thread, each run is sorted on its own thread, and the sorted runs are merged pairwise
 * ({@link RunMerge}), each merge itself split across the threads. Same order as the sequential
 * sort (stable, Polars' null and NaN order), since runs keep the input order and merges take the
 * left run first on ties.
 *
 * <p>How a run is sorted depends on the keys: when every key is fixed-width (numbers, temporal,
 * boolean), an LSD radix sort on {@link CompositeKeys} (one stable radix sort per word, least
 * significant word first); otherwise (strings, binary) a stable merge sort under a {@link
 * RowComparator}. The merge compares the runs' most significant word in sequence and falls back to
 * the other words (or the comparator) only on ties.
 *
 * <p>The pool is optional: without one (or with one thread, or few rows) the same code runs as one
 * run on the caller's thread. The kernels do not know the engine's query pool; the engine passes
 * it in.
 */
public final class ParallelSort {
  /** A run is at least this many rows: below, threads cost more than they save. */
  static final int MIN_RUN = 1 << 15;

  private ParallelSort() {}

  /**
   * The sorted row order.
   *
   * @param descending per key, as long as {@code keys}
   * @param pool the threads to use, or null for the caller's thread alone
   */
  public static int[] argSort(
      List<Column> keys, boolean[] descending, boolean nullsLast, ForkJoinPool pool) {
    int threads = pool == null ? 1 : pool.getParallelism();
    return argSort(keys, descending, nullsLast, pool, threads, MIN_RUN);
  }

  /** {@link #argSort} with the number of runs and their minimum size given (tests force runs). */
  static int[] argSort(List<Column> keys, boolean[] descending, boolean nullsLast,
      ForkJoinPool pool, int threads, int minRun) {
    int length = keys.getFirst().length();
    int runs = Math.max(1, Math.min(threads, length / Math.max(1, minRun)));
    if (pool == null) {
      pool = ForkJoinPool.commonPool(); // only used when tasks > 1, i.e. in tests forcing runs
    }
    long[] top = new long[length];
    int[] rows = new int[length];
    java.util.function.Supplier<RowComparator> ties;
    int[] bounds = bounds(length, runs);
    List<Runnable> tasks = new ArrayList<>(runs);
    if (CompositeKeys.supports(keys)) {
      CompositeKeys words = CompositeKeys.of(keys, descending, nullsLast, pool, bounds);
      if (words.wordCount() == 0) {
        for (int row = 0; row < length; row++) {
          rows[row] = row;
        }
        return rows;
      }
      for (int run = 0; run < runs; run++) {
        int from = bounds[run];
        int to = bounds[run + 1];
        tasks.add(() -> radixRun(words, from, to, top, rows));
      }
      RowComparator lowerWords = (left, right) -> words.compare(left, right, 1);
      ties = words.wordCount() == 1 ? null : () -> lowerWords;
    } else {
      // one comparator per task: a comparator caches the strings it reads, which threads must not share
      ties = () -> RowComparator.of(keys, descending, nullsLast);
      for (int run = 0; run < runs; run++) {
        int from = bounds[run];
        int to = bounds[run + 1];
        tasks.add(() -> IndexMergeSort.sortRange(rows, from, to, ties.get()));
      }
      // top stays all zero: every merge comparison goes to the comparator
    }
    Tasks.runAll(pool, tasks);
    if (runs == 1) {
      return rows;
    }
    return RunMerge.mergeAll(top, rows, bounds, ties, pool, threads);
  }

  /** Run boundaries: {@code runs + 1} offsets cutting {@code length} rows into near-equal runs. */
  static int[] bounds(int length, int runs) {
    int[] bounds = new int[runs + 1];
    for (int run = 0; run <= runs; run++) {
      bounds[run] = (int) ((long) length * run / runs);
    }
    return bounds;
  }

  /**
   * Sorts rows {@code [from, to)} by their words: a stable radix sort per word, least significant
   * first (LSD over words), so the last pass leaves the most significant word sorted in {@code top}.
   */
  private static void radixRun(CompositeKeys words, int from, int to, long[] top, int[] rows) {
    int length = to - from;
    int[] order = new int[length];
    for (int index = 0; index < length; index++) {
      order[index] = from + index;
    }
    long[] keys = new long[length];
    for (int index = words.wordCount() - 1; index >= 0; index--) {
      long[] word = words.word(index);
      for (int position = 0; position < length; position++) {
        keys[position] = word[order[position]];
      }
      RadixSort.sort(keys, order);
    }
    System.arraycopy(keys, 0, top, from, length);
    System.arraycopy(order, 0, rows, from, length);
  }
}
