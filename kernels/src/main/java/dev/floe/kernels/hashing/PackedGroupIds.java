package dev.floe.kernels.hashing;

import dev.floe.memory.column.Column;
import dev.floe.memory.column.VarBinaryColumn;
import java.util.Arrays;
import java.util.List;

/**
 * {@link GroupIds} of keys that pack into integers ({@link PackedKeys}: short strings, fixed-width
 * values, booleans), with no byte hashing and no row comparison. Each key column is numbered on its
 * own by a table of packed words (one key: those numbers are the group ids); several columns'
 * numbers combine into one mixed-radix code, which indexes an array of group ids when the product
 * of the columns' distinct counts is small (TPC-H Q1's two one-letter flags: 3 x 2 codes) and a
 * table of codes otherwise. Short strings inlined into integers are DuckDB's and Umbra's; numbering
 * each column first is how DuckDB's perfect hash aggregate turns several small keys into one. The
 * ids are those {@link GroupIds#of}'s hash table gives: dense, in order of first appearance.
 */
final class PackedGroupIds {
  private PackedGroupIds() {}

  /**
   * The groups of {@code keys} when they include a string key and every key packs, else null
   * (other keys keep the hashing and direct paths they have).
   */
  static GroupIds tryOf(List<Column> keys) {
    boolean strings = false;
    for (Column key : keys) {
      strings |= key instanceof VarBinaryColumn;
    }
    if (!strings) {
      return null;
    }
    for (Column key : keys) {
      if (!PackedKeys.packable(key)) {
        return null;
      }
    }
    return of(keys);
  }

  /** The groups of {@code keys}, every one {@link PackedKeys#packable}; null when their codes overflow a long. */
  static GroupIds of(List<Column> keys) {
    int length = keys.getFirst().length();
    int[] codes = new int[length];
    int distinct = PackedKeys.code(keys.getFirst(), codes);
    if (keys.size() == 1) {
      return numbered(codes, distinct);
    }
    long[] combined = new long[length];
    long range = distinct;
    for (int row = 0; row < length; row++) {
      combined[row] = codes[row];
    }
    for (int index = 1; index < keys.size(); index++) {
      int radix = PackedKeys.code(keys.get(index), codes);
      if (range > Long.MAX_VALUE / Math.max(1, radix)) {
        return null; // the codes would overflow a long: leave it to hashing
      }
      range *= radix;
      for (int row = 0; row < length; row++) {
        combined[row] = combined[row] * radix + codes[row];
      }
    }
    int[] ids = new int[length];
    long limit = Math.min(1 << 30, Math.max(DirectGroupIds.MAX_RANGE, 2L * length));
    int groups;
    if (range <= limit) {
      int[] slots = new int[(int) range];
      Arrays.fill(slots, -1);
      groups = 0;
      for (int row = 0; row < length; row++) {
        int code = (int) combined[row];
        int id = slots[code];
        if (id < 0) {
          id = groups++;
          slots[code] = id;
        }
        ids[row] = id;
      }
    } else {
      PairIds table = new PairIds(Math.min(length, 1024));
      for (int row = 0; row < length; row++) {
        ids[row] = table.id(combined[row], 0);
      }
      groups = table.count();
    }
    return numbered(ids, groups);
  }

  /** Group ids numbered in order of first appearance, with each group's first row. */
  private static GroupIds numbered(int[] ids, int groups) {
    int[] firstRows = new int[groups];
    int next = 0;
    for (int row = 0; row < ids.length && next < groups; row++) {
      if (ids[row] == next) {
        firstRows[next++] = row;
      }
    }
    return GroupIds.numbered(ids, firstRows, groups);
  }
}
