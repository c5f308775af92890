package dev.floe.engine.exec;

import dev.floe.engine.BatchOperations;
import dev.floe.engine.expr.Projection;
import dev.floe.kernels.Sort;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.ResolvedExpr;
import java.util.List;

/**
 * A stable sort of one batch by resolved keys (most significant first): the eager
 * {@code DataFrame.sort} and the engine's Sort operator both call it.
 */
public final class BatchSort {
  private BatchSort() {}

  /** The sorted columns of {@code batch} (new handles the caller closes). */
  public static List<Column> sort(RecordBatch batch, List<ResolvedExpr> keys, boolean[] descending,
      boolean nullsLast, BufferAllocator allocator) {
    if (batch.columnCount() == 1 && keys.size() == 1 && keys.getFirst().expr() instanceof ColumnRef) {
      // one column sorted by itself: sort the values, no permutation and no gather
      Column sorted = Sort.sortValues(batch.columns().getFirst(), descending[0], nullsLast, allocator);
      if (sorted != null) {
        return List.of(sorted);
      }
    }
    List<Column> keyColumns = Projection.evaluate(batch, keys, true, allocator);
    Column indices;
    try {
      indices = Sort.argSort(keyColumns, descending, nullsLast, allocator);
    } finally {
      keyColumns.forEach(Column::close);
    }
    try (indices) {
      return BatchOperations.take(batch, indices, allocator);
    }
  }
}
