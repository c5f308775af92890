package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.kernels.sort.NormalizedKeys;
import dev.floe.memory.column.FixedWidthColumn;

/**
 * Each group's first {@code n} rows in the order of a sort key, in one pass over the rows without
 * sorting them: per group a small sorted buffer of its best {@code n} keys so far, where a row
 * that does not beat the buffer's last key costs one comparison (a bounded insertion per group,
 * the top-n of DuckDB's per-partition window with a row-number filter). Ties keep row order, as a
 * stable sort: a row goes after the equal keys already held and never displaces them. Keys compare
 * by {@link NormalizedKeys} (NaN after every number, -0.0 equal to 0.0, as Floe's sort); nulls
 * come first or last whatever the direction.
 */
public final class GroupedTopRows {
  /** The largest {@code n} kept per group; beyond it a sort of the groups' rows is the better plan. */
  public static final int MAX_N = 64;

  /** Group {@code g}'s rows are {@code rows[offsets[g] .. offsets[g + 1])}, in sort order. */
  public record Result(int[] offsets, int[] rows) {}

  private GroupedTopRows() {}

  /**
   * The first {@code n} rows of each group ({@code ids[row]} in {@code [0, groups)}) ordered by
   * {@code key} ({@link NormalizedKeys#supports} must hold), or null when {@code n} exceeds {@link
   * #MAX_N}.
   */
  public static Result of(FixedWidthColumn key, boolean descending, boolean nullsLast, int[] ids, int groups,
      int n) {
    if (key.length() != ids.length) {
      throw new InvalidOperationException(ids.length + " group ids for a column of " + key.length() + " rows");
    }
    if (!NormalizedKeys.supports(key.type())) {
      throw new InvalidOperationException("no top rows by a key of type " + key.type());
    }
    if (n > MAX_N || n < 0 || (long) groups * n > Integer.MAX_VALUE - 8) {
      return null;
    }
    int rows = ids.length;
    long[] keys = new long[rows];
    NormalizedKeys.fill(key, descending, keys); // null slots get some key; their rank decides
    boolean nullable = key.nullCount() > 0;
    byte nullRank = (byte) (nullsLast ? 1 : -1);
    long[] heldKey = new long[groups * n];
    byte[] heldRank = new byte[groups * n];
    int[] heldRow = new int[groups * n];
    int[] filled = new int[groups];
    for (int row = 0; row < rows && n > 0; row++) {
      long value = keys[row] ^ Long.MIN_VALUE; // unsigned order as signed
      byte rank = nullable && key.isNull(row) ? nullRank : 0;
      int group = ids[row];
      int base = group * n;
      int count = filled[group];
      int position;
      if (count == n) {
        int last = base + n - 1;
        if (!before(rank, value, heldRank[last], heldKey[last])) {
          continue; // the common case once groups are full: one comparison
        }
        position = n - 1;
      } else {
        position = count;
        filled[group] = count + 1;
      }
      while (position > 0 && before(rank, value, heldRank[base + position - 1], heldKey[base + position - 1])) {
        heldKey[base + position] = heldKey[base + position - 1];
        heldRank[base + position] = heldRank[base + position - 1];
        heldRow[base + position] = heldRow[base + position - 1];
        position--;
      }
      heldKey[base + position] = value;
      heldRank[base + position] = rank;
      heldRow[base + position] = row;
    }
    int[] offsets = new int[groups + 1];
    for (int group = 0; group < groups; group++) {
      offsets[group + 1] = offsets[group] + filled[group];
    }
    int[] out = new int[offsets[groups]];
    for (int group = 0; group < groups; group++) {
      System.arraycopy(heldRow, group * n, out, offsets[group], filled[group]);
    }
    return new Result(offsets, out);
  }

  /** Strictly before: ties are not before, so equal keys keep row order. */
  private static boolean before(byte rank, long key, byte heldRank, long heldKey) {
    return rank != heldRank ? rank < heldRank : key < heldKey;
  }
}
