package dev.floe.io;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fork-join pool readers and writers parse and encode on: one daemon worker per core (or
 * {@code -Dfloe.io.threads}), named {@code floe-io-N}. Tasks must not block on other tasks of this
 * pool except through fork/join.
 */
public final class IoPool {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ForkJoinPool POOL = new ForkJoinPool(
      Integer.getInteger("floe.io.threads", Math.max(1, Runtime.getRuntime().availableProcessors())),
      pool -> {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("floe-io-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      },
      null,
      false);

  private IoPool() {}

  public static ForkJoinPool pool() {
    return POOL;
  }

  public static int parallelism() {
    return POOL.getParallelism();
  }
}
