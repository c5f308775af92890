package dev.floe.io.json;

import dev.floe.errors.FloeException;
import dev.floe.io.IoPool;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Decodes a large NDJSON file in parallel: the file is cut into one chunk per processor at line
 * breaks and each chunk is decoded into its own batch on the I/O pool. When any chunk fails, all
 * batches are closed and the caller decodes sequentially, so errors name the same row as a
 * sequential read would.
 */
final class ParallelNdjson {
  /** Files smaller than this are decoded by one thread. */
  static final long MIN_PARALLEL_BYTES = Long.getLong("floe.json.parallelBytes", 8L << 20);

  private ParallelNdjson() {}

  /** The batches in file order, or null to decode sequentially (small file, or a chunk failed). */
  static List<RecordBatch> decode(JsonFile mapped, String file, Schema schema,
      JsonReadOptions options, BufferAllocator allocator, long minBytes, int threads) {
    long size = mapped.bytes.byteSize();
    int chunks = (int) Math.min(threads, size / Math.max(1, minBytes));
    if (chunks < 2) {
      return null;
    }
    long[] bounds = new long[chunks + 1];
    bounds[chunks] = size;
    for (int k = 1; k < chunks; k++) {
      long cut = Math.max(bounds[k - 1], size * k / chunks);
      while (cut < size && mapped.bytes.get(java.lang.foreign.ValueLayout.JAVA_BYTE, cut) != '\n') {
        cut++;
      }
      bounds[k] = Math.min(size, cut + 1);
    }
    List<Future<RecordBatch>> futures = new ArrayList<>(chunks);
    for (int k = 0; k < chunks; k++) {
      long from = bounds[k];
      long to = bounds[k + 1];
      futures.add(IoPool.pool().submit(() -> JsonReader.decode(mapped, file, true, schema,
          options.ignoreErrors(), Long.MAX_VALUE, allocator, from, to)));
    }
    // Wait for every chunk, even after a failure, so no batch is built after we return.
    List<RecordBatch> batches = new ArrayList<>(chunks);
    boolean failed = false;
    Throwable unexpected = null;
    boolean interrupted = false;
    for (Future<RecordBatch> future : futures) {
      while (true) {
        try {
          batches.add(future.get());
          break;
        } catch (ExecutionException failure) {
          failed = true;
          if (!(failure.getCause() instanceof FloeException) && unexpected == null) {
            unexpected = failure.getCause();
          }
          break;
        } catch (InterruptedException interruption) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failed) {
      batches.forEach(RecordBatch::close);
      if (unexpected != null) {
        throw new IllegalStateException("decoding a chunk of " + file + " failed", unexpected);
      }
      return null;
    }
    return batches;
  }
}
