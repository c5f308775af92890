package dev.floe.engine.exec;

import dev.floe.errors.ComputeException;
import dev.floe.kernels.hashing.JoinTable;
import dev.floe.memory.BufferAllocator;
import dev.floe.kernels.hashing.PartitionedJoinTable;
import dev.floe.memory.column.Column;
import dev.floe.planner.plan.Join;
import dev.floe.planner.plan.JoinOptions.Validate;
import java.util.ArrayList;
import java.util.List;

/**
 * Polars' {@code validate}: {@code 1:m} needs unique left keys, {@code m:1} unique right keys,
 * {@code 1:1} both. A key counts as in the join: rows with a null key are ignored unless nulls match.
 * A violation fails naming the side, a duplicated key and how often it occurs. (Polars 1.44 departs
 * from this in two corners: its full joins count null keys as duplicates or not depending on the
 * side it builds on, and it skips the check of a multi-key join with an empty side.)
 */
final class JoinValidation {
  private JoinValidation() {}

  static void check(Join join, HashJoin.JoinKeys keys, BufferAllocator allocator) {
    Validate validate = join.options().validate();
    if (validate == Validate.MANY_TO_MANY) {
      return;
    }
    if (validate == Validate.ONE_TO_ONE || validate == Validate.ONE_TO_MANY) {
      unique(join, keys, "left", keys.leftAt(0), keys.leftAt(0) + keys.leftRows(), allocator);
    }
    if (validate == Validate.ONE_TO_ONE || validate == Validate.MANY_TO_ONE) {
      unique(join, keys, "right", keys.rightAt(0), keys.rightAt(0) + keys.rightRows(), allocator);
    }
  }

  /** The {@code m:1} check on a table built over the right keys alone ({@link ProbeJoin}). */
  static void uniqueRight(Join join, PartitionedJoinTable table, List<Column> rightKeys) {
    for (JoinTable part : table.parts()) {
      unique(join, part, rightKeys, "right");
    }
  }

  /** The {@code 1:m} check on a table built over the left keys alone ({@link LeftBuildJoin}). */
  static void uniqueLeft(Join join, PartitionedJoinTable table, List<Column> leftKeys) {
    for (JoinTable part : table.parts()) {
      unique(join, part, leftKeys, "left");
    }
  }

  private static void unique(Join join, HashJoin.JoinKeys keys, String side, int from, int to,
      BufferAllocator allocator) {
    try (JoinTable table = JoinTable.build(keys.columns(), keys.hashes(), from, to, join.options().nullsEqual(),
        allocator)) {
      unique(join, table, keys.columns(), side);
    }
  }

  private static void unique(Join join, JoinTable table, List<Column> columns, String side) {
    if (table.uniqueKeys()) {
      return;
    }
    for (int group = 0; group < table.groupCount(); group++) {
      int count = table.end(group) - table.start(group);
      if (count > 1) {
        List<Object> key = new ArrayList<>();
        for (Column column : columns) {
          key.add(column.getObject(table.firstRow(group)));
        }
        throw new ComputeException("join keys did not fulfill " + join.options().validate().keyword()
            + " validation: the " + side + " key " + (key.size() == 1 ? key.getFirst() : key) + " occurs "
            + count + " times on the " + side + " side, which must have unique keys");
      }
    }
  }
}
