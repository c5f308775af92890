package dev.floe.ffi.python;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one daemon platform thread all Python work runs on. Each task runs between {@code
 * PyGILState_Ensure} and {@code PyGILState_Release}, so the GIL is free between tasks (Python's own
 * threads run then); callers wait for their task, and a task submitted from this thread itself runs
 * at once, so nested calls cannot deadlock.
 */
final class PythonThread {
  private final CPython py;
  private final ExecutorService executor;
  private volatile Thread thread;

  PythonThread(CPython py) {
    this.py = py;
    this.executor = Executors.newSingleThreadExecutor(task -> {
      Thread created = Thread.ofPlatform().name("floe-python").daemon(true).unstarted(task);
      thread = created;
      return created;
    });
  }

  /** Whether the caller is this thread (and so, inside a task, already holds the GIL). */
  boolean isCurrent() {
    return Thread.currentThread() == thread;
  }

  /** Runs {@code work} here with the GIL held, and waits for its result. */
  <T> T run(Callable<T> work) {
    return submit(work, true);
  }

  /** Runs {@code work} here without taking the GIL (for initialization), and waits. */
  <T> T runWithoutGil(Callable<T> work) {
    return submit(work, false);
  }

  private <T> T submit(Callable<T> work, boolean holdGil) {
    if (isCurrent()) {
      return callUnchecked(work);
    }
    Future<T> future = executor.submit(() -> holdGil ? withGil(work) : work.call());
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true; // the task may create Python objects: wait for it rather than abandon it
        } catch (ExecutionException e) {
          throw rethrow(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Runs {@code work} here later, with the GIL, ignoring failures; for releasing references. */
  void runLater(Runnable work) {
    executor.execute(() -> {
      try {
        withGil(() -> {
          work.run();
          return null;
        });
      } catch (Exception ignored) {
        // best effort: nobody waits for this work
      }
    });
  }

  private <T> T withGil(Callable<T> work) throws Exception {
    int state = (int) CPython.call(py.PyGILState_Ensure);
    try {
      return work.call();
    } finally {
      CPython.invoke(py.PyGILState_Release, state);
    }
  }

  private static <T> T callUnchecked(Callable<T> work) {
    try {
      return work.call();
    } catch (Exception e) {
      throw rethrow(e);
    }
  }

  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("Python task failed", cause);
  }
}
