package dev.floe.engine.exec;

import dev.floe.engine.expr.Projection;
import dev.floe.kernels.hashing.CrossEquality;
import dev.floe.kernels.hashing.DictionaryProbe;
import dev.floe.kernels.hashing.IntegerKeys;
import dev.floe.kernels.hashing.JoinTable;
import dev.floe.kernels.hashing.PartitionedJoinTable;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.planner.plan.Join;
import dev.floe.planner.plan.JoinLayout;
import dev.floe.planner.plan.JoinType;
import java.util.List;

/**
 * Looks up left morsels in a built table: a categorical left key (one key) by its dictionary
 * indices ({@link DictionaryProbe}), the dictionary's entries once per query; other keys cast to
 * the match types, hashed, and looked up row by row. Safe for concurrent morsels.
 */
final class JoinLookup {
  private final Join join;
  private final List<DataType> matchTypes;
  private final PartitionedJoinTable table;
  private final List<Column> buildKeys;
  private final BufferAllocator allocator;
  private final DictionaryProbe.Cache dictionaries = new DictionaryProbe.Cache();

  JoinLookup(Join join, JoinLayout layout, PartitionedJoinTable table, List<Column> buildKeys,
      BufferAllocator allocator) {
    this.join = join;
    this.matchTypes = ProbeJoin.matchTypes(layout);
    this.table = table;
    this.buildKeys = buildKeys;
    this.allocator = allocator;
  }

  /** Whether the join only keeps or drops left rows (semi, anti): {@link #probe} lists kept rows. */
  boolean filters() {
    return join.how() == JoinType.SEMI || join.how() == JoinType.ANTI;
  }

  /**
   * The morsel's matches, into {@code scratch}: its kept rows ({@link ProbeScratch#kept}) for a
   * semi or anti join, else (morsel row, build row) pairs, build row -1 for an unmatched row of a
   * left join; returns their number.
   */
  int probe(RecordBatch morsel, ProbeScratch scratch) {
    List<Column> categoricalKeys = ProbeJoin.categoricalKey(join, morsel, buildKeys, table.nullsMatch(), allocator);
    List<Column> keys = categoricalKeys != null ? categoricalKeys
        : Projection.evaluate(morsel, HashJoin.keyExprs(join.leftOn(), matchTypes, morsel), true,
            allocator);
    try {
      int[] entries = null;
      DictionaryProbe byEntry = null;
      long[] hashes = null;
      if (categoricalKeys != null) {
        DictionaryColumn categorical = (DictionaryColumn) keys.getFirst();
        byEntry = dictionaries.get(categorical.dictionary(),
            () -> DictionaryProbe.of(table, buildKeys.getFirst(), categorical.dictionary(), allocator));
        entries = byEntry.entries(categorical);
      } else {
        hashes = scratch.hashes(morsel.rowCount());
      }
      CrossEquality equality = hashes == null ? null : CrossEquality.of(buildKeys, keys);
      IntegerKeys integers = hashes != null && table.keysInSlots(keys) ? IntegerKeys.of(keys) : null;
      boolean hashKeys = integers != null && integers.hashesInline(); // hashed by groupsOfKeys
      if (hashes != null && !hashKeys) {
        hashes = JoinTable.hashes(keys, allocator, hashes);
      }
      Column[] nullable = table.nullsMatch() || entries != null ? new Column[0]
          : keys.stream().filter(key -> key.nullCount() > 0).toArray(Column[]::new);
      int rows = morsel.rowCount();
      JoinType how = join.how();
      boolean filter = filters();
      boolean outer = how == JoinType.LEFT;
      int[] kept = filter ? scratch.kept(rows) : null;
      int count = 0;
      int[] groups = null;
      if (integers != null) {
        groups = scratch.groups(rows);
        table.groupsOfKeys(hashes, integers, rows, groups, hashKeys);
      }
      JoinProbe.Pairs pairs = scratch.pairs;
      for (int row = 0; row < rows; row++) {
        JoinTable part;
        int group;
        if (entries != null) {
          int entry = entries[row];
          part = entry < 0 ? null : byEntry.table(entry);
          group = part == null ? -1 : byEntry.group(entry);
        } else if (ProbeJoin.hasNull(nullable, row)) {
          part = null;
          group = -1;
        } else {
          long hash = hashes[row];
          part = table.part(hash);
          group = groups != null ? groups[row] : part.group(hash, equality, row);
        }
        if (filter) {
          if ((group >= 0) == (how == JoinType.SEMI)) {
            kept[count++] = row;
          }
        } else if (group < 0) {
          if (outer) {
            pairs.add(row, -1);
          }
        } else if (part.uniqueKeys()) {
          pairs.add(row, group);
        } else {
          for (int position = part.start(group); position < part.end(group); position++) {
            pairs.add(row, part.row(position));
          }
        }
      }
      return filter ? count : pairs.size;
    } finally {
      keys.forEach(Column::close);
    }
  }
}
