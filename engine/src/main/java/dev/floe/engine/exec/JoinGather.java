package dev.floe.engine.exec;

import dev.floe.kernels.Gather;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import dev.floe.planner.plan.JoinLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The last step of a join: its output columns gathered by row index (-1: a null-padded row), one
 * morsel of output rows per task on the query pool, so that the output comes as morsels in order.
 * Each input column is gathered by its side's rows; a coalesced full-join key from the
 * concatenated key column (the left row's key where there is one, else the right row's).
 */
final class JoinGather {
  private JoinGather() {}

  /** The output rows ({@code rightRows} null for semi and anti joins); the caller closes the batches. */
  static List<RecordBatch> gather(JoinLayout layout, RecordBatch left, RecordBatch right, int[] leftRows,
      int[] rightRows, HashJoin.JoinKeys keys, BufferAllocator allocator, QueryContext context) {
    int count = leftRows != null ? leftRows.length : rightRows.length;
    boolean coalesced = layout.columns().stream().anyMatch(column -> column.side() == JoinLayout.Side.KEY);
    int[] keyRows = coalesced ? coalesced(leftRows, rightRows, keys) : null;
    Schema schema = layout.schema();
    return inMorsels(count, context, (from, to) -> batch(layout, schema, left, right, range(leftRows, from, to),
        range(rightRows, from, to), range(keyRows, from, to), keys, to - from, allocator));
  }

  /** Makes the output batch of output rows {@code [from, to)}. */
  interface RangeBatch {
    RecordBatch make(int from, int to);
  }

  /**
   * {@code count} output rows as batches of a morsel each, made by parallel tasks on the query pool
   * and returned in row order (one empty batch for no rows); on a failure the batches already made
   * are closed. The caller closes the batches.
   */
  static List<RecordBatch> inMorsels(int count, QueryContext context, RangeBatch maker) {
    int step = Math.max(1, context.morselRows());
    int parts = Math.max(1, (count + step - 1) / step);
    RecordBatch[] out = new RecordBatch[parts];
    List<Callable<Void>> tasks = new ArrayList<>(parts);
    for (int part = 0; part < parts; part++) {
      int index = part;
      int from = (int) Math.min(count, (long) part * step);
      int to = (int) Math.min(count, (long) from + step);
      tasks.add(() -> {
        out[index] = maker.make(from, to);
        return null;
      });
    }
    try {
      JoinProbe.run(tasks, context);
    } catch (RuntimeException failure) {
      for (RecordBatch batch : out) {
        if (batch != null) {
          batch.close();
        }
      }
      throw failure;
    }
    return Arrays.asList(out);
  }

  static int[] range(int[] rows, int from, int to) {
    return rows == null ? null : from == 0 && to == rows.length ? rows : Arrays.copyOfRange(rows, from, to);
  }

  static RecordBatch batch(JoinLayout layout, Schema schema, RecordBatch left, RecordBatch right, int[] leftRows,
      int[] rightRows, int[] keyRows, HashJoin.JoinKeys keys, int count, BufferAllocator allocator) {
    List<Column> columns = new ArrayList<>(layout.columns().size());
    try {
      for (JoinLayout.Column column : layout.columns()) {
        columns.add(switch (column.side()) {
          case LEFT -> Gather.rows(left.column(column.index()), leftRows, count, allocator);
          case RIGHT -> Gather.rows(right.column(column.index()), rightRows, count, allocator);
          case KEY -> Gather.rows(keys.columns().get(column.index()), keyRows, count, allocator);
        });
      }
    } catch (RuntimeException failure) {
      columns.forEach(Column::close);
      throw failure;
    }
    return new RecordBatch(schema, columns, count);
  }

  /** Rows of the concatenated keys: the left row's where there is one, else the right row's. */
  private static int[] coalesced(int[] leftRows, int[] rightRows, HashJoin.JoinKeys keys) {
    int[] rows = new int[leftRows.length];
    for (int index = 0; index < rows.length; index++) {
      rows[index] = leftRows[index] >= 0 ? keys.leftAt(leftRows[index]) : keys.rightAt(rightRows[index]);
    }
    return rows;
  }
}
