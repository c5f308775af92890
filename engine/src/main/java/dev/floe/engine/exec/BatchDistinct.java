package dev.floe.engine.exec;

import dev.floe.engine.BatchOperations;
import dev.floe.kernels.hashing.GroupIds;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.planner.plan.Distinct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Polars' {@code unique} over one batch: rows grouped by the key columns with {@link GroupIds}
 * (null = null, NaN = NaN, -0.0 = 0.0) and one row kept per group (first, last, any) or the rows of
 * groups of one (none), in input order. The eager {@code DataFrame.unique} and the engine share it.
 */
public final class BatchDistinct {
  private BatchDistinct() {}

  /** The surviving rows' columns (new handles the caller closes), or null when every row survives. */
  public static List<Column> unique(RecordBatch batch, List<Integer> keyIndices, Distinct.Keep keep,
      BufferAllocator allocator) {
    if (batch.rowCount() == 0 || batch.columnCount() == 0) {
      return null;
    }
    List<Column> keys = keyIndices.stream().map(batch::column).toList();
    int[] rows = keptRows(GroupIds.of(keys, allocator), keep);
    if (rows.length == batch.rowCount()) {
      return null;
    }
    List<Object> indices = new ArrayList<>(rows.length);
    for (int row : rows) {
      indices.add(row);
    }
    try (Column take = JavaValues.toColumn(allocator, DataType.INT32, indices)) {
      return BatchOperations.take(batch, take, allocator);
    }
  }

  /** The surviving rows, ascending. */
  private static int[] keptRows(GroupIds groups, Distinct.Keep keep) {
    return switch (keep) {
      case FIRST, ANY -> groups.firstRows();
      case LAST -> {
        int[] last = groups.lastRows();
        Arrays.sort(last);
        yield last;
      }
      case NONE -> {
        int[] counts = groups.counts();
        int[] first = groups.firstRows();
        yield Arrays.stream(first).filter(row -> counts[groups.id(row)] == 1).toArray();
      }
    };
  }
}
