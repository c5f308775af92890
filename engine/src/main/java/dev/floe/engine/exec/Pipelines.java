package dev.floe.engine.exec;

import dev.floe.errors.ComputeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Runs morsels through a chain of streaming operators, one task per morsel on the query's
 * work-stealing pool, and returns the outputs in morsel order (so every streaming operator keeps
 * the input's row order, as Polars does). A failing morsel stops the others at their next morsel
 * boundary; every batch made is closed and the failure of the first failing morsel (in order) is
 * thrown.
 */
final class Pipelines {
  private Pipelines() {}

  /**
   * Takes ownership of {@code morsels}; the caller owns the returned batches. Operator {@code i}
   * allocates from {@code allocators.get(i)}.
   */
  static List<RecordBatch> run(List<RecordBatch> morsels, List<MorselOperator> operators,
      List<BufferAllocator> allocators, QueryContext context) {
    if (operators.isEmpty()) {
      return morsels;
    }
    int count = morsels.size();
    RecordBatch[] outputs = new RecordBatch[count];
    RuntimeException[] failures = new RuntimeException[count];
    boolean[] started = new boolean[count];
    List<Callable<Void>> tasks = new ArrayList<>(count);
    for (int index = 0; index < count; index++) {
      int morsel = index;
      tasks.add(() -> {
        started[morsel] = true;
        RecordBatch batch = morsels.get(morsel);
        try {
          if (context.isCancelled()) {
            return null; // another morsel failed or the user cancelled: stop here
          }
          for (int step = 0; step < operators.size(); step++) {
            RecordBatch input = batch;
            batch = null; // the operator owns it now, even if it fails
            batch = operators.get(step).apply(input, allocators.get(step));
          }
          outputs[morsel] = batch;
          batch = null;
        } catch (RuntimeException failure) {
          failures[morsel] = failure;
          context.cancel();
        } finally {
          if (batch != null) {
            batch.close();
          }
        }
        return null;
      });
    }
    try {
      if (count == 1) {
        runInline(tasks.getFirst());
      } else {
        invokeAll(tasks, context);
      }
    } catch (RuntimeException interrupted) {
      closeAll(outputs, morsels, started);
      throw interrupted;
    }
    for (RuntimeException failure : failures) {
      if (failure != null) {
        closeAll(outputs, morsels, started);
        throw failure;
      }
    }
    if (context.isCancelled()) {
      closeAll(outputs, morsels, started);
      throw new ComputeException("the query was cancelled");
    }
    return Arrays.asList(outputs);
  }

  /** Closes every output and every morsel no task took. */
  private static void closeAll(RecordBatch[] outputs, List<RecordBatch> morsels, boolean[] started) {
    for (int index = 0; index < outputs.length; index++) {
      if (outputs[index] != null) {
        outputs[index].close();
      }
      if (!started[index]) {
        morsels.get(index).close();
      }
    }
  }

  private static void runInline(Callable<Void> task) {
    try {
      task.call();
    } catch (Exception unexpected) {
      throw new ComputeException("a morsel task failed: " + unexpected.getMessage(), unexpected);
    }
  }

  private static void invokeAll(List<Callable<Void>> tasks, QueryContext context) {
    try {
      for (Future<Void> future : context.pool().invokeAll(tasks)) {
        future.get();
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      context.cancel();
      throw new ComputeException("interrupted while the query ran", interrupted);
    } catch (ExecutionException unexpected) {
      throw new ComputeException("a morsel task failed: " + unexpected.getCause(), unexpected.getCause());
    }
  }
}
