package dev.floe.engine.expr;

import dev.floe.kernels.Sort;
import dev.floe.kernels.hashing.DirectGroupIds;
import dev.floe.kernels.hashing.GroupIds;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Window;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The groups and row orders of the window expressions of one select or withColumns over one batch,
 * computed once per distinct partition list and shared by every window over it: {@code
 * sum().over("g")}, {@code mean().over("g")} and {@code rank().over("g")} hash the key column once
 * (Polars caches its window groups per expression evaluation in the same way,
 * {@code polars-expr/src/expressions/window.rs}, and users hit large slowdowns where it cannot).
 *
 * <p>Not thread-safe: one projection evaluates its expressions one after another.
 */
public final class WindowGroups {
  /** How many groupings were computed in this process, for tests of the sharing. */
  static final AtomicLong GROUPINGS = new AtomicLong();

  /** The dense group ids of the rows (in order of first appearance) and the group count. */
  record Grouping(int[] ids, int groupCount, int[] starts) {}

  /**
   * The rows in group order: group 0's rows first, each group's rows in the order keys' order
   * (stable: ties and unordered windows keep the rows' order); {@code starts[g]} is where group g
   * begins in {@code rows}, {@code starts[groupCount]} the row count. {@code groupOrder} lists the
   * groups in order of their first row in the order keys' order (null without order keys: then
   * it is the group ids' own order), which is how mapping "explode" lays the groups out.
   */
  record Ordering(int[] rows, int[] starts, int[] groupOrder) {}

  private record OrderKey(List<Expr> partitionBy, List<Expr> orderBy, boolean descending,
      boolean nullsLast) {}

  private final Map<List<Expr>, Grouping> groupings = new HashMap<>();
  private final Map<OrderKey, Ordering> orderings = new HashMap<>();

  /** The groups of {@code partitionBy}'s rows, computed on first use. */
  Grouping grouping(ExpressionEvaluator evaluator, List<Expr> partitionBy) {
    Grouping known = groupings.get(partitionBy);
    if (known != null) {
      return known;
    }
    List<Column> keys = new ArrayList<>();
    try {
      for (Expr key : partitionBy) {
        keys.add(evaluator.evalAt(key, evaluator.rowCount()));
      }
      GroupIds groups = keys.size() == 1 ? DirectGroupIds.tryOf(keys.getFirst()) : null;
      if (groups == null) {
        groups = GroupIds.of(keys, evaluator.allocator());
      }
      GROUPINGS.incrementAndGet();
      int[] ids = groups.ids();
      int[] starts = new int[groups.groupCount() + 1];
      for (int id : ids) {
        starts[id + 1]++;
      }
      for (int group = 0; group < groups.groupCount(); group++) {
        starts[group + 1] += starts[group];
      }
      Grouping grouping = new Grouping(ids, groups.groupCount(), starts);
      groupings.put(partitionBy, grouping);
      return grouping;
    } finally {
      keys.forEach(Column::close);
    }
  }

  /** The rows of {@code window}'s groups in group order, computed on first use. */
  Ordering ordering(ExpressionEvaluator evaluator, Window window, Grouping grouping) {
    OrderKey key = new OrderKey(window.partitionBy(), window.options().orderBy(),
        window.options().descending(), window.options().nullsLast());
    Ordering known = orderings.get(key);
    if (known != null) {
      return known;
    }
    int rowCount = grouping.ids().length;
    int[] within = null; // the rows in order-key order, or null for the rows' own order
    if (!window.options().orderBy().isEmpty()) {
      within = orderByKeys(evaluator, window);
    }
    // a stable counting sort by group id (the rows are already in order within each group)
    int[] next = grouping.starts().clone();
    int[] rows = new int[rowCount];
    int[] ids = grouping.ids();
    for (int position = 0; position < rowCount; position++) {
      int row = within == null ? position : within[position];
      rows[next[ids[row]]++] = row;
    }
    int[] groupOrder = null;
    if (within != null) {
      groupOrder = new int[grouping.groupCount()];
      boolean[] seen = new boolean[grouping.groupCount()];
      int found = 0;
      for (int row : within) {
        if (!seen[ids[row]]) {
          seen[ids[row]] = true;
          groupOrder[found++] = ids[row];
        }
      }
    }
    Ordering ordering = new Ordering(rows, grouping.starts(), groupOrder);
    orderings.put(key, ordering);
    return ordering;
  }

  private static int[] orderByKeys(ExpressionEvaluator evaluator, Window window) {
    List<Column> keys = new ArrayList<>();
    try {
      for (Expr key : window.options().orderBy()) {
        keys.add(evaluator.evalAt(key, evaluator.rowCount()));
      }
      boolean[] descending = new boolean[keys.size()];
      java.util.Arrays.fill(descending, window.options().descending());
      try (Column order = Sort.argSort(
          keys, descending, window.options().nullsLast(), evaluator.allocator())) {
        FixedWidthColumn indices = (FixedWidthColumn) order;
        int[] rows = new int[order.length()];
        for (int position = 0; position < rows.length; position++) {
          rows[position] = indices.getInt(position);
        }
        return rows;
      }
    } finally {
      keys.forEach(Column::close);
    }
  }
}
