package dev.floe;

import dev.floe.engine.exec.BatchSource;
import dev.floe.engine.exec.BatchStream;
import dev.floe.io.csv.CsvReadOptions;
import dev.floe.io.files.FileSet;
import dev.floe.io.files.MultiFileOptions;
import dev.floe.io.ipc.IpcReadOptions;
import dev.floe.io.json.JsonReadOptions;
import dev.floe.io.parquet.ParquetReadOptions;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files as a lazy scan source ({@code Floe.scanCsv/scanParquet/scanIpc/scanNdjson}): the schema is
 * fixed when the scan is made (Parquet and IPC from their metadata; CSV and NDJSON inferred from
 * the first {@code inferSchemaLength} rows of the first file, then imposed on the whole read, so a
 * later value that does not fit is an error naming file, line and column, as Polars' scans do);
 * a read asks the format's reader for the projected columns only, for {@code nRows} when no
 * predicate is pending, and (Parquet) skips row groups and hive partitions the predicate rules
 * out. Hive partition and file-path columns come from {@link MultiFileReads} as in eager reads.
 */
final class FileScanSource implements BatchSource {
  /** The four scan formats. */
  enum Format { CSV, PARQUET, IPC, NDJSON }

  private final Format format;
  private final String location;
  private final Object options;
  private final MultiFileOptions multi;
  private final Schema schema;
  /** Columns that come from the files themselves (not hive, file path or row index columns). */
  private final List<String> fileColumns;

  private FileScanSource(Format format, String location, Object options, MultiFileOptions multi) {
    this.format = format;
    this.location = location;
    this.multi = multi;
    try (DataFrame sample = sample(format, location, options, multi);
        DataFrame firstFile = sample(format, FileSet.resolve(location).files().getFirst().toString(),
            withoutRowIndex(format, options), MultiFileOptions.DEFAULT.withHivePartitioning(MultiFileOptions.Hive.FALSE))) {
      this.schema = sample.schema();
      this.fileColumns = firstFile.columns();
      this.options = pinned(format, options, firstFile.schema());
    }
  }

  static FileScanSource of(Format format, String location, Object options, MultiFileOptions multi) {
    return new FileScanSource(format, location, options, multi);
  }

  /** A cheap read that yields the schema: no rows of Parquet, the inference rows of text formats. */
  private static DataFrame sample(Format format, String location, Object options, MultiFileOptions multi) {
    return switch (format) {
      case PARQUET -> Floe.readParquet(location, ((ParquetReadOptions) options).withNRows(0L), multi);
      case IPC -> {
        try (DataFrame all = Floe.readIpc(location, (IpcReadOptions) options, multi)) {
          yield all.head(0); // memory-mapped: the read touched only metadata
        }
      }
      case CSV -> {
        CsvReadOptions csv = (CsvReadOptions) options;
        yield Floe.readCsv(location, csv.withNRows(sampleRows(csv.inferSchemaLength())), multi);
      }
      case NDJSON -> {
        JsonReadOptions json = (JsonReadOptions) options;
        yield Floe.readNdjson(location, json.withNRows(sampleRows(json.inferSchemaLength())), multi);
      }
    };
  }

  private static Long sampleRows(Integer inferSchemaLength) {
    return inferSchemaLength == null ? null : (long) Math.max(1, inferSchemaLength);
  }

  private static Object withoutRowIndex(Format format, Object options) {
    return switch (format) {
      case CSV -> ((CsvReadOptions) options).withRowIndex(null, 0);
      case NDJSON -> ((JsonReadOptions) options).withRowIndex(null, 0);
      case PARQUET -> ((ParquetReadOptions) options).withRowIndex(null, 0);
      case IPC -> ((IpcReadOptions) options).withRowIndex(null, 0);
    };
  }

  /** Text formats read with the sampled types imposed, so every read has the scan's schema. */
  private static Object pinned(Format format, Object options, Schema fileSchema) {
    Map<String, DataType> types = new LinkedHashMap<>();
    for (Field field : fileSchema.fields()) {
      types.put(field.name(), field.type());
    }
    return switch (format) {
      case CSV -> {
        CsvReadOptions csv = (CsvReadOptions) options;
        yield csv.schema() != null ? csv : csv.withSchemaOverrides(types);
      }
      case NDJSON -> {
        JsonReadOptions json = (JsonReadOptions) options;
        yield json.schema() != null ? json : json.withSchemaOverrides(types);
      }
      default -> options;
    };
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public String describe() {
    return format + " SCAN [" + location + "]";
  }

  /** Parquet: the row counts of the files' footers (read once, cached); other formats: unknown. */
  @Override
  public long estimatedRows() {
    if (format != Format.PARQUET) {
      return -1;
    }
    try {
      long rows = 0;
      for (java.nio.file.Path file : FileSet.resolve(location).files()) {
        rows += dev.floe.io.parquet.ParquetReader.rowCount(file);
      }
      return rows;
    } catch (RuntimeException unreadable) {
      return -1; // the scan itself will say what is wrong with the files
    }
  }

  @Override
  public boolean prunesByPredicate() {
    return format == Format.PARQUET;
  }

  @Override
  public List<RecordBatch> read(List<String> columns, Expr predicate, Long limit, BufferAllocator allocator) {
    List<String> fromFiles = fromFiles(columns);
    Long rows = predicate == null ? limit : null;
    // the eager readers allocate from the current allocator: make it the scan operator's
    return BufferAllocator.callWith(allocator, () -> {
      try (DataFrame frame = readFiles(fromFiles, predicate, rows);
          DataFrame projected = frame.select(columns.toArray(String[]::new))) {
        return FrameBatches.of(projected);
      }
    });
  }

  /**
   * Parquet: one batch per kept row group, Arrow IPC: one per record batch, decoded as the engine
   * pulls them ({@link ScanStreams}); CSV and NDJSON: the whole read.
   */
  @Override
  public BatchStream stream(List<String> columns, Expr predicate, Long limit, BufferAllocator allocator) {
    Long rows = predicate == null ? limit : null;
    return switch (format) {
      case PARQUET -> ScanStreams.parquet(location, ((ParquetReadOptions) options).withColumns(fromFiles(columns)),
          multi, predicate, schema, fileColumns, columns, rows, allocator);
      case IPC -> ScanStreams.ipc(location, ((IpcReadOptions) options).withColumns(fromFiles(columns)), multi,
          columns, rows, allocator);
      case CSV, NDJSON -> BatchSource.super.stream(columns, predicate, limit, allocator);
    };
  }

  /** The files' own columns among {@code columns} (at least one: rows need a column to be counted). */
  private List<String> fromFiles(List<String> columns) {
    List<String> fromFiles = new ArrayList<>();
    for (String name : columns) {
      if (fileColumns.contains(name)) {
        fromFiles.add(name);
      }
    }
    if (fromFiles.isEmpty()) {
      fromFiles.add(fileColumns.getFirst());
    }
    return fromFiles;
  }

  private DataFrame readFiles(List<String> columns, Expr predicate, Long rows) {
    String[] names = columns.toArray(String[]::new);
    return switch (format) {
      case CSV -> Floe.readCsv(location, ((CsvReadOptions) options).withColumns(names).withNRows(rows), multi);
      case NDJSON -> Floe.readNdjson(location, ((JsonReadOptions) options).withColumns(names).withNRows(rows), multi);
      case IPC -> {
        DataFrame all = Floe.readIpc(location, ((IpcReadOptions) options).withColumns(names), multi);
        if (rows == null || rows >= all.height()) {
          yield all;
        }
        try (all) {
          yield all.head(rows);
        }
      }
      case PARQUET -> ParquetScans.read(location, ((ParquetReadOptions) options).withColumns(columns).withNRows(rows),
          multi, predicate, schema, fileColumns);
    };
  }
}
