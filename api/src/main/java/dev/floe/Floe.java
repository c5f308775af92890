package dev.floe;

import dev.floe.internal.Stacking;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Exprs;
import dev.floe.planner.expr.Ternary;
import java.util.List;

/**
 * Static entry points, for {@code import static dev.floe.Floe.*}.
 *
 * <pre>{@code
 * try (DataFrame all = concat(january, february)) { ... }
 * config().setTblRows(20);
 * }</pre>
 */
public final class Floe {
  private Floe() {}

  /**
   * The frames one under the other, sharing their buffers. All must have the same column names and
   * types in the same order; the frames passed in stay open and owned by the caller.
   *
   * @throws dev.floe.errors.SchemaMismatchException naming the first column that differs
   * @throws dev.floe.errors.InvalidOperationException when no frame is given
   */
  public static DataFrame concat(DataFrame... frames) {
    return concat(List.of(frames));
  }

  /** {@link #concat(DataFrame...)} over a list. */
  public static DataFrame concat(List<DataFrame> frames) {
    return Stacking.vertical(frames);
  }

  /**
   * The frames combined as {@code how} says (Polars' {@code pl.concat(frames, how=...)}): vertical,
   * vertical relaxed (supertypes), diagonal (union of columns, nulls where a frame lacks one),
   * diagonal relaxed, horizontal (side by side, shorter frames padded with nulls).
   *
   * @throws dev.floe.errors.SchemaMismatchException naming the column and frame that do not fit
   */
  public static DataFrame concat(List<DataFrame> frames, ConcatHow how) {
    return FrameConcat.concat(frames, how);
  }

  /** The lazy {@link #concat(List, ConcatHow)}; every {@code how} but horizontal. */
  public static LazyFrame concatLazy(List<LazyFrame> frames, ConcatHow how) {
    return FrameConcat.concatLazy(frames, how);
  }

  // ---- expressions ----

  /** Dtype selectors: {@code cs.numeric()}, {@code cs.string()}, {@code cs.temporal()}. */
  public static final Exprs.Selectors cs = Exprs.CS;

  /** A column by name; a name in {@code ^...$} is a regular expression selecting every match. */
  public static Expr col(String name) {
    return Exprs.col(name);
  }

  /** Several columns by name. */
  public static Expr col(String first, String... more) {
    return Exprs.col(first, more);
  }

  /** A constant; an int, long or double takes the type of the column it meets, as in Polars. */
  public static Expr lit(Object value) {
    return Exprs.lit(value);
  }

  /** A constant of a fixed type. */
  public static Expr lit(Object value, DataType type) {
    return Exprs.lit(value, type);
  }

  /** {@code when(condition).then(value).otherwise(other)}, chained with further {@code when}s. */
  public static Ternary.WhenBuilder when(Object condition) {
    return Exprs.when(condition);
  }

  /** Per row, the first non-null value of the expressions (named after the first). */
  public static Expr coalesce(Object... exprs) {
    return Exprs.coalesce(exprs);
  }

  /**
   * Per row, the string inputs joined with {@code separator}; a null in any input gives null
   * (Polars' {@code concat_str}).
   */
  public static Expr concatStr(List<? extends Expr> inputs, String separator) {
    return Exprs.concatStr(inputs, separator);
  }

  /** Polars' {@code pl.len()}: the number of rows, a u32 scalar named "len". */
  public static Expr len() {
    return new dev.floe.planner.expr.FrameLength();
  }

  /**
   * Polars' {@code pl.corr(a, b)}: Pearson's correlation of two columns, an f64 reduction usable in
   * {@code select} and in {@code agg}; null pairs are skipped (see {@link
   * dev.floe.planner.expr.Correlation}).
   */
  public static Expr corr(String a, String b) {
    return dev.floe.planner.expr.Correlation.pearson(a, b);
  }

  /** {@link #corr(String, String)} of two expressions. */
  public static Expr corr(Expr a, Expr b) {
    return dev.floe.planner.expr.Correlation.pearson(a, b);
  }

  /** Polars' {@code pl.count(column)}: the number of non-null values of the column, u32. */
  public static Expr count(String column) {
    return Exprs.col(column).count();
  }

  /** Every column. */
  public static Expr all() {
    return Exprs.all();
  }

  /** Every column but the named ones. */
  public static Expr exclude(String... names) {
    return Exprs.exclude(names);
  }

