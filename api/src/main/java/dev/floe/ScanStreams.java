package dev.floe;

import dev.floe.engine.exec.BatchStream;
import dev.floe.io.files.FileSet;
import dev.floe.io.files.HivePartitions;
import dev.floe.io.files.MultiFileOptions;
import dev.floe.io.ipc.IpcFileStream;
import dev.floe.io.ipc.IpcReadOptions;
import dev.floe.io.parquet.ParquetReadOptions;
import dev.floe.io.parquet.ParquetRowGroupStream;
import dev.floe.io.parquet.RowGroupFilter;
import dev.floe.io.parquet.prune.StatisticsPruning;
import dev.floe.io.scan.PartitionPruning;
import dev.floe.io.scan.ScanPredicate;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The streaming reads of lazy Parquet and Arrow IPC scans ({@link FileScanStream}): the same files,
 * pruning and columns as {@link ParquetScans} and {@link MultiFileReads}, decoded as pulled.
 */
final class ScanStreams {
  private ScanStreams() {}

  /**
   * A Parquet scan of {@code columns}, one batch per kept row group: hive partitions and row
   * groups the predicate rules out are skipped (nothing with a row index, as {@link ParquetScans});
   * {@code options} project the files' own columns; {@code limit} (null: none) is the most rows.
   */
  static BatchStream parquet(String location, ParquetReadOptions options, MultiFileOptions multi, Expr predicate,
      Schema schema, List<String> fileColumns, List<String> columns, Long limit, BufferAllocator allocator) {
    ScanPredicate pruning =
        predicate == null || options.rowIndexName() != null ? null : ScanPredicates.of(predicate, schema);
    FileSet set = FileSet.resolve(location);
    RowGroupFilter rowGroups = RowGroupFilter.ALL;
    if (pruning != null) {
      List<Path> files = multi.hiveEnabled(set.directory()) ? PartitionPruning.select(set.files(), pruning)
          : set.files();
      set = new FileSet(set.source(), files, set.directory());
      Set<String> outside = new HashSet<>(schema.names());
      outside.removeAll(fileColumns);
      rowGroups = StatisticsPruning.of(pruning).ignoring(outside);
    }
    RowGroupFilter kept = rowGroups;
    ParquetReadOptions unlimited = options.withNRows(null);
    FileScanStream.Opener opener = (file, rowsBefore, remaining) -> {
      ParquetReadOptions fileOptions = unlimited;
      if (options.rowIndexName() != null) { // the reader numbers the rows, continuing across files
        fileOptions = fileOptions.withRowIndex(options.rowIndexName(), options.rowIndexOffset() + rowsBefore);
      }
      if (remaining != Long.MAX_VALUE) {
        fileOptions = fileOptions.withNRows(remaining);
      }
      return ParquetRowGroupStream.open(file, fileOptions, kept, allocator);
    };
    return new FileScanStream(set, MultiFileReads.directoryHive(set, multi), multi, opener, null, 0, columns,
        limit == null ? Long.MAX_VALUE : limit, allocator);
  }

  /** An Arrow IPC scan of {@code columns}, one batch per record batch, memory-mapped as {@code options} say. */
  static BatchStream ipc(String location, IpcReadOptions options, MultiFileOptions multi, List<String> columns,
      Long limit, BufferAllocator allocator) {
    FileSet set = FileSet.resolve(location);
    IpcReadOptions unnumbered = options.withRowIndex(null, 0);
    FileScanStream.Opener opener = (file, rowsBefore, remaining) ->
        IpcFileStream.open(file, unnumbered, allocator);
    HivePartitions hive = MultiFileReads.directoryHive(set, multi);
    return new FileScanStream(set, hive, multi, opener, options.rowIndexName(), options.rowIndexOffset(), columns,
        limit == null ? Long.MAX_VALUE : limit, allocator);
  }
}
