package dev.floe;

import dev.floe.io.files.FileSet;
import dev.floe.io.files.MultiFileOptions;
import dev.floe.io.parquet.ParquetReadOptions;
import dev.floe.io.parquet.ParquetReader;
import dev.floe.io.parquet.ParquetTable;
import dev.floe.io.parquet.RowGroupFilter;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parquet reading for {@link Floe#readParquet}: one chunk per row group, buffers handed over, no copies. */
final class ParquetFrames {
  private ParquetFrames() {}

  static DataFrame read(Path path, ParquetReadOptions options) {
    return read(path, options, RowGroupFilter.ALL);
  }

  static DataFrame read(Path path, ParquetReadOptions options, RowGroupFilter filter) {
    BufferAllocator allocator = BufferAllocator.current();
    try (ParquetTable table = ParquetReader.read(path, options, filter, allocator)) {
      return BatchFrames.of(table.schema(), table.batches());
    }
  }

  /** Reads every file, continuing the row index and the row limit across files, and stacks them. */
  static DataFrame read(FileSet set, ParquetReadOptions options, MultiFileOptions multi) {
    List<DataFrame> frames = new ArrayList<>();
    try {
      long rows = 0;
      for (Path path : set.files()) {
        ParquetReadOptions fileOptions = options;
        if (options.rowIndexName() != null) {
          fileOptions = fileOptions.withRowIndex(options.rowIndexName(), options.rowIndexOffset() + rows);
        }
        if (options.nRows() != null) {
          fileOptions = fileOptions.withNRows(Math.max(0, options.nRows() - rows));
        }
        frames.add(read(path, fileOptions));
        rows += frames.getLast().height();
      }
    } catch (RuntimeException failure) {
      frames.forEach(DataFrame::close);
      throw failure;
    }
    return MultiFileReads.parquet(set, frames, multi);
  }
}