  /** The process-wide display settings. */
  public static FloeConfig config() {
    return FloeConfig.INSTANCE;
  }

  // ---- JSON ----

  // ---- Arrow C Data Interface and Python ----

  /**
   * A frame over another engine's Arrow data: a struct array ({@code +s}, one child per column)
   * and its schema, as the C Data Interface passes them. Zero-copy: the buffers stay the
   * producer's, accounted to {@code BufferAllocator.current()}, and the producer's release runs
   * once, when the last Floe column using them is closed. Both structs are consumed (the schema
   * released, the array moved out), so the caller may free them at once.
   */
  public static DataFrame importArrow(java.lang.foreign.MemorySegment arrowArray,
      java.lang.foreign.MemorySegment arrowSchema) {
    return ArrowInterop.importArray(arrowArray, arrowSchema);
  }

  /** A frame of every batch of another engine's {@code ArrowArrayStream} (moved, read, released); zero-copy. */
  public static DataFrame importArrowStream(java.lang.foreign.MemorySegment arrowArrayStream) {
    return ArrowInterop.importStream(arrowArrayStream);
  }

  /**
   * A lazy frame reading another engine's {@code ArrowArrayStream} (moved at once; its schema read
   * now, its batches as the query pulls them, zero-copy). A C stream can be read once, so the
   * frame can be collected once; {@code cache()} it to use the rows in several queries.
   */
  public static LazyFrame scanArrowStream(java.lang.foreign.MemorySegment arrowArrayStream) {
    return new LazyFrame(dev.floe.planner.plan.Scan.of(new ArrowStreamScanSource(
        dev.floe.ffi.cdata.ArrowStreamReader.take(arrowArrayStream, dev.floe.memory.BufferAllocator.current()))));
  }

  /**
   * A frame over a Python object's data (a pyarrow Table or RecordBatchReader, a polars or pandas
   * DataFrame: anything with {@code __arrow_c_stream__}), zero-copy where the producer's layout is
   * Arrow's. The object stays the caller's to close.
   */
  public static DataFrame fromPython(dev.floe.ffi.python.PyObjectRef frame) {
    return PythonFrames.fromPython(frame);
  }

  /**
   * The embedded CPython ({@code ffi.python.PythonBridge}): the running one, else one started on
   * {@code -Dfloe.python}, {@code FLOE_PYTHON} or {@code python3} on the PATH. Use a venv's python
   * to get its packages (pyarrow is needed to hand frames over).
   */
  public static dev.floe.ffi.python.PythonBridge python() {
    return PythonFrames.bridge();
  }

  /** Starts the embedded CPython with {@code options} (once per process; see {@code PythonBridge.start}). */
  public static dev.floe.ffi.python.PythonBridge startPython(dev.floe.ffi.python.PythonOptions options) {
    dev.floe.ffi.python.PythonBridge.start(options);
    return PythonFrames.bridge();
  }

  /** Reads a JSON array of objects with Polars' defaults ({@link dev.floe.io.json.JsonReadOptions#DEFAULT}). */
  public static DataFrame readJson(java.nio.file.Path path) {
    return JsonIo.readJson(path, dev.floe.io.json.JsonReadOptions.DEFAULT);
  }

  /** Reads a JSON array of objects (Polars' {@code read_json}); the caller closes the frame. */
  public static DataFrame readJson(java.nio.file.Path path, dev.floe.io.json.JsonReadOptions options) {
    return JsonIo.readJson(path, options);
  }

  /** Reads newline-delimited JSON with Polars' defaults. */
  public static DataFrame readNdjson(java.nio.file.Path path) {
    return JsonIo.readNdjson(path, dev.floe.io.json.JsonReadOptions.DEFAULT);
  }

  /** Reads newline-delimited JSON (Polars' {@code read_ndjson}); the caller closes the frame. */
  public static DataFrame readNdjson(java.nio.file.Path path, dev.floe.io.json.JsonReadOptions options) {
    return JsonIo.readNdjson(path, options);
  }

  // ---- Arrow IPC ----

  /** Reads an Arrow IPC file, memory-mapped: uncompressed buffers are used in place (zero-copy). */
  public static DataFrame readIpc(java.nio.file.Path path) {
    return IpcFrames.read(path, dev.floe.io.ipc.IpcReadOptions.DEFAULT, false);
  }

