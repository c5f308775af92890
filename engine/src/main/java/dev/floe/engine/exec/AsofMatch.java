package dev.floe.engine.exec;

import dev.floe.errors.InvalidOperationException;
import dev.floe.planner.plan.AsofStrategy;
import java.util.function.IntFunction;

/**
 * The merge step of an as-of join over one group of rows: both sides' rows in input order, keys
 * ascending. This is the classic sorted-merge as-of join (kdb+'s {@code aj}, pandas'
 * {@code merge_asof}): since the left keys only grow, the positions "first right key not below the
 * left key" and "first right key above it" only move forward, so one pass over each side finds every
 * match, O(n + m). Backward takes the row before the second position (the last of equal keys),
 * forward the row at the first one (the first of equal keys); nearest compares the row below with
 * the last row of the run of equal keys above, the upper one winning a tie. Rows with null keys pair
 * with nothing (right ones are skipped).
 */
final class AsofMatch {
  private AsofMatch() {}

  /**
   * Fails unless the key of {@code rows[from, to)} (one side's rows of one group) are sorted: nulls
   * first, then ascending. {@code group} describes the group of a row for the message, or is null.
   */
  static void checkSorted(AsofKeys keys, boolean leftSide, String column, int[] rows, int from, int to,
      IntFunction<String> group) {
    int previous = -1;
    for (int index = from; index < to; index++) {
      int row = rows[index];
      boolean isNull = leftSide ? keys.leftNull(row) : keys.rightNull(row);
      if (isNull ? previous >= 0 : previous >= 0 && keys.compareWithin(leftSide, previous, row) > 0) {
        String side = leftSide ? "left" : "right";
        throw new InvalidOperationException("joinAsof: the " + side + " frame is not sorted by its key column '"
            + column + "'" + (group == null ? "" : " within the by group " + group.apply(row)) + ": row " + row
            + " (" + keys.value(leftSide, row) + ") comes after row " + previous + " (" + keys.value(leftSide, previous)
            + "); sort the " + side + " frame by '" + column + "' (nulls first) first, or pass checkSortedness(false)"
            + " if it is sorted");
      }
      if (!isNull) {
        previous = row;
      }
    }
  }

  /**
   * Writes into {@code out[left row]} the right row each of {@code leftRows[leftFrom, leftTo)} pairs
   * with (rows without a match are left as they are, -1).
   */
  static void match(AsofKeys keys, int[] leftRows, int leftFrom, int leftTo, int[] rightRows, int rightFrom,
      int rightTo, AsofStrategy strategy, boolean allowExact, int[] out) {
    int[] right = new int[rightTo - rightFrom];
    int m = 0;
    for (int index = rightFrom; index < rightTo; index++) {
      if (!keys.rightNull(rightRows[index])) {
        right[m++] = rightRows[index];
      }
    }
    int below = 0; // right rows with a key below the left key
    int notAbove = 0; // right rows with a key at most the left key
    int runEnd = -1; // the last right row of the run of equal keys starting at notAbove
    for (int index = leftFrom; index < leftTo; index++) {
      int l = leftRows[index];
      if (keys.leftNull(l)) {
        continue;
      }
      while (below < m && keys.compare(l, right[below]) > 0) {
        below++;
      }
      notAbove = Math.max(notAbove, below);
      while (notAbove < m && keys.compare(l, right[notAbove]) >= 0) {
        notAbove++;
      }
      int pick = switch (strategy) {
        case BACKWARD -> allowExact ? notAbove - 1 : below - 1;
        case FORWARD -> allowExact ? (below < m ? below : -1) : (notAbove < m ? notAbove : -1);
        case NEAREST -> {
          if (allowExact && notAbove > below) {
            yield notAbove - 1; // an exact match: the last of the equal keys
          }
          int above = -1;
          if (notAbove < m) {
            runEnd = Math.max(runEnd, notAbove);
            while (runEnd + 1 < m && keys.compareWithin(false, right[runEnd + 1], right[notAbove]) == 0) {
              runEnd++;
            }
            above = runEnd;
          }
          int under = below - 1;
          yield under < 0 ? above : above < 0 ? under : keys.aboveCloser(l, right[under], right[above]) ? above : under;
        }
      };
      if (pick >= 0 && keys.within(l, right[pick])) {
        out[l] = right[pick];
      }
    }
  }
}
