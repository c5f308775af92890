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
import dev.floe.planner.expr.Expr;
import dev.floe.planner.plan.Join;
import dev.floe.planner.plan.JoinLayout;
import dev.floe.planner.plan.JoinType;
import java.util.List;

/**
 * Looks up probe morsels in a built table. {@link #probe} takes left morsels against a table over
 * the right keys: a categorical left key (one key) by its dictionary indices ({@link
 * DictionaryProbe}), the dictionary's entries once per query; other keys through {@link #groups}.
 * {@link #groups} evaluates a morsel's keys (the left or the right ones, as {@code probeOn} says)
 * cast to the match types, hashes them and looks them up row by row ({@link
 * PartitionedJoinTable#groupsOfKeys} for one integer key). Safe for concurrent morsels.
 */
final class JoinLookup {
  private final Join join;
  private final List<DataType> matchTypes;
  private final List<Expr> probeOn;
  private final PartitionedJoinTable table;
  private final List<Column> buildKeys;
  private final BufferAllocator allocator;
  private final DictionaryProbe.Cache dictionaries = new DictionaryProbe.Cache();

  /** A lookup of left morsels ({@code join.leftOn()}) in a table over the right keys. */
  JoinLookup(Join join, JoinLayout layout, PartitionedJoinTable table, List<Column> buildKeys,
      BufferAllocator allocator) {
    this(join, layout, join.leftOn(), table, buildKeys, allocator);
  }

  /** A lookup of morsels whose keys are {@code probeOn} in a table over {@code buildKeys}. */
  JoinLookup(Join join, JoinLayout layout, List<Expr> probeOn, PartitionedJoinTable table, List<Column> buildKeys,
      BufferAllocator allocator) {
    this.join = join;
    this.matchTypes = ProbeJoin.matchTypes(layout);
    this.probeOn = probeOn;
    this.table = table;
    this.buildKeys = buildKeys;
    this.allocator = allocator;
  }

  /** Whether the join only keeps or drops left rows (semi, anti): {@link #probe} lists kept rows. */
  boolean filters() {
    return join.how() == JoinType.SEMI || join.how() == JoinType.ANTI;
  }

  /**
   * The left morsel's matches, into {@code scratch}: its kept rows ({@link ProbeScratch#kept}) for a
   * semi or anti join, else (morsel row, build row) pairs, build row -1 for an unmatched row of a
   * left join; returns their number.
   */
  int probe(RecordBatch morsel, ProbeScratch scratch) {
    List<Column> categoricalKeys = ProbeJoin.categoricalKey(join, morsel, buildKeys, table.nullsMatch(), allocator);
    int[] entries = null;
    DictionaryProbe byEntry = null;
    int[] groups = null;
    long[] hashes = null;
    if (categoricalKeys != null) {
      try {
        DictionaryColumn categorical = (DictionaryColumn) categoricalKeys.getFirst();
        byEntry = dictionaries.get(categorical.dictionary(),
            () -> DictionaryProbe.of(table, buildKeys.getFirst(), categorical.dictionary(), allocator));
        entries = byEntry.entries(categorical);
      } finally {
        categoricalKeys.forEach(Column::close);
      }
    } else {
      groups = groups(morsel, scratch);
      hashes = scratch.hashes(0);
    }
    int rows = morsel.rowCount();
    JoinType how = join.how();
    boolean filter = filters();
    boolean outer = how == JoinType.LEFT;
    int[] kept = filter ? scratch.kept(rows) : null;
    int count = 0;
    JoinProbe.Pairs pairs = scratch.pairs;
    for (int row = 0; row < rows; row++) {
      JoinTable part;
      int group;
      if (entries != null) {
        int entry = entries[row];
        part = entry < 0 ? null : byEntry.table(entry);
        group = part == null ? -1 : byEntry.group(entry);
      } else {
        group = groups[row];
        part = group < 0 ? null : table.part(hashes[row]);
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
  }

  /**
   * The group of each row of {@code morsel} (its keys {@code probeOn}) in the partition its hash
   * selects, or -1 (a row with a null key when nulls do not match, or no match), in {@code
   * scratch}'s {@link ProbeScratch#groups}; the rows' hashes are left in its {@link
   * ProbeScratch#hashes}, for {@link PartitionedJoinTable#part}.
   */
  int[] groups(RecordBatch morsel, ProbeScratch scratch) {
    int rows = morsel.rowCount();
    List<Column> keys = Projection.evaluate(morsel, HashJoin.keyExprs(probeOn, matchTypes, morsel), true, allocator);
    try {
      long[] hashes = scratch.hashes(rows);
      int[] groups = scratch.groups(rows);
      IntegerKeys integers = table.keysInSlots(keys) ? IntegerKeys.of(keys) : null;
      boolean hashKeys = integers != null && integers.hashesInline(); // hashed by groupsOfKeys
      if (!hashKeys) {
        long[] computed = JoinTable.hashes(keys, allocator, hashes);
        if (computed != hashes) {
          System.arraycopy(computed, 0, hashes, 0, rows);
        }
      }
      if (integers != null) {
        table.groupsOfKeys(hashes, integers, rows, groups, hashKeys);
        return groups; // keys in slots have no nulls
      }
      CrossEquality equality = CrossEquality.of(buildKeys, keys);
      Column[] nullable = table.nullsMatch() ? new Column[0]
          : keys.stream().filter(key -> key.nullCount() > 0).toArray(Column[]::new);
      for (int row = 0; row < rows; row++) {
        if (ProbeJoin.hasNull(nullable, row)) {
          groups[row] = -1;
        } else {
          long hash = hashes[row];
          groups[row] = table.part(hash).group(hash, equality, row);
        }
      }
      return groups;
    } finally {
      keys.forEach(Column::close);
    }
  }
}