  /** Reads an Arrow IPC file with options (memory mapping, column projection). */
  public static DataFrame readIpc(java.nio.file.Path path, dev.floe.io.ipc.IpcReadOptions options) {
    return IpcFrames.read(path, options, false);
  }

  /** Reads a file holding an Arrow IPC stream, memory-mapped. */
  public static DataFrame readIpcStream(java.nio.file.Path path) {
    return IpcFrames.read(path, dev.floe.io.ipc.IpcReadOptions.DEFAULT, true);
  }

  /** Reads a file holding an Arrow IPC stream with options. */
  public static DataFrame readIpcStream(java.nio.file.Path path, dev.floe.io.ipc.IpcReadOptions options) {
    return IpcFrames.read(path, options, true);
  }

  // ---- CSV ----

  /** Reads a CSV file with Polars' defaults ({@link dev.floe.io.csv.CsvReadOptions#DEFAULT}). */
  public static DataFrame readCsv(java.nio.file.Path path) {
    return CsvFrames.read(path, dev.floe.io.csv.CsvReadOptions.DEFAULT);
  }

  /**
   * Reads a CSV file, as Polars' {@code read_csv}.
   *
   * @throws dev.floe.errors.FloeIoException naming the file, line, column and value of bad input
   */
  public static DataFrame readCsv(java.nio.file.Path path, dev.floe.io.csv.CsvReadOptions options) {
    return CsvFrames.read(path, options);
  }

  // ---- multi-file reads (globs, directories, lists of paths) ----

  /**
   * Reads every CSV file a glob ({@code data/*.csv}, {@code data/**}{@code /*.csv}), directory or
   * single path names into one frame, as Polars' {@code scan_csv(glob).collect()}.
   *
   * @throws dev.floe.errors.FloeIoException naming the pattern when no file matches
   * @throws dev.floe.errors.SchemaMismatchException with a per-file diff when the files' columns differ
   */
  public static DataFrame readCsv(String globOrPath) {
    return readCsv(globOrPath, dev.floe.io.csv.CsvReadOptions.DEFAULT, dev.floe.io.files.MultiFileOptions.DEFAULT);
  }

  /** {@link #readCsv(String)} with CSV and multi-file options (hive columns, file path column). */
  public static DataFrame readCsv(String globOrPath, dev.floe.io.csv.CsvReadOptions options,
      dev.floe.io.files.MultiFileOptions multi) {
    return MultiFileReads.csv(dev.floe.io.files.FileSet.resolve(globOrPath), options, multi);
  }

  /** Reads the CSV files in the given order into one frame; see {@link #readCsv(String)}. */
  public static DataFrame readCsv(java.util.List<java.nio.file.Path> paths, dev.floe.io.csv.CsvReadOptions options,
      dev.floe.io.files.MultiFileOptions multi) {
    return MultiFileReads.csv(dev.floe.io.files.FileSet.of(paths), options, multi);
  }

  /**
   * Reads every Arrow IPC file a glob, directory or path names into one frame, as Polars'
   * {@code scan_ipc(glob).collect()}; the files' schemas must be equal.
   *
   * @throws dev.floe.errors.FloeIoException naming the pattern when no file matches
   * @throws dev.floe.errors.SchemaMismatchException with a per-file diff when the schemas differ
   */
  public static DataFrame readIpc(String globOrPath) {
    return readIpc(globOrPath, dev.floe.io.ipc.IpcReadOptions.DEFAULT, dev.floe.io.files.MultiFileOptions.DEFAULT);
  }

  /** {@link #readIpc(String)} with IPC and multi-file options (hive columns, file path column). */
  public static DataFrame readIpc(String globOrPath, dev.floe.io.ipc.IpcReadOptions options,
      dev.floe.io.files.MultiFileOptions multi) {
    return MultiFileReads.ipc(dev.floe.io.files.FileSet.resolve(globOrPath), options, multi);
  }

  /** Reads the Arrow IPC files in the given order into one frame; see {@link #readIpc(String)}. */
  public static DataFrame readIpc(java.util.List<java.nio.file.Path> paths, dev.floe.io.ipc.IpcReadOptions options,
      dev.floe.io.files.MultiFileOptions multi) {
    return MultiFileReads.ipc(dev.floe.io.files.FileSet.of(paths), options, multi);
  }

