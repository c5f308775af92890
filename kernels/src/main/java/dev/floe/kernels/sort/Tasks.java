package dev.floe.kernels.sort;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/** Runs independent pieces of work on a fork-join pool and waits for all of them. */
final class Tasks {
  private Tasks() {}

  /**
   * Runs every task, in parallel on {@code pool} when there are several, and returns when all are
   * done; the first failure is rethrown. From a worker of {@code pool} the tasks are forked (the
   * caller helps run them), from any other thread the whole batch is submitted and awaited.
   */
  static void runAll(ForkJoinPool pool, List<Runnable> tasks) {
    if (tasks.size() == 1) {
      tasks.getFirst().run();
      return;
    }
    List<ForkJoinTask<?>> adapted = tasks.stream().<ForkJoinTask<?>>map(ForkJoinTask::adapt).toList();
    if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
      ForkJoinTask.invokeAll(adapted);
      return;
    }
    pool.invoke(new RecursiveAction() {
      @Override
      protected void compute() {
        invokeAll(adapted);
      }
    });
  }
}
