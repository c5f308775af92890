package dev.floe.engine.exec;

import dev.floe.errors.ComputeException;
import dev.floe.memory.BufferAllocator;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one running query shares: the allocator its batches come from, the pool its morsels run
 * on, the morsel size, and a cancellation flag that another thread may set ({@link #cancel()});
 * operators check it between morsels and the query then fails with a {@link ComputeException}.
 */
public final class QueryContext {
  private final BufferAllocator allocator;
  private final ForkJoinPool pool;
  private final int morselRows;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public QueryContext(BufferAllocator allocator, ForkJoinPool pool, int morselRows) {
    if (morselRows <= 0) {
      throw new IllegalArgumentException("morsel rows must be positive, got " + morselRows);
    }
    this.allocator = allocator;
    this.pool = pool;
    this.morselRows = morselRows;
  }

  /** The current allocator, the query pool and morsels of 65,536 rows. */
  public static QueryContext defaults() {
    return new QueryContext(BufferAllocator.current(), QueryPool.pool(), Morsels.DEFAULT_ROWS);
  }

  public BufferAllocator allocator() {
    return allocator;
  }

  public ForkJoinPool pool() {
    return pool;
  }

  public int morselRows() {
    return morselRows;
  }

  /** Asks the query to stop; safe from any thread. */
  public void cancel() {
    cancelled.set(true);
  }

  public boolean isCancelled() {
    return cancelled.get();
  }

  /** Throws when the query was cancelled. */
  void checkCancelled() {
    if (cancelled.get()) {
      throw new ComputeException("the query was cancelled");
    }
  }
}