  /**
   * Reads every NDJSON file a glob, directory or path names into one frame, as Polars'
   * {@code read_ndjson(glob)}: the first file's inferred schema is used for all files.
   *
   * @throws dev.floe.errors.FloeIoException naming the pattern when no file matches
   */
  public static DataFrame readNdjson(String globOrPath) {
    return readNdjson(globOrPath, dev.floe.io.json.JsonReadOptions.DEFAULT, dev.floe.io.files.MultiFileOptions.DEFAULT);
  }

  /** {@link #readNdjson(String)} with JSON and multi-file options (hive columns, file path column). */
  public static DataFrame readNdjson(String globOrPath, dev.floe.io.json.JsonReadOptions options,
      dev.floe.io.files.MultiFileOptions multi) {
    return MultiFileReads.ndjson(dev.floe.io.files.FileSet.resolve(globOrPath), options, multi);
  }

  /** Reads the NDJSON files in the given order into one frame; see {@link #readNdjson(String)}. */
  public static DataFrame readNdjson(java.util.List<java.nio.file.Path> paths, dev.floe.io.json.JsonReadOptions options,
      dev.floe.io.files.MultiFileOptions multi) {
    return MultiFileReads.ndjson(dev.floe.io.files.FileSet.of(paths), options, multi);
  }

  /**
   * Runs {@code action} with every read and write it makes (on any thread) reporting bytes and rows
   * to {@code listener}, e.g.
   * {@code Floe.withProgress(p -> log.info("{} {}%", p.file(), (int) (100 * p.fraction())), () -> Floe.readCsv(path))}.
   * A listener that throws cancels the operation (writes then leave no file). Without it, reads and
   * writes report to the process default: {@code -Dfloe.progress=off|auto|on} (the {@code floe}
   * launcher sets {@code auto}: a progress bar on standard error when it is a terminal).
   */
  public static <T> T withProgress(dev.floe.io.ProgressListener listener, java.util.function.Supplier<T> action) {
    return dev.floe.io.IoProgress.withListener(listener, action);
  }

  // ---- Parquet (read side) ----

  /** Reads a Parquet file (all columns and row groups, decoded in parallel). */
  public static DataFrame readParquet(java.nio.file.Path path) {
    return ParquetFrames.read(path, dev.floe.io.parquet.ParquetReadOptions.DEFAULT);
  }

  /** Reads a Parquet file with Polars' read_parquet options (columns, nRows, row index, parallel, ...). */
  public static DataFrame readParquet(java.nio.file.Path path, dev.floe.io.parquet.ParquetReadOptions options) {
    return ParquetFrames.read(path, options);
  }

  /**
   * Reads every Parquet file a glob, directory or path names into one frame, as Polars'
   * {@code read_parquet(glob)}: equal schemas, hive partitions for directories, the row index and
   * nRows continue across files.
   *
   * @throws dev.floe.errors.FloeIoException naming the pattern when no file matches
   */
  public static DataFrame readParquet(String globOrPath) {
    return readParquet(globOrPath, dev.floe.io.parquet.ParquetReadOptions.DEFAULT,
        dev.floe.io.files.MultiFileOptions.DEFAULT);
  }

  /** {@link #readParquet(String)} with Parquet and multi-file options. */
  public static DataFrame readParquet(String globOrPath, dev.floe.io.parquet.ParquetReadOptions options,
      dev.floe.io.files.MultiFileOptions multi) {
    return ParquetFrames.read(dev.floe.io.files.FileSet.resolve(globOrPath), options, multi);
  }

  /** Reads the Parquet files in the given order into one frame; see {@link #readParquet(String)}. */
  public static DataFrame readParquet(java.util.List<java.nio.file.Path> paths,
      dev.floe.io.parquet.ParquetReadOptions options, dev.floe.io.files.MultiFileOptions multi) {
    return ParquetFrames.read(dev.floe.io.files.FileSet.of(paths), options, multi);
  }

  /** The schema of a Parquet file, from its footer alone (as Polars' {@code read_parquet_schema}). */
  public static dev.floe.memory.types.Schema readParquetSchema(java.nio.file.Path path) {
    return dev.floe.io.parquet.ParquetReader.schema(path);
  }

  // ---- lazy scans ----

