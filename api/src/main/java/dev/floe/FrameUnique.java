package dev.floe;

import dev.floe.engine.exec.BatchDistinct;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.planner.plan.Distinct;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DataFrame#unique(UniqueOptions)}: the engine's {@link BatchDistinct} over the frame's rows
 * (one implementation for eager and lazy frames).
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
      List<Column> columns = BatchDistinct.unique(batch, keyIndices, keep(options.keep()), allocator);
      if (columns == null) {
        return frame.clone();
      }
      List<Series> series = new ArrayList<>(columns.size());
      for (int index = 0; index < columns.size(); index++) {
        series.add(Series.fromColumn(frame.schema().field(index).name(), columns.get(index)));
      }
      return DataFrame.adopt(series);
    }
  }

  static Distinct.Keep keep(UniqueOptions.Keep keep) {
    return switch (keep) {
      case ANY -> Distinct.Keep.ANY;
      case FIRST -> Distinct.Keep.FIRST;
      case LAST -> Distinct.Keep.LAST;
      case NONE -> Distinct.Keep.NONE;
    };
  }
}
