package dev.floe.engine.exec;

import dev.floe.errors.ComputeException;
import dev.floe.kernels.hashing.DictionaryKeys;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The merge of many partial rows in parallel, partitioned by the hash of their keys, as DuckDB's
 * radix-partitioned hash aggregation and Polars' partitioned group-by do: rows with equal keys
 * hash to the same partition, so each partition is merged on its own thread and the partitions'
 * groups are disjoint. With maintainOrder the groups are put back in order of their first partial
 * row (which is the order of first appearance in the input).
 */
final class PartitionedMerge {
  /** Below this many partial rows one merge is cheaper than partitioning. */
  static final int MIN_ROWS = 4096;

  /** One partition's merged groups and, per group, its first row in the partition. */
  record Merged(RecordBatch output, int[] firstRows) {}

  /** Merges one partition's partial rows, given their key hashes (null: compute them). */
  interface PartitionMerger {
    Merged merge(RecordBatch rows, long[] hashes, BufferAllocator allocator);
  }

  private PartitionedMerge() {}

  /** Whether {@code rows} partial rows with these keys are worth (and able to be) partitioned. */
  static boolean applies(List<Column> keys, int rows, QueryContext context) {
    if (rows < MIN_ROWS || context.pool().getParallelism() < 2) {
      return false;
    }
    if (DictionaryKeys.directlyGrouped(keys, rows)) {
      return false; // one pass of direct indexing beats hashing, partitioning and gathering
    }
    for (Column key : keys) {
      if (key.type().isNested()
          || (key.type() instanceof DataType.Dictionary && !DictionaryKeys.indexable(key))) {
        return false; // GroupIds hashes these by their Java values, not with Hash.hash64
      }
    }
    return true;
  }

  /** Merges {@code all} (not closed here) partition by partition with {@code mergeOne}. */
  static RecordBatch run(RecordBatch all, int keyCount, boolean maintainOrder,
      PartitionMerger mergeOne, QueryContext context, BufferAllocator allocator) {
    int rows = all.rowCount();
    int partitions = Math.min(64, Integer.highestOneBit(context.pool().getParallelism()) * 4);
    long[] hashes = JoinProbe.hashes(all.columns().subList(0, keyCount), allocator, context); // a morsel per task
    int[] offsets = new int[partitions + 1];
    int[] partition = new int[rows];
    for (int row = 0; row < rows; row++) {
      // the hash's low bits (well mixed): GroupIds places a group by the high bits of hash * 2^64/phi,
      // so partitioning by those too would crowd each partition's groups into a fraction of its
      // table's slots, making linear probing quadratic when most keys are distinct
      partition[row] = (int) hashes[row] & (partitions - 1);
      offsets[partition[row] + 1]++;
    }
    for (int index = 0; index < partitions; index++) {
      offsets[index + 1] += offsets[index];
    }
    int[] order = new int[rows];
    int[] next = Arrays.copyOf(offsets, partitions);
    for (int row = 0; row < rows; row++) {
      order[next[partition[row]]++] = row; // stable: each partition keeps the partials' order
    }
    Merged[] merged = new Merged[partitions];
    try (RecordBatch sorted = gatherRows(all, order, allocator, context)) {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int index = 0; index < partitions; index++) {
        int part = index;
        RecordBatch slice = sorted.slice(offsets[part], offsets[part + 1] - offsets[part]);
        tasks.add(() -> {
          try (slice) {
            long[] partHashes = new long[offsets[part + 1] - offsets[part]];
            for (int row = 0; row < partHashes.length; row++) {
              partHashes[row] = hashes[order[offsets[part] + row]]; // hashed once, for partitioning
            }
            merged[part] = mergeOne.merge(slice, partHashes, allocator);
          }
          return null;
        });
      }
      invokeAll(tasks, context);
      List<RecordBatch> outputs = new ArrayList<>();
      int total = 0;
      for (Merged part : merged) {
        total += part.firstRows().length;
      }
      int[] firstSeen = new int[total];
      int start = 0;
      for (int index = 0; index < partitions; index++) {
        outputs.add(merged[index].output());
        int[] local = merged[index].firstRows();
        for (int group = 0; group < local.length; group++) {
          firstSeen[start + group] = order[offsets[index] + local[group]];
        }
        start += local.length;
      }
      Arrays.fill(merged, null); // the concatenation owns (and closes) them now
      RecordBatch result = Batches.concat(outputs, outputs.getFirst().schema(), allocator);
      if (!maintainOrder) {
        return result;
      }
      try (result) {
        return gatherRows(result, byFirstSeen(firstSeen), allocator, context);
      }
    } finally {
      for (Merged left : merged) {
        if (left != null) {
          left.output().close();
        }
      }
    }
  }

  /** The permutation that orders groups by their first partial row. */
  private static int[] byFirstSeen(int[] firstSeen) {
    long[] keyed = new long[firstSeen.length];
    for (int group = 0; group < firstSeen.length; group++) {
      keyed[group] = ((long) firstSeen[group] << 32) | group;
    }
    Arrays.sort(keyed);
    int[] permutation = new int[keyed.length];
    for (int index = 0; index < keyed.length; index++) {
      permutation[index] = (int) keyed[index];
    }
    return permutation;
  }

  /** The rows of every column, each column gathered by ranges on the pool ({@link ParallelGrouping#gather}). */
  private static RecordBatch gatherRows(RecordBatch batch, int[] rows, BufferAllocator allocator,
      QueryContext context) {
    List<Column> columns = new ArrayList<>();
    try {
      for (Column column : batch.columns()) {
        columns.add(ParallelGrouping.gather(column, rows, allocator, context));
      }
    } catch (RuntimeException failure) {
      columns.forEach(Column::close);
      throw failure;
    }
    return new RecordBatch(batch.schema(), columns, rows.length);
  }

  /** Runs {@code tasks} on the query's pool; throws the first failure (in task order). */
  static void invokeAll(List<Callable<Void>> tasks, QueryContext context) {
    try {
      RuntimeException first = null;
      for (Future<Void> future : context.pool().invokeAll(tasks)) {
        try {
          future.get();
        } catch (ExecutionException failed) {
          if (first == null) {
            first = failed.getCause() instanceof RuntimeException runtime ? runtime
                : new ComputeException("a merge task failed: " + failed.getCause(), failed.getCause());
          }
        }
      }
      if (first != null) {
        throw first;
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      context.cancel();
      throw new ComputeException("interrupted while the query ran", interrupted);
    }
  }
}
