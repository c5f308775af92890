package dev.floe.kernels.hashing;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.column.Column;
import java.util.Arrays;
import java.util.List;

/**
 * Fills a {@link JoinTable}: every build row is added once (its group found or made), its group
 * noted; then, when some key repeats, the rows are listed by group (counting sort, so each group's
 * rows stay ascending), and when none does, the table's slots are made to name their rows.
 */
final class JoinTableBuild {
  private JoinTableBuild() {}

  /** Build rows listed by a partitioning, with their hashes and integer keys (or null) alongside. */
  record Listed(int[] rows, long[] hashes, long[] keys) {}

  /** Builds over rows {@code [from, to)}, or over {@code list[from, to)} when a list is given. */
  static JoinTable build(List<Column> keys, long[] hashes, Listed list, int from, int to,
      boolean nullsMatch, boolean keysInSlots) {
    int rows = to - from;
    if (rows > GroupIds.MAX_ROWS) {
      throw new InvalidOperationException(
          "cannot build a join table of " + rows + " rows (at most " + GroupIds.MAX_ROWS + ")");
    }
    JoinTable table = new JoinTable(hashes, keys, nullsMatch, rows, keysInSlots);
    int[] rowGroup = new int[rows];
    int[] counts = new int[Math.max(16, rows)]; // at most one group per row
    boolean repeated = false;
    for (int index = 0; index < rows; index++) {
      int row = list == null ? from + index : list.rows[from + index];
      int group = -1;
      if (nullsMatch || !table.hasNull(row)) {
        int before = table.groupCount();
        long hash = list == null ? hashes[row] : list.hashes[from + index];
        long key = !table.keepsKeys() ? 0 : list == null || list.keys == null ? table.keyOf(row)
            : list.keys[from + index];
        group = table.add(row, hash, key);
        if (table.groupCount() == before) {
          repeated = true;
        } else if (group == counts.length) {
          counts = Arrays.copyOf(counts, group * 2);
        }
      }
      rowGroup[index] = group;
      if (group >= 0) {
        counts[group]++;
      }
    }
    if (!repeated) {
      table.nameRows();
      return table;
    }
    int groups = table.groupCount();
    int[] start = new int[groups + 1];
    for (int group = 0; group < groups; group++) {
      start[group + 1] = start[group] + counts[group];
    }
    int[] fill = Arrays.copyOf(start, groups);
    int[] listed = new int[start[groups]];
    for (int index = 0; index < rows; index++) {
      int group = rowGroup[index];
      if (group >= 0) {
        listed[fill[group]++] = list == null ? from + index : list.rows[from + index];
      }
    }
    table.listRows(start, listed);
    return table;
  }
}
