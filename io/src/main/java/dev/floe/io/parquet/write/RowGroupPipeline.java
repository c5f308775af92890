package dev.floe.io.parquet.write;

import dev.floe.io.IoPool;
import dev.floe.io.ProgressReporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.parquet.hadoop.ParquetFileWriter;

/**
 * Encodes row groups in parallel on {@link IoPool} and appends them to the file in row order: at
 * most {@code parallelism + 1} encoded row groups wait in memory, so memory stays bounded while
 * every core encodes (parquet-mr's column writers are single-threaded, so row groups are the unit of
 * parallelism). With one thread, or one row group, it encodes and writes in line.
 */
final class RowGroupPipeline {
  private final ParquetFileWriter file;
  private final Supplier<RowGroupWriter> writers;
  private final ProgressReporter progress;

  RowGroupPipeline(ParquetFileWriter file, Supplier<RowGroupWriter> writers, ProgressReporter progress) {
    this.file = file;
    this.writers = writers;
    this.progress = progress;
  }

  void run(long rows, int rowGroupSize) throws IOException {
    long groups = (rows + rowGroupSize - 1) / rowGroupSize;
    if (groups <= 1 || IoPool.parallelism() <= 1) {
      RowGroupWriter writer = writers.get();
      for (long start = 0; start < rows; start += rowGroupSize) {
        long count = Math.min(rowGroupSize, rows - start);
        try (RowGroupWriter.Encoded group = writer.encode(start, count)) {
          append(group, count);
        }
      }
      return;
    }
    int window = IoPool.parallelism() + 1;
    Deque<Future<RowGroupWriter.Encoded>> pending = new ArrayDeque<>();
    Deque<Long> counts = new ArrayDeque<>();
    long next = 0;
    try {
      while (next < rows || !pending.isEmpty()) {
        while (next < rows && pending.size() < window) {
          long start = next;
          long count = Math.min(rowGroupSize, rows - start);
          pending.add(IoPool.pool().submit(() -> writers.get().encode(start, count)));
          counts.add(count);
          next += count;
        }
        try (RowGroupWriter.Encoded group = await(pending.removeFirst())) {
          append(group, counts.removeFirst());
        }
      }
    } finally {
      // after a failure: wait for the groups still encoding and free them
      for (Future<RowGroupWriter.Encoded> future : pending) {
        try {
          future.get().close();
        } catch (ExecutionException | InterruptedException | RuntimeException ignored) {
          // the first failure is the one reported
        }
      }
    }
  }

  private void append(RowGroupWriter.Encoded group, long count) throws IOException {
    long before = file.getPos();
    group.flush(file);
    progress.advance(file.getPos() - before, count);
  }

  private static RowGroupWriter.Encoded await(Future<RowGroupWriter.Encoded> future) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException interruption) {
          interrupted = true;
        } catch (ExecutionException failure) {
          Throwable cause = failure.getCause();
          if (cause instanceof RuntimeException runtime) {
            throw runtime;
          }
          if (cause instanceof Error error) {
            throw error;
          }
          if (cause instanceof IOException io) {
            throw io;
          }
          throw new UncheckedIOException(new IOException(cause));
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
