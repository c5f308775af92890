package dev.floe.engine.exec;

import dev.floe.engine.exec.AggregateLeaves.Leaf;
import dev.floe.engine.expr.ExpressionEvaluator;
import dev.floe.engine.expr.Projection;
import dev.floe.errors.FloeException;
import dev.floe.kernels.GroupedCorrelations;
import dev.floe.kernels.hashing.GroupIds;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.column.Concatenation;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.ListColumn;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.Correlation;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.optimizer.RowWise;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The general group-by path, for any reduction (median, quantile, nUnique, std, var, reductions of
 * non-row-wise inputs such as {@code col("x").sort().first()}) and for implode: all rows are
 * grouped at once ({@link GroupIds}), a stable counting sort puts each group's rows next to each
 * other in input order, and each leaf is evaluated over each group's slice of the sorted rows (an
 * implode is the sorted column itself with the group offsets as list offsets). Three kinds of leaf
 * skip that and work from the group ids over the rows as they are: a correlation (one pass of
 * co-moment updates, {@link GroupedCorrelations}), a head of a sortBy (a top-n per group,
 * {@link GroupedHeads}) and an nUnique of integers or dates ({@link GroupedDistinctCounts}); when
 * every leaf is one of them, the rows are never put in group order.
 * Groups come out in order of first appearance.
 */
final class GeneralGroupBy {
  private GeneralGroupBy() {}

  /** The aggregate of {@code batches} (its input's rows); takes ownership of them. */
  static RecordBatch run(AggregateLeaves leaves, List<RecordBatch> batches, BufferAllocator allocator,
      String text, QueryContext context) {
    Schema inputSchema = leaves.aggregate().input().schema();
    try (RecordBatch all = Batches.concat(batches, inputSchema, allocator)) {
      return aggregate(leaves, all, allocator, context);
    } catch (FloeException failure) {
      throw OperatorErrors.wrap(failure, "while evaluating " + text + " in GroupBy");
    }
  }

  private static RecordBatch aggregate(AggregateLeaves leaves, RecordBatch all, BufferAllocator allocator,
      QueryContext context) {
    List<Column> keyColumns = Projection.evaluate(all, leaves.keys(), true, allocator);
    List<Column> keys = new ArrayList<>();
    List<Column> leafColumns = new ArrayList<>();
    try {
      int rows = all.rowCount();
      int count = 0;
      int[] ids = new int[0];
      if (rows > 0) {
        GroupIds groups = ParallelGrouping.groupIds(keyColumns, allocator, context);
        count = groups.groupCount();
        ids = groups.ids();
        for (Column key : keyColumns) {
          keys.add(GroupedReducers.gather(key, groups.firstRows(), allocator));
        }
      } else {
        for (Column key : keyColumns) {
          keys.add(key.slice(0, 0));
        }
      }
      Column[] direct = new Column[leaves.leaves().size()]; // leaves computed without the group-order rows
      List<Leaf> general = new ArrayList<>();
      try {
        for (int index = 0; index < direct.length; index++) {
          Leaf leaf = leaves.leaves().get(index);
          if (rows > 0 && GroupedHeads.handles(leaf)) {
            direct[index] = GroupedHeads.evaluate(leaf, all, ids, count, allocator);
          } else if (rows > 0 && GroupedDistinctCounts.handles(leaf)) {
            direct[index] = GroupedDistinctCounts.evaluate(leaf, all, ids, count, allocator);
          } else if (rows > 0 && leaf.expr() instanceof Correlation corr && RowWise.isRowWise(corr.a())
              && RowWise.isRowWise(corr.b())) {
            direct[index] = correlations(corr, all, ids, count, allocator, context);
          }
          if (direct[index] == null) {
            general.add(leaf);
          }
        }
        int[] offsets = new int[count + 1];
        int[] order = general.isEmpty() ? new int[0] : groupOrder(ids, count, offsets);
        try (RecordBatch sorted = sortedRows(all, general, order, allocator, context)) {
          for (int index = 0; index < direct.length; index++) {
            Leaf leaf = leaves.leaves().get(index);
            leafColumns.add(direct[index] != null ? direct[index]
                : leaf.implode() ? implode(leaf, sorted, offsets, count, allocator)
                : perGroup(leaf, sorted, offsets, count, allocator, context));
            direct[index] = null; // owned by leafColumns now
          }
        }
      } finally {
        for (Column column : direct) {
          if (column != null) {
            column.close();
          }
        }
      }
      return finish(leaves, keys, leafColumns, count, allocator);
    } catch (RuntimeException failure) {
      keys.forEach(Column::close);
      leafColumns.forEach(Column::close);
      throw failure;
    } finally {
      keyColumns.forEach(Column::close);
    }
  }

