package dev.floe.io.parquet;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.FloeException;
import dev.floe.errors.FloeIoException;
import dev.floe.errors.FloeOutOfMemoryException;
import dev.floe.io.ProgressReporter;
import dev.floe.io.IoProgress;
import dev.floe.io.ipc.MappedFile;
import dev.floe.io.parquet.read.FieldReader;
import dev.floe.io.parquet.read.ParquetFooter;
import dev.floe.io.parquet.read.ReadNode;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.BlockMetaData;

/**
 * Reads Parquet files into record batches, one per row group: the file is memory-mapped, the
 * footer parsed by parquet-mr, and only the column chunks of the projected columns are touched;
 * pages are decompressed off-heap and decoded by Floe's own decoders straight into column buffers
 * ({@link dev.floe.io.parquet.read}). Decoding runs as (row group x column) tasks on
 * {@link dev.floe.io.IoPool} ({@link ParquetReadOptions#parallel()}). Bad input throws
 * {@link FloeIoException} naming the file, row group, column and page; everything built is freed.
 */
public final class ParquetReader {
  private ParquetReader() {}

  /** The Floe schema of the file (all columns), read from its footer only. */
  public static Schema schema(Path path) {
    String where = "Parquet file " + path;
    MappedFile file = map(path);
    try {
      return ParquetFooter.read(path, file.segment(), where).schema();
    } finally {
      file.release();
    }
  }

  /** The number of rows the file holds, from its footer (the sum over its row groups). */
  public static long rowCount(Path path) {
    String where = "Parquet file " + path;
    MappedFile file = map(path);
    try {
      return ParquetFooter.read(path, file.segment(), where).metadata().getBlocks().stream()
          .mapToLong(block -> block.getRowCount()).sum();
    } finally {
      file.release();
    }
  }

  /** Reads the file; the caller owns (closes) the table. */
  public static ParquetTable read(Path path, ParquetReadOptions options, RowGroupFilter filter,
      BufferAllocator allocator) {
    String where = "Parquet file " + path;
    MappedFile file = map(path);
    ProgressReporter progress = null;
    List<RecordBatch> batches = new ArrayList<>();
    Column[][] columns = new Column[0][];
    try {
      // before the footer is read: default readahead around its page fault alone reads megabytes
      file.adviseRandomAccess();
      ParquetFooter footer = ParquetFooter.read(path, file.segment(), where);
      List<ReadNode> nodes = project(footer, options);
      Schema schema = schema(nodes, options);
      List<BlockMetaData> blocks = footer.metadata().getBlocks();
      List<Integer> kept = keptRowGroups(blocks, footer, options, filter == null ? RowGroupFilter.ALL : filter);
      long bytes = 0;
      for (int group : kept) {
        for (ReadNode node : nodes) {
          bytes += FieldReader.bytes(blocks.get(group), node, where + ", row group " + group);
          FieldReader.ranges(blocks.get(group), node, where + ", row group " + group, file::willNeed);
        }
      }
      progress = IoProgress.reporter(guarded(options.progress() != dev.floe.io.ProgressListener.NONE ? options.progress()
          : IoProgress.current()),
          "read parquet", path, bytes);
      columns = new RowGroupTasks(file.segment(), blocks, kept, nodes, allocator, progress, where)
          .run(options.parallel());
      long rows = 0;
      long limit = options.nRows() == null ? Long.MAX_VALUE : options.nRows();
      for (int index = 0; index < kept.size(); index++) {
        int length = columns[index].length == 0 ? (int) blocks.get(kept.get(index)).getRowCount()
            : columns[index][0].length();
        Column[] group = columns[index];
        columns[index] = null;
        batches.add(batch(schema, group, length, rows, options, allocator));
        if (rows + length > limit) {
          RecordBatch whole = batches.removeLast();
          try (whole) {
            batches.add(whole.slice(0, (int) (limit - rows)));
          }
          length = (int) (limit - rows);
        }
        rows += length;
        progress.advance(0, length);
      }
      ParquetReadStatistics statistics = new ParquetReadStatistics(blocks.size(), kept.size(), bytes,
          file.size(), rows);
      progress.finish();
      return new ParquetTable(schema, batches, statistics);
    } catch (RuntimeException | OutOfMemoryError failure) {
      batches.forEach(RecordBatch::close);
      if (progress != null) {
        try {
          progress.finish();
        } catch (RuntimeException listener) {
          failure.addSuppressed(listener);
        }
      }
      for (Column[] group : columns) {
        if (group != null) {
          for (Column column : group) {
            column.close();
          }
        }
      }
      throw translate(failure, where);
    } finally {
      file.release();
    }
  }

