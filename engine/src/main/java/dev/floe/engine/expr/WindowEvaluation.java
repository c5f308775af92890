package dev.floe.engine.expr;

import dev.floe.errors.ShapeMismatchException;
import dev.floe.kernels.Gather;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.Concatenation;
import dev.floe.memory.column.ListColumn;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.expr.Window;
import dev.floe.planner.expr.WindowOptions;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a {@link Window} over the whole batch in the segment-then-evaluate way of Leis et al.,
 * "Efficient Processing of Window Functions in Analytical SQL Queries" (VLDB 2015): the rows are
 * partitioned by the group ids of the partition keys ({@link WindowGroups}, shared by every window
 * of the projection over the same keys), ordered within each partition (by the order keys, else
 * by position; a stable counting sort by group id), the input expression runs once per partition
 * over a contiguous zero-copy slice of the reordered rows, and the results map back:
 *
 * <ul>
 *   <li>an aggregate's one value per group is gathered to every row of the group ({@code ids[row]});
 *   <li>a length-keeping result (cumSum, shift, rank, ...) is scattered back to the rows' positions;
 *   <li>mapping "join" gives each row its group's whole result as a list; "explode" returns the
 *       groups' results one after another, in order of first appearance.
 * </ul>
 *
 * <p>Sum, mean, count, len, first and last of a row-wise input skip the per-group evaluation
 * ({@link WindowAggregates}), and so do shift, cumCount and forward and backward fills
 * ({@link WindowSequences}).
 */
final class WindowEvaluation {
  private WindowEvaluation() {}

  static Column evaluate(ExpressionEvaluator evaluator, Window window) {
    BufferAllocator allocator = evaluator.allocator();
    WindowGroups groups = evaluator.windowGroups();
    WindowGroups.Grouping grouping = groups.grouping(evaluator, window.partitionBy());
    Column fast = WindowAggregates.tryEvaluate(evaluator, window, groups, grouping);
    if (fast == null) {
      fast = WindowSequences.tryEvaluate(evaluator, window, groups, grouping);
    }
    if (fast != null) {
      return fast;
    }
    WindowGroups.Ordering ordering = groups.ordering(evaluator, window, grouping);
    boolean aggregate = ExpressionEvaluator.isScalar(window.input());
    try (Column results = perGroup(evaluator, window, ordering, aggregate)) {
      WindowOptions.Mapping mapping = window.options().mapping();
      if (mapping == WindowOptions.Mapping.EXPLODE) {
        return exploded(results, ordering, aggregate, allocator);
      }
      if (aggregate) {
        return Gather.rows(results, grouping.ids(), grouping.ids().length, allocator);
      }
      if (mapping == WindowOptions.Mapping.JOIN) {
        try (Column lists = lists(results, ordering.starts(), allocator)) {
          return Gather.rows(lists, grouping.ids(), grouping.ids().length, allocator);
        }
      }
      int[] rows = ordering.rows();
      int[] positions = new int[rows.length]; // the inverse permutation: where each row landed
      for (int position = 0; position < rows.length; position++) {
        positions[rows[position]] = position;
      }
      return Gather.rows(results, positions, positions.length, allocator);
    }
  }

  /**
   * The input evaluated per group, concatenated in group order: one value per group for an
   * aggregate, else one per row of the group (in the window's order).
   */
  private static Column perGroup(
      ExpressionEvaluator evaluator, Window window, WindowGroups.Ordering ordering, boolean aggregate) {
    BufferAllocator allocator = evaluator.allocator();
    int[] starts = ordering.starts();
    int groupCount = starts.length - 1;
    List<Column> parts = new ArrayList<>(Math.max(1, groupCount));
    try (RecordBatch ordered = reordered(evaluator, window, ordering.rows())) {
      if (groupCount == 0) {
        try (Column empty = ExpressionEvaluator.evaluate(ordered, window.input(), allocator)) {
          return empty.slice(0, 0);
        }
      }
      for (int group = 0; group < groupCount; group++) {
        int length = starts[group + 1] - starts[group];
        try (RecordBatch rows = ordered.slice(starts[group], length)) {
          Column part = ExpressionEvaluator.evaluate(rows, window.input(), allocator);
          parts.add(part);
          int expected = aggregate ? 1 : length;
          if (part.length() != expected) {
            throw new ShapeMismatchException(
                "the window expression " + window + " produced " + part.length()
                    + " rows for a group of " + length + " rows; expected " + expected
                    + (aggregate ? "" : " (one per row of the group, or use an aggregate)"));
          }
        }
      }
      return parts.size() == 1 ? parts.getFirst().share() : Concatenation.concat(allocator, parts);
    } finally {
      parts.forEach(Column::close);
    }
  }

  /** The columns the input reads, with their rows in {@code rows}' order. */
  private static RecordBatch reordered(ExpressionEvaluator evaluator, Window window, int[] rows) {
    List<Field> fields = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    try {
      for (String name : ExprTrees.columnNames(window.input())) {
        Column column = evaluator.batchColumn(name);
        fields.add(Field.of(name, column.type()));
        columns.add(Gather.rows(column, rows, rows.length, evaluator.allocator()));
      }
    } catch (RuntimeException failure) {
      columns.forEach(Column::close);
      throw failure;
    }
    return new RecordBatch(Schema.of(fields.toArray(Field[]::new)), columns, rows.length);
  }

  /**
   * The groups' results one after another: in group id order (first appearance), or with order
   * keys in order of each group's first row in that order, as Polars lays them out.
   */
  private static Column exploded(
      Column results, WindowGroups.Ordering ordering, boolean aggregate, BufferAllocator allocator) {
    int[] groupOrder = ordering.groupOrder();
    if (groupOrder == null) {
      return results.share();
    }
    if (aggregate) {
      return Gather.rows(results, groupOrder, groupOrder.length, allocator);
    }
    int[] starts = ordering.starts();
    int[] positions = new int[results.length()];
    int next = 0;
    for (int group : groupOrder) {
      for (int position = starts[group]; position < starts[group + 1]; position++) {
        positions[next++] = position;
      }
    }
    return Gather.rows(results, positions, positions.length, allocator);
  }

  /** One list per group: the group's slice of {@code values} (rows in group order). */
  private static Column lists(Column values, int[] starts, BufferAllocator allocator) {
    Buffer offsets = allocator.allocate((long) starts.length * Integer.BYTES);
    for (int index = 0; index < starts.length; index++) {
      offsets.segment().setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, index, starts[index]);
    }
    return new ListColumn(DataType.ListType.of(values.type()), 0, starts.length - 1, 0, null,
        offsets, values.share());
  }
}
