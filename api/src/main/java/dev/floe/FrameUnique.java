package dev.floe;

import dev.floe.engine.BatchOperations;
import dev.floe.kernels.hashing.GroupIds;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DataFrame#unique(UniqueOptions)}: groups the rows by the subset's values with
 * {@link GroupIds} (null = null, NaN = NaN, -0.0 = 0.0, as Polars) and keeps one row per group
 * (first, last, any) or the rows of groups of one (none), in input order.
 */
final class FrameUnique {
  private FrameUnique() {}

  static DataFrame unique(DataFrame frame, UniqueOptions options) {
    List<String> subset = options.subset().isEmpty() ? frame.columns() : options.subset();
    List<Integer> keyIndices = new ArrayList<>();
    for (String name : subset) {
      keyIndices.add(frame.schema().indexOf(name)); // ColumnNotFoundException before any work
    }
    if (frame.width() == 0 || frame.height() == 0) {
      return frame.clone();
    }
    BufferAllocator allocator = BufferAllocator.current();
    try (RecordBatch batch = FrameExpressions.toBatch(frame)) {
      List<Column> keys = keyIndices.stream().map(batch::column).toList();
      int[] rows = keptRows(GroupIds.of(keys, allocator), options.keep());
      if (rows.length == batch.rowCount()) {
        return frame.clone();
      }
      List<Object> indices = new ArrayList<>(rows.length);
      for (int row : rows) {
        indices.add(row);
      }
      try (Column take = JavaValues.toColumn(allocator, DataType.INT32, indices)) {
        List<Column> columns = BatchOperations.take(batch, take, allocator);
        List<Series> series = new ArrayList<>(columns.size());
        for (int index = 0; index < columns.size(); index++) {
          series.add(Series.fromColumn(frame.schema().field(index).name(), columns.get(index)));
        }
        return DataFrame.adopt(series);
      }
    }
  }

  /** The surviving rows, ascending. */
  private static int[] keptRows(GroupIds groups, UniqueOptions.Keep keep) {
    return switch (keep) {
      case FIRST, ANY -> groups.firstRows();
      case LAST -> {
        int[] last = groups.lastRows();
        java.util.Arrays.sort(last);
        yield last;
      }
      case NONE -> {
        int[] counts = groups.counts();
        int[] first = groups.firstRows();
        yield java.util.Arrays.stream(first).filter(row -> counts[groups.id(row)] == 1).toArray();
      }
    };
  }
}
