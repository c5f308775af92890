package dev.floe.io.parquet;

import dev.floe.io.IoProgress;
import dev.floe.io.ProgressListener;
import dev.floe.io.ProgressReporter;
import dev.floe.io.ipc.MappedFile;
import dev.floe.io.parquet.read.FieldReader;
import dev.floe.io.parquet.read.ParquetFooter;
import dev.floe.io.parquet.read.ReadNode;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.hadoop.metadata.BlockMetaData;

/**
 * A Parquet file read one row group at a time, as the caller pulls: the same batches as {@link
 * ParquetReader#read} (projection, statistics pruning, {@code nRows}, row index), but a row group
 * is decoded (its columns in parallel on {@link dev.floe.io.IoPool} unless the options say {@code
 * NONE}) only when {@link #next()} asks for it, so a caller that stops early never touches the
 * rest. The kernel is asked to read ahead the next kept row group's column chunks. Closing
 * releases the file (buffers already returned keep their own data) and sends the final progress
 * report, whose bytes are those of the row groups decoded.
 */
public final class ParquetRowGroupStream implements dev.floe.io.scan.FileBatches {
  private final MappedFile file;
  private final String where;
  private final Schema schema;
  private final List<BlockMetaData> blocks;
  private final List<Integer> kept;
  private final List<ReadNode> nodes;
  private final ParquetReadOptions options;
  private final BufferAllocator allocator;
  private final ProgressReporter progress;
  private final long limit;
  private int next;
  private long rows;
  private boolean closed;

  private ParquetRowGroupStream(MappedFile file, String where, Schema schema, List<BlockMetaData> blocks,
      List<Integer> kept, List<ReadNode> nodes, ParquetReadOptions options, BufferAllocator allocator,
      ProgressReporter progress) {
    this.file = file;
    this.where = where;
    this.schema = schema;
    this.blocks = blocks;
    this.kept = kept;
    this.nodes = nodes;
    this.options = options;
    this.allocator = allocator;
    this.progress = progress;
    this.limit = options.nRows() == null ? Long.MAX_VALUE : options.nRows();
  }

  /** Opens {@code path} and reads its footer; no row group is decoded yet. The caller closes the stream. */
  public static ParquetRowGroupStream open(Path path, ParquetReadOptions options, RowGroupFilter filter,
      BufferAllocator allocator) {
    String where = "Parquet file " + path;
    MappedFile file = ParquetReader.map(path);
    try {
      file.adviseRandomAccess();
      ParquetFooter footer = ParquetFooter.read(path, file.segment(), where);
      List<ReadNode> nodes = ParquetReader.project(footer, options);
      List<BlockMetaData> blocks = footer.metadata().getBlocks();
      List<Integer> kept = ParquetReader.keptRowGroups(blocks, footer, options,
          filter == null ? RowGroupFilter.ALL : filter);
      long bytes = 0;
      for (int group : kept) {
        for (ReadNode node : nodes) {
          bytes += FieldReader.bytes(blocks.get(group), node, where + ", row group " + group);
        }
      }
      ProgressReporter progress = IoProgress.reporter(ParquetReader.guarded(
          options.progress() != ProgressListener.NONE ? options.progress() : IoProgress.current()),
          "read parquet", path, bytes);
      ParquetRowGroupStream stream = new ParquetRowGroupStream(file, where, ParquetReader.schema(nodes, options),
          blocks, kept, nodes, options, allocator, progress);
      stream.readAhead(0);
      return stream;
    } catch (RuntimeException | OutOfMemoryError failure) {
      file.release();
      throw ParquetReader.translate(failure, where);
    }
  }

  /** The schema of every batch: the row index column (if any), then the projected columns. */
  public Schema schema() {
    return schema;
  }

  /** Row groups decoded so far. */
  public int rowGroupsRead() {
    return next;
  }

  /** The next kept row group's batch (the caller closes it), or null after the last one or at {@code nRows}. */
  public RecordBatch next() {
    if (closed || next >= kept.size() || rows >= limit) {
      return null;
    }
    int group = kept.get(next);
    readAhead(next + 1);
    try {
      ParquetReadOptions.Parallel parallel = options.parallel() == ParquetReadOptions.Parallel.NONE
          ? ParquetReadOptions.Parallel.NONE : ParquetReadOptions.Parallel.COLUMNS;
      Column[][] columns = new RowGroupTasks(file.segment(), blocks, List.of(group), nodes, allocator, progress, where)
          .run(parallel);
      // the chunks are decoded: their file pages leave the resident set (a scan of a 156 MB file
      // otherwise kept all of it resident until the scan ended, on top of the decoded columns)
      for (ReadNode node : nodes) {
        FieldReader.ranges(blocks.get(group), node, where + ", row group " + group, file::dontNeed);
      }
      next++;
      int length = columns[0].length == 0 ? (int) blocks.get(group).getRowCount() : columns[0][0].length();
      // the batch owns the columns now (batch closes them if it fails)
      RecordBatch batch = ParquetReader.batch(schema, columns[0], length, rows, options, allocator);
      if (rows + length > limit) {
        try (RecordBatch whole = batch) {
          batch = whole.slice(0, (int) (limit - rows));
        }
        length = (int) (limit - rows);
      }
      rows += length;
      progress.advance(0, length);
      return batch;
    } catch (RuntimeException | OutOfMemoryError failure) {
      throw ParquetReader.translate(failure, where + ", row group " + group);
    }
  }

  /** Asks the kernel to read the column chunks of kept row group {@code index} ahead, if there is one. */
  private void readAhead(int index) {
    if (index < kept.size()) {
      int group = kept.get(index);
      for (ReadNode node : nodes) {
        FieldReader.ranges(blocks.get(group), node, where + ", row group " + group, file::willNeed);
      }
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      progress.finish();
    } catch (RuntimeException failure) {
      throw ParquetReader.translate(failure, where);
    } finally {
      file.release();
    }
  }
}
