package dev.floe;

import dev.floe.engine.exec.BatchStream;
import dev.floe.io.files.FileSet;
import dev.floe.io.files.HivePartitions;
import dev.floe.io.files.MultiFileOptions;
import dev.floe.io.scan.FileBatches;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The files of a lazy scan as a {@link BatchStream}: files in order, each file's batches in order
 * as its reader decodes them on demand ({@link ScanStreams} opens them: Parquet one row group per
 * batch, Arrow IPC one record batch per batch), with what a whole multi-file read adds: the row
 * index continued across files (for readers that do not number rows themselves), the limit
 * across files, the first file's schema required of every file, and the hive partition and file
 * path columns of {@link MultiFileReads}. Each batch has the scan's projected columns; every
 * buffer comes from the scan's allocator.
 */
final class FileScanStream implements BatchStream {
  /** Opens a file; {@code rowsBefore} rows came from earlier files and at most {@code remaining} more are wanted. */
  interface Opener {
    FileBatches open(Path file, long rowsBefore, long remaining);
  }

  private final FileSet set;
  private final HivePartitions hive;
  private final MultiFileOptions multi;
  private final Opener opener;
  private final String rowIndexName;
  private final long rowIndexOffset;
  private final String[] columns;
  private final long limit;
  private final BufferAllocator allocator;
  private final Deque<RecordBatch> pending = new ArrayDeque<>();
  private FileBatches current;
  private Schema firstSchema;
  private int file = -1;
  private long rows;
  private boolean closed;

  /**
   * {@code rowIndexName} (null: none) numbers the rows from {@code rowIndexOffset} here, for readers
   * that do not; {@code limit} is the most rows wanted ({@code Long.MAX_VALUE}: all).
   */
  FileScanStream(FileSet set, HivePartitions hive, MultiFileOptions multi, Opener opener, String rowIndexName,
      long rowIndexOffset, List<String> columns, long limit, BufferAllocator allocator) {
    this.set = set;
    this.hive = hive;
    this.multi = multi;
    this.opener = opener;
    this.rowIndexName = rowIndexName;
    this.rowIndexOffset = rowIndexOffset;
    this.columns = columns.toArray(String[]::new);
    this.limit = limit;
    this.allocator = allocator;
  }

  @Override
  public RecordBatch next() {
    while (pending.isEmpty()) {
      if (closed || rows >= limit) {
        return null;
      }
      if (current == null && !openNextFile()) {
        return null;
      }
      RecordBatch batch = current.next();
      if (batch == null) {
        current.close();
        current = null;
        continue;
      }
      if (rows + batch.rowCount() > limit) {
        try (RecordBatch whole = batch) {
          batch = whole.slice(0, (int) (limit - rows));
        }
      }
      long before = rows;
      rows += batch.rowCount();
      pending.addAll(withFileColumns(batch, before));
    }
    return pending.removeFirst();
  }

  /** Opens the next file; false after the last one. */
  private boolean openNextFile() {
    if (++file >= set.files().size()) {
      return false;
    }
    current = opener.open(set.files().get(file), rows, limit - rows);
    if (firstSchema == null) {
      firstSchema = current.schema();
    } else {
      requireFirstSchema(current.schema());
    }
    return true;
  }

  /** Files of a scan must have the first file's columns and types, as in a whole read. */
  private void requireFirstSchema(Schema schema) {
    BufferAllocator.callWith(allocator, () -> {
      try (DataFrame first = BatchFrames.of(firstSchema, List.of());
          DataFrame other = BatchFrames.of(schema, List.of())) {
        FileSchemas.requireSameTypes(List.of(set.files().getFirst(), set.files().get(file)), List.of(first, other));
      }
      return null;
    });
  }

  /**
   * The batch with the row index (first), hive and file path columns (last), projected to the
   * scan's columns; closes the batch.
   */
  private List<RecordBatch> withFileColumns(RecordBatch batch, long rowsBefore) {
    try (batch) {
      return BufferAllocator.callWith(allocator, () -> {
        try (DataFrame read = BatchFrames.of(current.schema(), List.of(batch));
            DataFrame numbered = rowIndexName == null ? read.clone()
                : FrameRowIndex.withRowIndex(read, rowIndexName, rowIndexOffset + rowsBefore);
            DataFrame full = MultiFileReads.withFileColumns(set, hive, multi, file, numbered);
            DataFrame projected = full.select(columns)) {
          return FrameBatches.of(projected);
        }
      });
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    pending.forEach(RecordBatch::close);
    pending.clear();
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
