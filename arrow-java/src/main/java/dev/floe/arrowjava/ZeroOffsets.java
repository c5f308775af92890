package dev.floe.arrowjava;

import dev.floe.DataFrame;
import dev.floe.Series;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.Concatenation;
import java.util.ArrayList;
import java.util.List;

/**
 * Arrow Java 19's C Data importer ignores {@code ArrowArray.offset} (apache/arrow-java#88): an
 * imported slice silently reads the rows before it. Floe exports slices with their offset, so a
 * frame bound for Arrow Java first gets every chunk that has a non-zero offset, at any depth,
 * copied into a new chunk starting at offset 0. Chunks without offsets are shared, not copied.
 */
final class ZeroOffsets {
  private ZeroOffsets() {}

  /**
   * A new frame, which the caller closes, with the rows of {@code frame} and no offsets: a share
   * of it (no copy) if no chunk has an offset, else a share with those chunks copied.
   */
  static DataFrame of(DataFrame frame) {
    if (frame.getColumns().stream().allMatch(ZeroOffsets::offsetFree)) {
      return frame.clone();
    }
    List<Series> columns = new ArrayList<>(frame.width());
    try {
      for (Series series : frame.getColumns()) {
        columns.add(offsetFree(series) ? series.share() : copied(series));
      }
    } catch (RuntimeException failure) {
      columns.forEach(Series::close);
      throw failure;
    }
    return DataFrame.of(columns);
  }

  private static boolean offsetFree(Series series) {
    return series.chunks().stream().allMatch(ZeroOffsets::offsetFree);
  }

  private static boolean offsetFree(Column column) {
    return column.offset() == 0 && column.children().stream().allMatch(ZeroOffsets::offsetFree);
  }

  /** {@code series} with each chunk that has an offset replaced by a compact copy. */
  private static Series copied(Series series) {
    List<Column> chunks = new ArrayList<>(series.chunks().size());
    try {
      for (Column chunk : series.chunks()) {
        chunks.add(offsetFree(chunk) ? chunk.share() : compact(chunk));
      }
    } catch (RuntimeException failure) {
      chunks.forEach(Column::close);
      throw failure;
    }
    return Series.fromChunked(series.name(), new ChunkedColumn(series.dtype(), chunks));
  }

  /**
   * A copy of {@code chunk} at offset 0: concatenating it with an empty slice of itself makes
   * Floe's concatenation write every row into new buffers (one input alone would be shared).
   */
  private static Column compact(Column chunk) {
    try (Column empty = chunk.slice(0, 0)) {
      return Concatenation.concat(BufferAllocator.current(), List.of(chunk, empty));
    }
  }
}
