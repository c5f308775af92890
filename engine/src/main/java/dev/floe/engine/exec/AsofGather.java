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

/**
 * The output of an as-of join, one morsel of left rows per task on the query pool: an as-of join
 * keeps every left row in place, so the left columns are zero-copy slices of the left input, and
 * only the right columns are gathered, by each left row's match (-1: nulls).
 */
final class AsofGather {
  private AsofGather() {}

  /** The output batches in row order; the caller closes them. */
  static List<RecordBatch> gather(JoinLayout layout, RecordBatch left, RecordBatch right, int[] matches,
      BufferAllocator allocator, QueryContext context) {
    int count = left.rowCount();
    Schema schema = layout.schema();
    return JoinGather.inMorsels(count, context,
        (from, to) -> batch(layout, schema, left, right, matches, from, to, allocator));
  }

  private static RecordBatch batch(JoinLayout layout, Schema schema, RecordBatch left, RecordBatch right,
      int[] matches, int from, int to, BufferAllocator allocator) {
    int[] rows = Arrays.copyOfRange(matches, from, to);
    List<Column> columns = new ArrayList<>(layout.columns().size());
    try {
      for (JoinLayout.Column column : layout.columns()) {
        columns.add(column.side() == JoinLayout.Side.LEFT ? left.column(column.index()).slice(from, to - from)
            : Gather.rows(right.column(column.index()), rows, rows.length, allocator));
      }
    } catch (RuntimeException failure) {
      columns.forEach(Column::close);
      throw failure;
    }
    return new RecordBatch(schema, columns, to - from);
  }
}