  /**
   * A lazy scan of CSV files (a path, directory or glob, as {@link #readCsv(String)}): the schema is
   * inferred now from the first {@code inferSchemaLength} rows; {@link LazyFrame#collect()} reads
   * only the columns, and with no pending filter only the rows, the query needs.
   */
  public static LazyFrame scanCsv(String globOrPath) {
    return scanCsv(globOrPath, dev.floe.io.csv.CsvReadOptions.DEFAULT, dev.floe.io.files.MultiFileOptions.DEFAULT);
  }

  public static LazyFrame scanCsv(String globOrPath, dev.floe.io.csv.CsvReadOptions options,
      dev.floe.io.files.MultiFileOptions multi) {
    return scan(FileScanSource.Format.CSV, globOrPath, options, multi);
  }

  /**
   * A lazy scan of Parquet files: the schema comes from the footer now; {@link LazyFrame#collect()}
   * reads only the needed column chunks, skips row groups (statistics) and hive partitions the
   * query's filters rule out, and stops after the rows a head needs.
   */
  public static LazyFrame scanParquet(String globOrPath) {
    return scanParquet(globOrPath, dev.floe.io.parquet.ParquetReadOptions.DEFAULT,
        dev.floe.io.files.MultiFileOptions.DEFAULT);
  }

  public static LazyFrame scanParquet(String globOrPath, dev.floe.io.parquet.ParquetReadOptions options,
      dev.floe.io.files.MultiFileOptions multi) {
    return scan(FileScanSource.Format.PARQUET, globOrPath, options, multi);
  }

  /** A lazy scan of Arrow IPC files (memory-mapped when the query runs). */
  public static LazyFrame scanIpc(String globOrPath) {
    return scanIpc(globOrPath, dev.floe.io.ipc.IpcReadOptions.DEFAULT, dev.floe.io.files.MultiFileOptions.DEFAULT);
  }

  public static LazyFrame scanIpc(String globOrPath, dev.floe.io.ipc.IpcReadOptions options,
      dev.floe.io.files.MultiFileOptions multi) {
    return scan(FileScanSource.Format.IPC, globOrPath, options, multi);
  }

  /** A lazy scan of NDJSON files; the schema is inferred now from the first rows. */
  public static LazyFrame scanNdjson(String globOrPath) {
    return scanNdjson(globOrPath, dev.floe.io.json.JsonReadOptions.DEFAULT, dev.floe.io.files.MultiFileOptions.DEFAULT);
  }

  public static LazyFrame scanNdjson(String globOrPath, dev.floe.io.json.JsonReadOptions options,
      dev.floe.io.files.MultiFileOptions multi) {
    return scan(FileScanSource.Format.NDJSON, globOrPath, options, multi);
  }

  private static LazyFrame scan(FileScanSource.Format format, String globOrPath, Object options,
      dev.floe.io.files.MultiFileOptions multi) {
    return new LazyFrame(dev.floe.planner.plan.Scan.of(FileScanSource.of(format, globOrPath, options, multi)));
  }

  // ---- lazy concat ----

  /**
   * A lazy vertical concat: the rows of every frame, one frame after another, in the order given
   * (Polars' {@code pl.concat([...])} of lazy frames). The inputs' plans become the inputs of one
   * {@link dev.floe.planner.plan.Union}; a filter above it is pushed into every input, and a head
   * takes only that many rows from each. All frames must have the same column names and types in
   * the same order; like other analysis errors this is reported by {@link LazyFrame#collect()} (and
   * {@link LazyFrame#collectSchema()}), before any data is read.
   *
   * @throws dev.floe.errors.InvalidOperationException when no frame is given
   */
  public static LazyFrame concat(LazyFrame... frames) {
    if (frames.length == 0) {
      throw new dev.floe.errors.InvalidOperationException("concat needs at least one frame");
    }
    return new LazyFrame(new dev.floe.planner.plan.Union(
        java.util.Arrays.stream(frames).map(LazyFrame::plan).toList()));
  }

  /**
   * Runs several lazy queries as one (Polars' {@code collect_all}): each is analyzed and optimized,
   * then subplans they share (the same scan or steps over it) are computed once. Frames come back
   * in order; on failure none is returned and none leaks.
   */
  public static java.util.List<DataFrame> collectAll(LazyFrame... frames) {
    return LazyFrame.collectAll(java.util.List.of(frames), CollectOptions.DEFAULT);
  }
}