  static MappedFile map(Path path) {
    try {
      return MappedFile.map(path);
    } catch (FloeIoException failure) {
      throw new FloeIoException("cannot read Parquet file " + path + ": "
          + (failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage()), failure);
    }
  }

  /** Marks an exception thrown by the caller's progress listener: rethrown as it is, not as bad data. */
  private static final class ListenerFailure extends RuntimeException {
    ListenerFailure(RuntimeException cause) {
      super(cause);
    }
  }

  static dev.floe.io.ProgressListener guarded(dev.floe.io.ProgressListener listener) {
    return report -> {
      try {
        listener.onProgress(report);
      } catch (RuntimeException failure) {
        throw new ListenerFailure(failure);
      }
    };
  }

  static RuntimeException translate(Throwable failure, String where) {
    if (failure instanceof ListenerFailure listener) {
      return (RuntimeException) listener.getCause();
    }
    if (failure instanceof FloeIoException || failure instanceof FloeOutOfMemoryException
        || failure instanceof ColumnNotFoundException) {
      return (RuntimeException) failure;
    }
    if (failure instanceof OutOfMemoryError) {
      return new FloeIoException(where + ": invalid data: sizes in the file need more memory than the JVM has ("
          + failure.getMessage() + ")", failure);
    }
    String kind = failure instanceof FloeException ? "" : failure.getClass().getSimpleName() + ": ";
    return new FloeIoException(where + ": invalid data: " + kind + failure.getMessage(), failure);
  }

  /** The schema of a read of {@code nodes}: the row index column first, if any. */
  static Schema schema(List<ReadNode> nodes, ParquetReadOptions options) {
    List<Field> fields = new ArrayList<>();
    if (options.rowIndexName() != null) {
      fields.add(Field.of(options.rowIndexName(), DataType.UINT32));
    }
    nodes.forEach(node -> fields.add(node.field()));
    return new Schema(fields, Map.of());
  }

  static List<ReadNode> project(ParquetFooter footer, ParquetReadOptions options) {
    if (options.columns() == null) {
      return footer.nodes();
    }
    List<ReadNode> out = new ArrayList<>();
    for (String name : options.columns()) {
      out.add(footer.nodes().get(footer.schema().indexOf(name)));
    }
    return out;
  }

  static List<Integer> keptRowGroups(List<BlockMetaData> blocks, ParquetFooter footer,
      ParquetReadOptions options, RowGroupFilter filter) {
    List<Integer> kept = new ArrayList<>();
    long rows = 0;
    long limit = options.nRows() == null ? Long.MAX_VALUE : options.nRows();
    for (int index = 0; index < blocks.size() && rows < limit; index++) {
      BlockMetaData block = blocks.get(index);
      if (options.useStatistics() && !filter.mayMatch(block, footer.metadata().getFileMetaData().getSchema())) {
        continue;
      }
      kept.add(index);
      rows += block.getRowCount();
    }
    return kept;
  }

  static RecordBatch batch(Schema schema, Column[] columns, int length, long firstRow,
      ParquetReadOptions options, BufferAllocator allocator) {
    List<Column> all = new ArrayList<>(columns.length + 1);
    try {
      if (options.rowIndexName() != null) {
        all.add(dev.floe.io.RowIndex.column(options.rowIndexOffset() + firstRow, length, allocator));
      }
    } catch (RuntimeException failure) {
      for (Column column : columns) {
        column.close();
      }
      throw failure;
    }
    all.addAll(List.of(columns));
    return new RecordBatch(schema, all, length);
  }
}
