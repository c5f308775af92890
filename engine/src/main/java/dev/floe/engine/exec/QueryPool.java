package dev.floe.engine.exec;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dedicated work-stealing pool queries run on (threads named {@code floe-query-N}, daemons),
 * apart from the JVM's common pool and the I/O pool. Its size is {@code -Dfloe.threads}, else the
 * environment variable {@code FLOE_MAX_THREADS} (Polars' {@code POLARS_MAX_THREADS}), else the
 * available processors.
 */
public final class QueryPool {
  private static final ForkJoinPool POOL = create(threads());

  private QueryPool() {}

  public static ForkJoinPool pool() {
    return POOL;
  }

  private static final java.util.Map<Integer, ForkJoinPool> SIZED = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A pool of exactly {@code threads} workers ({@code collect} with a thread count): the default
   * pool when the sizes agree, else one made on first use and kept for later queries of that size.
   */
  public static ForkJoinPool pool(int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("a query needs at least one thread, got " + threads);
    }
    if (threads == POOL.getParallelism()) {
      return POOL;
    }
    return SIZED.computeIfAbsent(threads, QueryPool::create);
  }

  public static int parallelism() {
    return POOL.getParallelism();
  }

  static int threads() {
    String configured = System.getProperty("floe.threads");
    if (configured == null) {
      configured = System.getenv("FLOE_MAX_THREADS");
    }
    if (configured != null) {
      try {
        int threads = Integer.parseInt(configured.trim());
        if (threads > 0) {
          return threads;
        }
      } catch (NumberFormatException ignored) {
        // falls through to the processor count; Floe.config() reports the value in effect
      }
    }
    return Runtime.getRuntime().availableProcessors();
  }

  private static ForkJoinPool create(int threads) {
    AtomicInteger counter = new AtomicInteger();
    ForkJoinPool.ForkJoinWorkerThreadFactory factory = pool -> {
      ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
      thread.setName("floe-query-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    return new ForkJoinPool(threads, factory, null, false);
  }
}
