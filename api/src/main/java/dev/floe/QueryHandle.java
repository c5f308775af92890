package dev.floe;

import dev.floe.engine.exec.QueryContext;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A query running in the background ({@link LazyFrame#collectAsync()}), as Polars'
 * {@code collect(background=True)}: {@link #cancel()} from any thread stops it at its next morsel
 * or operator, and {@link #get()} waits for the frame. A result that arrives after a cancel is
 * closed, so a cancelled query leaks nothing.
 */
public final class QueryHandle {
  private final QueryContext context;
  private final CompletableFuture<DataFrame> result;

  QueryHandle(QueryContext context, CompletableFuture<DataFrame> result) {
    this.context = context;
    this.result = result;
  }

  /** Asks the query to stop; returns false when it had already finished. Safe from any thread. */
  public boolean cancel() {
    if (result.isDone()) {
      return false;
    }
    context.cancel();
    return true;
  }

  public boolean isDone() {
    return result.isDone();
  }

  public boolean isCancelled() {
    return context.isCancelled();
  }

  /**
   * The result frame (the caller closes it).
   *
   * @throws CancellationException when the query was cancelled
   * @throws dev.floe.errors.FloeException the query's own failure, as {@code collect()} throws it
   */
  public DataFrame get() throws InterruptedException {
    try {
      return result.get();
    } catch (ExecutionException failure) {
      throw unwrap(failure);
    }
  }

  /** {@link #get()} with a time limit; a {@link TimeoutException} leaves the query running. */
  public DataFrame get(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
    try {
      return result.get(timeout, unit);
    } catch (ExecutionException failure) {
      throw unwrap(failure);
    }
  }

  private RuntimeException unwrap(ExecutionException failure) {
    if (context.isCancelled()) {
      CancellationException cancelled = new CancellationException("the query was cancelled");
      cancelled.initCause(failure.getCause());
      return cancelled;
    }
    return failure.getCause() instanceof RuntimeException runtime ? runtime
        : new dev.floe.errors.ComputeException("the query failed: " + failure.getCause(), failure.getCause());
  }
}
