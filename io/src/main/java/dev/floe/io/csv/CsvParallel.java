package dev.floe.io.csv;

import dev.floe.memory.column.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs the chunk parsers on the shared I/O pool ({@link dev.floe.io.IoPool}). All tasks finish
 * before it returns: on a failure the other chunks' columns are closed and the failure of the earliest failing chunk is rethrown, so the error names
 * the first bad line of the file.
 */
final class CsvParallel {
  private static final ForkJoinPool POOL = dev.floe.io.IoPool.pool();

  private CsvParallel() {}

  static List<Column[]> parseAll(int count, IntFunction<Column[]> task) {
    List<Future<Column[]>> futures = new ArrayList<>(count);
    for (int index = 0; index < count; index++) {
      int chunk = index;
      futures.add(POOL.submit(() -> task.apply(chunk)));
    }
    List<Column[]> results = new ArrayList<>(count);
    RuntimeException failure = null;
    boolean interrupted = false;
    for (Future<Column[]> future : futures) {
      while (true) {
        try {
          Column[] result = future.get();
          if (failure == null) {
            results.add(result);
          } else {
            close(result);
          }
          break;
        } catch (InterruptedException interruption) {
          interrupted = true;
        } catch (ExecutionException execution) {
          if (failure == null) {
            failure = execution.getCause() instanceof RuntimeException runtime ? runtime
                : new IllegalStateException(execution.getCause());
            results.forEach(CsvParallel::close);
            results.clear();
          }
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
    return results;
  }

  private static void close(Column[] columns) {
    for (Column column : columns) {
      column.close();
    }
  }
}
