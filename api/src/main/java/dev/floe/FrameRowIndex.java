package dev.floe;

import dev.floe.io.RowIndex;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.List;

/** {@link DataFrame#withRowIndex} and the row index of readers that number rows across files. */
final class FrameRowIndex {
  private FrameRowIndex() {}

  /** {@code frame} with a first u32 column {@code name} counting from {@code offset}. */
  static DataFrame withRowIndex(DataFrame frame, String name, long offset) {
    RowIndex.check(offset, frame.height());
    int rows = Math.toIntExact(frame.height());
    Column numbers = RowIndex.column(offset, rows, BufferAllocator.current());
    List<Series> columns = new ArrayList<>(frame.width() + 1);
    columns.add(Series.fromChunked(name, new ChunkedColumn(DataType.UINT32, List.of(numbers))));
    try {
      for (Series series : frame.getColumns()) {
        columns.add(series.share());
      }
    } catch (RuntimeException failure) {
      columns.forEach(Series::close);
      throw failure;
    }
    return DataFrame.of(columns);
  }

  /** Replaces each frame by itself with a row index continuing from the previous frame's. */
  static void numberAcross(List<DataFrame> frames, String name, long offset) {
    long next = offset;
    for (int index = 0; index < frames.size(); index++) {
      DataFrame frame = frames.get(index);
      long height = frame.height();
      frames.set(index, withRowIndex(frame, name, next)).close();
      next += height;
    }
  }

  /** A frame read by a single-file reader, numbered when its options ask for it; closes the input if replaced. */
  static DataFrame apply(DataFrame frame, String name, long offset) {
    if (name == null) {
      return frame;
    }
    try (frame) {
      return withRowIndex(frame, name, offset);
    }
  }
}
