package dev.floe.engine.exec;

import dev.floe.kernels.hashing.DictionaryKeys;
import dev.floe.kernels.hashing.GroupIds;
import dev.floe.kernels.hashing.PartitionedGroupIds;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.Concatenation;
import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Group ids of a whole input on the query pool: keys of small domains (integers of a small range,
 * categoricals) are numbered directly ({@link GroupIds#tryDirect}); otherwise the rows are hashed a morsel per task and grouped in hash partitions, one
 * task each ({@link PartitionedGroupIds}). Small inputs, a pool of one thread, and categorical
 * keys that are numbered directly or whose dictionary is not clean take the single-threaded
 * {@link GroupedReducers#groupIds}. The ids are the same either way.
 * Also the general path's other whole-input step, gathering the rows in group order, a range of
 * the order per task.
 */
final class ParallelGrouping {
  /** Below this many rows one thread groups faster than the partitioned path's extra passes. */
  static final int MIN_ROWS = 1 << 18;

  private ParallelGrouping() {}

  static GroupIds groupIds(List<Column> keys, BufferAllocator allocator, QueryContext context) {
    int rows = keys.getFirst().length();
    int threads = context.pool().getParallelism();
    // categorical keys hash and compare by index when their dictionary is clean; several small
    // ones are numbered directly by GroupIds (one code per row, no hashing), which beats partitions
    boolean slowDictionary = keys.stream()
        .anyMatch(key -> key.type() instanceof DataType.Dictionary && !DictionaryKeys.indexable(key));
    if (rows < MIN_ROWS || threads < 2 || slowDictionary || DictionaryKeys.directlyGrouped(keys, rows)) {
      return GroupedReducers.groupIds(keys, allocator);
    }
    GroupIds direct = GroupIds.tryDirect(keys); // small domains: one pass, no hashing
    if (direct != null) {
      return direct;
    }
    long[] hashes = JoinProbe.hashes(keys, allocator, context);
    int partitions = Integer.highestOneBit(threads * 2);
    return PartitionedGroupIds.of(keys, hashes, partitions, tasks -> {
      List<Callable<Void>> callables = new ArrayList<>(tasks.size());
      for (Runnable task : tasks) {
        callables.add(() -> {
          task.run();
          return null;
        });
      }
      JoinProbe.run(callables, context);
    });
  }

  /** {@code values}' rows {@code rows} (in that order), gathered in ranges by parallel tasks. */
  static Column gather(Column values, int[] rows, BufferAllocator allocator, QueryContext context) {
    int threads = context.pool().getParallelism();
    if (rows.length < MIN_ROWS || threads < 2) {
      return GroupedReducers.gather(values, rows, allocator);
    }
    int parts = threads * 2;
    Column[] gathered = new Column[parts];
    List<Callable<Void>> tasks = new ArrayList<>(parts);
    for (int part = 0; part < parts; part++) {
      int index = part;
      int from = (int) ((long) rows.length * part / parts);
      int to = (int) ((long) rows.length * (part + 1) / parts);
      tasks.add(() -> {
        gathered[index] = GroupedReducers.gather(values, rows, from, to - from, allocator);
        return null;
      });
    }
    try {
      JoinProbe.run(tasks, context);
      return Concatenation.concat(allocator, java.util.Arrays.asList(gathered));
    } finally {
      for (Column column : gathered) {
        if (column != null) {
          column.close();
        }
      }
    }
  }
}