  /**
   * The rows in group order (a stable counting sort: a group's rows keep their input order); fills
   * {@code offsets} with where each group's rows start.
   */
  private static int[] groupOrder(int[] ids, int count, int[] offsets) {
    for (int id : ids) {
      offsets[id + 1]++;
    }
    for (int group = 0; group < count; group++) {
      offsets[group + 1] += offsets[group];
    }
    int[] order = new int[ids.length];
    int[] next = Arrays.copyOf(offsets, count);
    for (int row = 0; row < ids.length; row++) {
      order[next[ids[row]]++] = row;
    }
    return order;
  }

  /** The input columns the leaves read, their rows in {@code order}. */
  private static RecordBatch sortedRows(RecordBatch all, List<Leaf> leaves, int[] order,
      BufferAllocator allocator, QueryContext context) {
    Set<String> read = new HashSet<>();
    for (Leaf leaf : leaves) {
      read.addAll(ExprTrees.columnNames(leaf.expr()));
    }
    List<Field> fields = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    try {
      for (int index = 0; index < all.columnCount(); index++) {
        Field field = all.schema().field(index);
        if (read.contains(field.name())) {
          fields.add(field);
          columns.add(ParallelGrouping.gather(all.column(index), order, allocator, context));
        }
      }
    } catch (RuntimeException failure) {
      columns.forEach(Column::close);
      throw failure;
    }
    return new RecordBatch(new Schema(fields), columns, order.length);
  }

  /**
   * The leaf's reduction over each group's rows, one row per group. Many groups are split into
   * ranges evaluated as parallel tasks on the query's pool.
   */
  private static Column perGroup(Leaf leaf, RecordBatch sorted, int[] offsets, int count,
      BufferAllocator allocator, QueryContext context) {
    if (count == 0) {
      try (ColumnBuilder builder = ColumnBuilders.forType(leaf.type(), allocator)) {
        return builder.build();
      }
    }
    int parallelism = context.pool().getParallelism();
    int chunks = parallelism < 2 || count < 512 ? 1 : Math.min(parallelism * 4, count / 128);
    if (chunks == 1) {
      return range(leaf, sorted, offsets, 0, count, allocator);
    }
    Column[] results = new Column[chunks];
    List<Callable<Void>> tasks = new ArrayList<>(chunks);
    for (int chunk = 0; chunk < chunks; chunk++) {
      int index = chunk;
      int from = (int) ((long) count * chunk / chunks);
      int to = (int) ((long) count * (chunk + 1) / chunks);
      tasks.add(() -> {
        results[index] = range(leaf, sorted, offsets, from, to, allocator);
        return null;
      });
    }
    try {
      PartitionedMerge.invokeAll(tasks, context);
      return Concatenation.concat(allocator, Arrays.asList(results));
    } finally {
      for (Column result : results) {
        if (result != null) {
          result.close();
        }
      }
    }
  }

  /**
   * A correlation of row-wise inputs per group: both inputs evaluated once over all rows, then one
   * pass of co-moment updates by group id ({@link GroupedCorrelations}), in row ranges on the pool
   * when the groups are few enough that a state per range is small, merged at the end.
   */
  private static Column correlations(Correlation corr, RecordBatch all, int[] ids, int count,
      BufferAllocator allocator, QueryContext context) {
    try (Column x = ExpressionEvaluator.evaluate(all, corr.a(), allocator);
        Column y = ExpressionEvaluator.evaluate(all, corr.b(), allocator);
        FixedWidthBuilder builder = new FixedWidthBuilder(DataType.FLOAT64, allocator, count)) {
      int rows = ids.length;
      int threads = context.pool().getParallelism();
      int ranges = threads < 2 || rows < ParallelGrouping.MIN_ROWS || (long) count * 16 > rows ? 1 : threads * 2;
      GroupedCorrelations[] states = new GroupedCorrelations[ranges];
      List<Callable<Void>> tasks = new ArrayList<>(ranges);
      for (int range = 0; range < ranges; range++) {
        int index = range;
        int from = (int) ((long) rows * range / ranges);
        int to = (int) ((long) rows * (range + 1) / ranges);
        tasks.add(() -> {
          states[index] = new GroupedCorrelations(count);
          states[index].update(x, y, ids, from, to);
          return null;
        });
      }
      PartitionedMerge.invokeAll(tasks, context);
      for (int range = 1; range < ranges; range++) {
        states[0].merge(states[range]);
      }
      for (double value : states[0].finish()) {
        builder.appendDouble(value);
      }
      return builder.build();
    }
  }

