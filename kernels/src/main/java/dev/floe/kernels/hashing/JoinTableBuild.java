package dev.floe.kernels.hashing;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.IntArray;
import dev.floe.memory.LongArray;
import dev.floe.memory.column.Column;
import java.util.List;

/**
 * Fills a {@link JoinTable}: every build row is added once (its group found or made), its group
 * noted; then, when some key repeats, the rows are listed by group (counting sort, so each group's
 * rows stay ascending), and when none does, the table's slots are made to name their rows. The
 * per-row bookkeeping is off-heap scratch from the table's allocator, returned before the build ends.
 */
final class JoinTableBuild {
  private JoinTableBuild() {}

  /**
   * Build rows listed by a partitioning (ascending), with their hashes (or null: computed from the
   * integer keys, {@link IntegerKeys#hash}) and integer keys (or null) alongside, so a partition's
   * build reads them in order rather than stride through the columns. The caller closes it.
   */
  record Listed(IntArray rows, LongArray hashes, LongArray keys) implements AutoCloseable {
    static Listed allocate(BufferAllocator allocator, int rows, boolean withKeys, boolean withHashes) {
      IntArray listed = IntArray.allocate(allocator, rows);
      LongArray hashes = null;
      try {
        hashes = withHashes ? LongArray.allocate(allocator, rows) : null;
        return new Listed(listed, hashes, withKeys ? LongArray.allocate(allocator, rows) : null);
      } catch (RuntimeException failure) {
        JoinTable.closeAll(listed, hashes);
        throw failure;
      }
    }

    @Override
    public void close() {
      JoinTable.closeAll(rows, hashes, keys);
    }
  }

  /**
   * Builds over rows {@code [from, to)} (their hashes in {@code hashes}), or over {@code list[from,
   * to)} when a list is given (then {@code hashes} may be null); the slots of a table that keeps
   * integer keys in {@code keyedSlab} when it is not null ({@link JoinTable#JoinTable}).
   */
  static JoinTable build(List<Column> keys, long[] hashes, Listed list, int from, int to,
      boolean nullsMatch, boolean keysInSlots, BufferAllocator allocator, LongArray keyedSlab) {
    int rows = to - from;
    if (rows > GroupIds.MAX_ROWS) {
      throw new InvalidOperationException(
          "cannot build a join table of " + rows + " rows (at most " + GroupIds.MAX_ROWS + ")");
    }
    JoinTable table = new JoinTable(hashes, keys, nullsMatch, rows, keysInSlots, allocator, keyedSlab);
    try (IntArray rowGroup = IntArray.allocate(allocator, rows);
        IntArray counts = IntArray.zeroed(allocator, Math.max(16, rows))) { // at most one group per row
      boolean repeated = false;
      for (int index = 0; index < rows; index++) {
        int row = list == null ? from + index : list.rows.get(from + index);
        int group = -1;
        if (nullsMatch || !table.hasNull(row)) {
          int before = table.groupCount();
          long key = !table.keepsKeys() ? 0 : list == null || list.keys == null ? table.keyOf(row)
              : list.keys.get(from + index);
          long hash = list == null ? hashes[row] : list.hashes != null ? list.hashes.get(from + index)
              : table.hashOfKey(key);
          group = table.add(row, hash, key);
          if (table.groupCount() == before) {
            repeated = true;
          }
          counts.add(group, 1);
        }
        rowGroup.set(index, group);
      }
      if (!repeated) {
        table.nameRows();
        return table;
      }
      listRows(table, list, from, rows, rowGroup, counts, allocator);
      return table;
    } catch (RuntimeException failure) {
      table.close();
      throw failure;
    }
  }

  /** Lists the rows by group: group g's rows at {@code [start[g], start[g + 1])}, ascending. */
  private static void listRows(JoinTable table, Listed list, int from, int rows, IntArray rowGroup, IntArray counts,
      BufferAllocator allocator) {
    int groups = table.groupCount();
    IntArray start = IntArray.allocate(allocator, groups + 1);
    IntArray listed = null;
    try {
      int total = 0;
      for (int group = 0; group < groups; group++) {
        start.set(group, total);
        int count = counts.get(group);
        counts.set(group, total); // from here on: the next place of the group's rows
        total += count;
      }
      start.set(groups, total);
      listed = IntArray.allocate(allocator, total);
      for (int index = 0; index < rows; index++) {
        int group = rowGroup.get(index);
        if (group >= 0) {
          int place = counts.get(group);
          counts.set(group, place + 1);
          listed.set(place, list == null ? from + index : list.rows.get(from + index));
        }
      }
    } catch (RuntimeException failure) {
      JoinTable.closeAll(start, listed);
      throw failure;
    }
    table.listRows(start, listed);
  }
}
