package dev.floe.engine.exec;

import dev.floe.errors.ComputeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.kernels.hashing.JoinTable;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The parallel phases of a hash join: hashing the keys of both sides, and probing. The probe rows
 * are cut into morsels ({@link QueryContext#morselRows}) that look up their keys in the (read-only)
 * {@link JoinTable} as tasks on the query pool, each writing its own pairs; the pairs are then put
 * together in morsel order, so they come out in probe order and, within a probe row, in build order.
 */
final class JoinProbe {
  /** A growable list of (probe row, build row) pairs. */
  static final class Pairs {
    int[] probe = new int[64];
    int[] build = new int[64];
    int size;

    void add(int probeRow, int buildRow) {
      if (size == probe.length) {
        int grown = (int) Math.min(Integer.MAX_VALUE - 8, (long) size * 2);
        if (grown == size) {
          throw new InvalidOperationException("a join morsel produced more than " + size + " pairs");
        }
        probe = Arrays.copyOf(probe, grown);
        build = Arrays.copyOf(build, grown);
      }
      probe[size] = probeRow;
      build[size] = buildRow;
      size++;
    }
  }

  private JoinProbe() {}

  /**
   * The matches of probe rows {@code [from, to)} of the table's key columns, as (probe row, build
   * row) pairs with row numbers of the concatenated keys, in probe order.
   */
  static Pairs matches(JoinTable table, int from, int to, QueryContext context) {
    List<Pairs> parts = new ArrayList<>();
    List<Callable<Void>> tasks = new ArrayList<>();
    int step = Math.max(1, context.morselRows());
    for (int start = from; start < to; start += step) {
      int first = start;
      int last = Math.min(to, start + step);
      Pairs part = new Pairs();
      parts.add(part);
      tasks.add(() -> {
        for (int row = first; row < last; row++) {
          int group = table.group(row);
          if (group >= 0) {
            for (int position = table.start(group); position < table.end(group); position++) {
              part.add(row, table.row(position));
            }
          }
        }
        return null;
      });
    }
    run(tasks, context);
    long total = 0;
    for (Pairs part : parts) {
      total += part.size;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new InvalidOperationException("the join produces " + total + " rows, more than one batch holds ("
          + (Integer.MAX_VALUE - 8) + "); filter the inputs or join on more selective keys");
    }
    Pairs all = new Pairs();
    all.probe = new int[(int) total];
    all.build = new int[(int) total];
    for (Pairs part : parts) {
      System.arraycopy(part.probe, 0, all.probe, all.size, part.size);
      System.arraycopy(part.build, 0, all.build, all.size, part.size);
      all.size += part.size;
    }
    return all;
  }

  /** Which of probe rows {@code [from, to)} have a match (index {@code row - from}); for semi and anti joins. */
  static boolean[] matched(JoinTable table, int from, int to, QueryContext context) {
    boolean[] found = new boolean[to - from];
    List<Callable<Void>> tasks = new ArrayList<>();
    int step = Math.max(1, context.morselRows());
    for (int start = from; start < to; start += step) {
      int first = start;
      int last = Math.min(to, start + step);
      tasks.add(() -> {
        for (int row = first; row < last; row++) {
          found[row - from] = table.group(row) >= 0;
        }
        return null;
      });
    }
    run(tasks, context);
    return found;
  }

  /**
   * The row hashes of {@code keys} ({@link JoinTable#hashes}), a morsel of rows per task: every
   * row of both sides is hashed once, in parallel; the hash of a slice is the hash of those rows.
   */
  static long[] hashes(List<Column> keys, BufferAllocator allocator, QueryContext context) {
    int rows = keys.getFirst().length();
    long[] all = new long[rows];
    List<Callable<Void>> tasks = new ArrayList<>();
    int step = Math.max(1, context.morselRows());
    for (int start = 0; start < rows; start += step) {
      int from = start;
      int length = Math.min(step, rows - start);
      tasks.add(() -> {
        List<Column> slices = new ArrayList<>(keys.size());
        try {
          for (Column key : keys) {
            slices.add(key.slice(from, length));
          }
          System.arraycopy(JoinTable.hashes(slices, allocator), 0, all, from, length);
        } finally {
          slices.forEach(Column::close);
        }
        return null;
      });
    }
    run(tasks, context);
    return all;
  }

  /** {@link #run} for tasks without a result (the phases of a partitioned build). */
  static void runAll(List<Runnable> tasks, QueryContext context) {
    List<Callable<Void>> callables = new ArrayList<>(tasks.size());
    for (Runnable task : tasks) {
      callables.add(() -> {
        task.run();
        return null;
      });
    }
    run(callables, context);
  }

  /** Runs the tasks on the query pool (inline when there is one); the first failure is thrown. */
  static void run(List<Callable<Void>> tasks, QueryContext context) {
    if (context.isCancelled()) {
      throw new ComputeException("the query was cancelled");
    }
    try {
      if (tasks.size() == 1) {
        tasks.getFirst().call();
        return;
      }
      for (Future<Void> future : context.pool().invokeAll(tasks)) {
        future.get();
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      context.cancel();
      throw new ComputeException("interrupted while the query ran", interrupted);
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new ComputeException("a join probe task failed: " + failed.getCause(), failed.getCause());
    } catch (RuntimeException failure) {
      throw failure;
    } catch (Exception unexpected) {
      throw new ComputeException("a join probe task failed: " + unexpected, unexpected);
    }
  }
}
