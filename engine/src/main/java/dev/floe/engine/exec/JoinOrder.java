package dev.floe.engine.exec;

import dev.floe.errors.InvalidOperationException;

/**
 * Puts a join's matched pairs and its unmatched (null-padded) rows in output order. One side is
 * primary: the output follows its row order, and one primary row's matches follow the other side's
 * order (Polars' {@code maintain_order="left_right"} or {@code "right_left"}). Pairs arrive in probe
 * order; when the probe side is not the primary one they are put in primary order with a stable
 * counting sort on the primary row, which keeps the secondary rows ascending, so the order does not
 * depend on which side was built. Unmatched primary rows of an outer join take their place in the
 * primary order; unmatched secondary rows follow at the end, in their own order (as Polars' full
 * join with {@code maintain_order="left"}).
 */
final class JoinOrder {
  private JoinOrder() {}

  /**
   * The output's {primary rows, secondary rows} (-1: null-padded) from {@code size} matched pairs.
   *
   * @param sorted whether the pairs are already in primary order (the probe side is primary)
   */
  static int[][] arrange(int[] primary, int[] secondary, int size, int primaryRows, int secondaryRows,
      boolean sorted, boolean primaryOuter, boolean secondaryOuter) {
    if (!sorted) {
      int[][] byPrimary = countingSort(primary, secondary, size, primaryRows);
      primary = byPrimary[0];
      secondary = byPrimary[1];
    }
    boolean[] primaryMatched = primaryOuter ? matched(primary, size, primaryRows) : null;
    boolean[] secondaryMatched = secondaryOuter ? matched(secondary, size, secondaryRows) : null;
    long total = size + unmatched(primaryMatched) + unmatched(secondaryMatched);
    if (total > Integer.MAX_VALUE - 8) {
      throw new InvalidOperationException("the join produces " + total + " rows, more than one batch holds");
    }
    if (total == size) {
      return new int[][] {primary, secondary};
    }
    int[] outPrimary = new int[(int) total];
    int[] outSecondary = new int[(int) total];
    int out = 0;
    if (primaryOuter) {
      int pair = 0;
      for (int row = 0; row < primaryRows; row++) {
        if (!primaryMatched[row]) {
          outPrimary[out] = row;
          outSecondary[out++] = -1;
          continue;
        }
        while (pair < size && primary[pair] == row) {
          outPrimary[out] = row;
          outSecondary[out++] = secondary[pair++];
        }
      }
    } else {
      System.arraycopy(primary, 0, outPrimary, 0, size);
      System.arraycopy(secondary, 0, outSecondary, 0, size);
      out = size;
    }
    if (secondaryOuter) {
      for (int row = 0; row < secondaryRows; row++) {
        if (!secondaryMatched[row]) {
          outPrimary[out] = -1;
          outSecondary[out++] = row;
        }
      }
    }
    return new int[][] {outPrimary, outSecondary};
  }

  /** The pairs ordered by primary row, stably (a counting sort: one pass to count, one to place). */
  private static int[][] countingSort(int[] primary, int[] secondary, int size, int primaryRows) {
    int[] start = new int[primaryRows + 1];
    for (int pair = 0; pair < size; pair++) {
      start[primary[pair] + 1]++;
    }
    for (int row = 0; row < primaryRows; row++) {
      start[row + 1] += start[row];
    }
    int[] sortedPrimary = new int[size];
    int[] sortedSecondary = new int[size];
    for (int pair = 0; pair < size; pair++) {
      int at = start[primary[pair]]++;
      sortedPrimary[at] = primary[pair];
      sortedSecondary[at] = secondary[pair];
    }
    return new int[][] {sortedPrimary, sortedSecondary};
  }

  private static boolean[] matched(int[] rows, int size, int count) {
    boolean[] matched = new boolean[count];
    for (int pair = 0; pair < size; pair++) {
      matched[rows[pair]] = true;
    }
    return matched;
  }

  private static long unmatched(boolean[] matched) {
    if (matched == null) {
      return 0;
    }
    long count = 0;
    for (boolean found : matched) {
      count += found ? 0 : 1;
    }
    return count;
  }
}