  /** The leaf over groups {@code [from, to)}, one row each. */
  private static Column range(Leaf leaf, RecordBatch sorted, int[] offsets, int from, int to,
      BufferAllocator allocator) {
    List<Column> parts = new ArrayList<>(to - from);
    try {
      for (int group = from; group < to; group++) {
        try (RecordBatch rows = sorted.slice(offsets[group], offsets[group + 1] - offsets[group])) {
          parts.add(ExpressionEvaluator.evaluate(rows, leaf.expr(), allocator));
        }
      }
      return Concatenation.concat(allocator, parts);
    } finally {
      parts.forEach(Column::close);
    }
  }

  /**
   * The group's values as a list: for a bare column, the sorted column cut by the group offsets;
   * for another expression, its values over each group's rows, one after the other.
   */
  private static Column implode(Leaf leaf, RecordBatch sorted, int[] offsets, int count,
      BufferAllocator allocator) {
    if (!(leaf.expr() instanceof ColumnRef column)) {
      return implodeEach(leaf, sorted, offsets, count, allocator);
    }
    Column values = sorted.column(column.columnName());
    return list(leaf.type(), values.slice(0, values.length()), offsets, count, allocator);
  }

  private static Column implodeEach(Leaf leaf, RecordBatch sorted, int[] offsets, int count,
      BufferAllocator allocator) {
    List<Column> parts = new ArrayList<>(count);
    int[] listOffsets = new int[count + 1];
    try {
      for (int group = 0; group < count; group++) {
        try (RecordBatch rows = sorted.slice(offsets[group], offsets[group + 1] - offsets[group])) {
          Column part = ExpressionEvaluator.evaluate(rows, leaf.expr(), allocator);
          parts.add(part);
          listOffsets[group + 1] = listOffsets[group] + part.length();
        }
      }
      DataType valueType = ((DataType.ListType) leaf.type()).valueType();
      Column values;
      if (parts.isEmpty()) {
        try (ColumnBuilder builder = ColumnBuilders.forType(valueType, allocator)) {
          values = builder.build();
        }
      } else {
        values = Concatenation.concat(allocator, parts);
      }
      return list(leaf.type(), values, listOffsets, count, allocator);
    } finally {
      parts.forEach(Column::close);
    }
  }

  /** A list column of {@code count} lists over {@code values} (owned) cut at {@code offsets}. */
  static Column list(DataType type, Column values, int[] offsets, int count, BufferAllocator allocator) {
    Buffer offsetBuffer = allocator.allocate(4L * (count + 1));
    for (int index = 0; index <= count; index++) {
      offsetBuffer.segment().setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, index, offsets[index]);
    }
    return new ListColumn(type, 0, count, 0, null, offsetBuffer, values);
  }

  /**
   * The output batch: {@code keys}, then the agg expressions evaluated over the leaves' columns.
   * Takes ownership of {@code keys} and {@code leafColumns}.
   */
  static RecordBatch finish(AggregateLeaves leaves, List<Column> keys, List<Column> leafColumns, int count,
      BufferAllocator allocator) {
    List<Column> out = new ArrayList<>(keys);
    try (RecordBatch leafBatch = new RecordBatch(leaves.leafSchema(), leafColumns, count)) {
      out.addAll(Projection.evaluate(leafBatch, leaves.finals(), true, allocator));
      return new RecordBatch(leaves.output(), out, count);
    } catch (RuntimeException failure) {
      out.forEach(Column::close);
      throw failure; // the callers put the operator in front
    }
  }
}
