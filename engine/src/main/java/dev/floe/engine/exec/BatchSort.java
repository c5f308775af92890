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
import java.util.concurrent.ForkJoinPool;

/**
 * A stable sort of one batch by resolved keys (most significant first): the eager
 * {@code DataFrame.sort} and the engine's Sort operator both call it.
 */
public final class BatchSort {
  private BatchSort() {}

  /** The sorted columns of {@code batch} (new handles the caller closes), on the query pool. */
  public static List<Column> sort(RecordBatch batch, List<ResolvedExpr> keys, boolean[] descending,
      boolean nullsLast, BufferAllocator allocator) {
    return sort(batch, keys, descending, nullsLast, allocator, QueryPool.pool());
  }

  /**
   * The sorted columns of {@code batch}, sorting runs of rows on {@code pool}'s threads and merging
   * them ({@link Sort#argSort(List, boolean[], boolean, BufferAllocator, ForkJoinPool)}).
   */
  public static List<Column> sort(RecordBatch batch, List<ResolvedExpr> keys, boolean[] descending,
      boolean nullsLast, BufferAllocator allocator, ForkJoinPool pool) {
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
      indices = Sort.argSort(keyColumns, descending, nullsLast, allocator, pool);
    } finally {
      keyColumns.forEach(Column::close);
    }
    try (indices) {
      if (pool == null || pool.getParallelism() < 2 || batch.columnCount() < 2
          || batch.rowCount() < PARALLEL_GATHER_ROWS) {
        return BatchOperations.take(batch, indices, allocator);
      }
      return gatherInParallel(batch, indices, allocator, pool);
    }
  }

  /** Below this many rows the columns are gathered one after the other. */
  private static final int PARALLEL_GATHER_ROWS = 1 << 16;

  /**
   * Each column gathered by the sorted order as its own task on {@code pool} (the allocator is
   * thread-safe; columns and indices are only read). On failure every column made is closed.
   */
  private static List<Column> gatherInParallel(RecordBatch batch, Column indices,
      BufferAllocator allocator, ForkJoinPool pool) {
    List<java.util.concurrent.ForkJoinTask<Column>> tasks = new java.util.ArrayList<>();
    for (Column column : batch.columns()) {
      tasks.add(java.util.concurrent.ForkJoinTask.adapt(
          () -> dev.floe.kernels.Gather.take(column, indices, allocator)));
    }
    try {
      if (java.util.concurrent.ForkJoinTask.getPool() == pool) {
        java.util.concurrent.ForkJoinTask.invokeAll(tasks);
      } else {
        pool.invoke(java.util.concurrent.ForkJoinTask.adapt(
            () -> java.util.concurrent.ForkJoinTask.invokeAll(tasks)));
      }
    } catch (RuntimeException first) {
      // reported below, once every task has finished (so no column made is left open)
    }
    tasks.forEach(java.util.concurrent.ForkJoinTask::quietlyJoin);
    List<Column> gathered = new java.util.ArrayList<>(tasks.size());
    RuntimeException failure = null;
    for (java.util.concurrent.ForkJoinTask<Column> task : tasks) {
      if (task.isCompletedNormally()) {
        gathered.add(task.getRawResult());
      } else if (failure == null) {
        Throwable cause = task.getException();
        failure = cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
      }
    }
    if (failure != null) {
      gathered.forEach(Column::close);
      throw failure;
    }
    return gathered;
  }
}
