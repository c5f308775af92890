package dev.floe.engine.exec;

import dev.floe.errors.ComputeException;
import dev.floe.memory.BufferAllocator;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one running query shares: the allocator its result is accounted to, its memory limit, the pool its morsels run
 * on, the morsel size, and a cancellation flag that another thread may set ({@link #cancel()});
 * operators check it between morsels and the query then fails with a {@link ComputeException}.
 */
public final class QueryContext {
  private final BufferAllocator allocator;
  private final ForkJoinPool pool;
  private final int morselRows;
  private final long memoryLimit;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public QueryContext(BufferAllocator allocator, ForkJoinPool pool, int morselRows) {
    this(allocator, pool, morselRows, Long.MAX_VALUE);
  }

  /**
   * A context whose query may hold at most {@code memoryLimit} bytes at once (besides the caller's
   * allocator's own limits); its result is accounted to {@code allocator}.
   */
  public QueryContext(BufferAllocator allocator, ForkJoinPool pool, int morselRows, long memoryLimit) {
    if (morselRows <= 0) {
      throw new IllegalArgumentException("morsel rows must be positive, got " + morselRows);
    }
    if (memoryLimit <= 0) {
      throw new IllegalArgumentException("the memory limit must be positive, got " + memoryLimit);
    }
    this.allocator = allocator;
    this.pool = pool;
    this.morselRows = morselRows;
    this.memoryLimit = memoryLimit;
  }

  /** The current allocator, the query pool, morsels of 65,536 rows and no memory limit of its own. */
  public static QueryContext defaults() {
    return new QueryContext(BufferAllocator.current(), QueryPool.pool(), Morsels.DEFAULT_ROWS);
  }

  /** The most bytes the query may hold at once ({@code Long.MAX_VALUE}: no limit of its own). */
  public long memoryLimit() {
    return memoryLimit;
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
