package dev.floe;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.ShapeMismatchException;
import dev.floe.format.FrameFormatter;
import dev.floe.format.FrameView;
import dev.floe.format.GlimpseFormatter;
import dev.floe.internal.Describe;
import dev.floe.internal.FrameBuilding;
import dev.floe.internal.Ranges;
import dev.floe.internal.Stacking;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Exprs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An eager table of equally long, uniquely named {@link Series}: Polars' {@code DataFrame}.
 * Immutable; every operation returns a new frame.
 *
 * <h2>Ownership</h2>
 *
 * Columns live off-heap and are reference-counted, so frames are {@link AutoCloseable}:
 *
 * <ul>
 *   <li>Every frame you create or get back from a method is yours: close it (try-with-resources).
 *       Derived frames ({@link #head}, {@link #select}, {@link #withColumn}, {@link #vstack},
 *       {@link #clone}, ...) share buffers with their source without copying, hold their own
 *       references, and may be closed in any order.
 *   <li>{@link #of(Series...)}, {@link #hstack(Series...)} and {@link #withColumn} adopt the series
 *       you pass (as Arrow's {@code VectorSchemaRoot} adopts vectors): the frame closes them, even
 *       when the call fails, so {@code DataFrame.of(Series.of("a", 1, 2))} does not leak. Pass
 *       {@code series.share()} to keep using a series independently. Frames passed as arguments
 *       ({@link #vstack}, {@link #hstack(DataFrame)}, {@link Floe#concat}) are only read.
 *   <li>{@link #column(String)} and {@link #getColumns()} return borrowed views owned by this
 *       frame: closing them does nothing and they stay valid while the frame is open.
 * </ul>
 *
 * A closed frame throws {@link InvalidOperationException} when used. Memory comes from
 * {@link BufferAllocator#current()}. See also {@code docs/api-ownership.md}.
 *
 * <p>Not thread-safe for closing; reading an open frame from several threads is safe.
 */
public final class DataFrame implements AutoCloseable {
  private final List<Series> columns;
  private final Schema schema;
  private final long height;
  private boolean closed;

  /** Takes ownership of {@code owned} (none borrowed); closes them all if they do not fit. */
  private DataFrame(List<Series> owned) {
    try {
      List<Field> fields = new ArrayList<>(owned.size());
      long rows = owned.isEmpty() ? 0 : owned.getFirst().len();
      for (Series series : owned) {
        if (series.len() != rows) {
          throw new ShapeMismatchException(
              "could not create a DataFrame: column '" + series.name() + "' has " + series.len()
                  + " rows but column '" + owned.getFirst().name() + "' has " + rows);
        }
        fields.add(Field.of(series.name(), series.dtype()));
      }
      this.schema = new Schema(fields);
      this.height = rows;
      this.columns = List.copyOf(owned);
    } catch (RuntimeException failure) {
      owned.forEach(Series::close);
      throw failure;
    }
  }

  // ---- construction ----

  /** A frame of the given series, which it adopts (see the class comment). */
  public static DataFrame of(Series... series) {
    return of(Arrays.asList(series));
  }

  /** A frame of the given series, which it adopts (see the class comment). */
  public static DataFrame of(List<Series> series) {
    List<Series> owned = new ArrayList<>(series.size());
    for (Series each : series) {
      owned.add(each.isBorrowed() ? each.share() : each);
    }
    return new DataFrame(owned);
  }

  /** A frame with no columns and no rows. */
  public static DataFrame empty() {
    return new DataFrame(List.of());
  }

  /**
   * A frame from rows given as maps of column name to Java value: columns in the order their names
   * are first seen, a missing key is a null, types inferred per column as in {@link Series#of}.
   */
  public static DataFrame fromRows(List<? extends Map<String, ?>> rows) {
    return of(FrameBuilding.fromRows(rows));
  }

  /** A frame with one column per record component and one row per record (all one class). */
  public static DataFrame fromRecords(List<? extends Record> records) {
    return of(FrameBuilding.fromRecords(null, records));
  }

  /** {@link #fromRecords(List)} that also knows the columns of an empty list. */
  public static <R extends Record> DataFrame fromRecords(Class<R> type, List<? extends R> records) {
    return of(FrameBuilding.fromRecords(type, records));
  }

  /** A frame over the batch's columns, shared (the batch stays open and yours). */
  public static DataFrame fromBatch(RecordBatch batch) {
    List<Series> series = new ArrayList<>(batch.schema().size());
    for (int index = 0; index < batch.schema().size(); index++) {
      String name = batch.schema().field(index).name();
      series.add(Series.fromColumn(name, batch.column(index).share()));
    }
    return of(series);
  }

  // ---- shape and schema ----

  public Schema schema() {
    checkOpen();
    return schema;
  }

  public Shape shape() {
    return new Shape(height(), width());
  }

  public long height() {
    checkOpen();
    return height;
  }

  public int width() {
    checkOpen();
    return columns.size();
  }

  /** True when the frame has no rows. */
  public boolean isEmpty() {
    return height() == 0;
  }

  /** The column names in order. */
  public List<String> columns() {
    return schema().names();
  }

  public List<DataType> dtypes() {
    return schema().types();
  }

  /**
   * The column called {@code name}, as a borrowed view (see the class comment).
   *
   * @throws dev.floe.errors.ColumnNotFoundException listing the columns there are
   */
  public Series column(String name) {
    return view(columns.get(schema().indexOf(name)));
  }

  /** The column at {@code index} (negative counts from the end), as a borrowed view. */
  public Series column(int index) {
    int resolved = index < 0 ? index + width() : index;
    if (resolved < 0 || resolved >= width()) {
      throw new InvalidOperationException(
          "column index " + index + " is out of range for a DataFrame of " + width() + " columns "
              + columns());
    }
    return view(columns.get(resolved));
  }

  /** All columns as borrowed views. */
  public List<Series> getColumns() {
    checkOpen();
    List<Series> views = new ArrayList<>(columns.size());
    for (Series series : columns) {
      views.add(view(series));
    }
    return views;
  }

  // ---- row selection (zero-copy) ----

  public DataFrame head() {
    return head(5);
  }

  /** The first {@code count} rows; a negative count means all but the last {@code -count}. */
  public DataFrame head(long count) {
    Ranges.Range range = Ranges.head(height(), count);
    return sliceRange(range);
  }

  public DataFrame tail() {
    return tail(5);
  }

  /** The last {@code count} rows; a negative count means all but the first {@code -count}. */
  public DataFrame tail(long count) {
    return sliceRange(Ranges.tail(height(), count));
  }

  /** {@code length} rows from {@code offset}; a negative offset counts from the end; clipped. */
  public DataFrame slice(long offset, long length) {
    return sliceRange(Ranges.slice(height(), offset, length));
  }

  /** The rows from {@code offset} to the end. */
  public DataFrame slice(long offset) {
    return slice(offset, Long.MAX_VALUE);
  }

  private DataFrame sliceRange(Ranges.Range range) {
    return mapColumns(series -> series.slice(range.start(), range.length()));
  }

  // ---- column selection and modification ----

  /** The named columns in the given order. */
  public DataFrame select(String... names) {
    return select(Arrays.asList(names));
  }

  public DataFrame select(List<String> names) {
    return FrameEdits.select(this, names);
  }

  /** All columns but the named ones (each of which must exist). */
  public DataFrame drop(String... names) {
    return FrameEdits.drop(this, Arrays.asList(names));
  }

  /** The same columns with some renamed ({@code old -> new}); every old name must exist. */
  public DataFrame rename(Map<String, String> mapping) {
    return FrameEdits.rename(this, mapping);
  }

  public DataFrame rename(String oldName, String newName) {
    return rename(Map.of(oldName, newName));
  }

  /**
   * This frame with {@code series} (adopted) replacing the column of the same name in place, or
   * appended as the last column.
   *
   * @throws ShapeMismatchException when its length is not the frame's height
   */
  public DataFrame withColumn(Series series) {
    if (closed) {
      series.close();
      checkOpen();
    }
    return FrameEdits.withColumn(this, series);
  }

  /** This frame with the series (adopted) appended as columns; names must be new. */
  public DataFrame hstack(Series... series) {
    if (closed) {
      Arrays.asList(series).forEach(Series::close);
      checkOpen();
    }
    return FrameEdits.hstack(this, series);
  }

  /** This frame with the other frame's columns appended; names must be new. */
  public DataFrame hstack(DataFrame other) {
    return hstack(other.getColumns().toArray(Series[]::new));
  }

  /**
   * The other frame's rows under this frame's, sharing both frames' buffers.
   *
   * @throws dev.floe.errors.SchemaMismatchException naming the first column that differs
   */
  public DataFrame vstack(DataFrame other) {
    return Stacking.vertical(List.of(this, other));
  }

  // ---- expressions (see FrameExpressions) ----

  /**
   * The columns the expressions compute ({@code df.select(col("a"), col("b").mul(2).alias("c"))}).
   * Reductions and literals broadcast to the frame's height unless every expression is one.
   *
   * @throws dev.floe.errors.ColumnNotFoundException for an unknown column, before any work
   * @throws InvalidOperationException for an operation the types do not support, naming it
   */
  public DataFrame select(Expr... exprs) {
    checkOpen();
    return FrameExpressions.select(this, Arrays.asList(exprs));
  }

  /** This frame with the expressions' columns replacing those of the same name, or appended. */
  public DataFrame withColumns(Expr... exprs) {
    checkOpen();
    return FrameExpressions.withColumns(this, Arrays.asList(exprs));
  }

  /** The rows where the bool {@code predicate} is true (null counts as false). */
  public DataFrame filter(Expr predicate) {
    checkOpen();
    return FrameExpressions.filter(this, predicate);
  }

  /** Sorted by the named columns, ascending, nulls first; stable. */
  public DataFrame sort(String... by) {
    return sort(Arrays.stream(by).map(Exprs::col).toList(), SortOptions.DEFAULT);
  }

  /** Sorted by the expressions' values, ascending, nulls first; stable. */
  public DataFrame sort(Expr... by) {
    return sort(Arrays.asList(by), SortOptions.DEFAULT);
  }

  public DataFrame sort(String by, SortOptions options) {
    return sort(List.of(Exprs.col(by)), options);
  }

  /** Sorted by the named columns (most significant first) with {@code options}; stable. */
  public DataFrame sort(SortOptions options, String... by) {
    return sort(Arrays.stream(by).map(Exprs::col).toList(), options);
  }

  /** Sorted by several keys (most significant first) with {@code options}; stable. */
  public DataFrame sort(List<Expr> by, SortOptions options) {
    checkOpen();
    return FrameExpressions.sort(this, by, options);
  }

  /** The named columns cast (strictly) to the given types; others unchanged. */
  public DataFrame cast(Map<String, DataType> types) {
    checkOpen();
    return FrameExpressions.cast(this, types);
  }

  /** The rows without a null in the named columns (all columns when none are named). */
  public DataFrame dropNulls(String... subset) {
    checkOpen();
    return FrameExpressions.dropNulls(this, Arrays.asList(subset));
  }

  /**
   * One row per element of the named list columns, as Polars' {@code explode}: the other columns
   * repeat, an empty or null list gives one null row; several columns need equal list lengths.
   */
  public DataFrame explode(String... columns) {
    checkOpen();
    // the lazy explode's streaming operator, run without optimization: one implementation of both
    return lazy().explode(columns).collect(CollectOptions.DEFAULT.withNoOptimization(true));
  }

  /** The distinct rows (all columns), keeping the first of each set of duplicates, in order. */
  public DataFrame unique() {
    return unique(UniqueOptions.DEFAULT);
  }

  /** The rows left after removing duplicates as {@code options} say (Polars' {@code unique}). */
  public DataFrame unique(UniqueOptions options) {
    checkOpen();
    return FrameUnique.unique(this, options);
  }

  /** The groups of rows with equal values in the named columns, for {@link GroupBy#agg}. */
  public GroupBy groupBy(String... keys) {
    return groupBy(GroupByOptions.DEFAULT, Arrays.stream(keys).map(Floe::col).toArray(Expr[]::new));
  }

  /** The groups of rows with equal key values ({@code col("a")}, {@code col("a").mod(10).alias("k")}). */
  public GroupBy groupBy(Expr... keys) {
    return groupBy(GroupByOptions.DEFAULT, keys);
  }

  /** {@link #groupBy(Expr...)} with options ({@code maintainOrder}), as Polars' {@code group_by}. */
  public GroupBy groupBy(GroupByOptions options, Expr... keys) {
    checkOpen();
    return new GroupBy(this, lazy().groupBy(options, keys));
  }

  /** {@link #groupBy(String...)} with options. */
  public GroupBy groupBy(GroupByOptions options, String... keys) {
    return groupBy(options, Arrays.stream(keys).map(Floe::col).toArray(Expr[]::new));
  }

  /** The inner join with {@code other} on the columns {@code on} of both (Polars' {@code join(other, on=...)}). */
  public DataFrame join(DataFrame other, String... on) {
    return join(other, dev.floe.planner.plan.JoinOptions.on(on));
  }

  /**
   * The join with {@code other} as {@code options} say (keys, type, suffix, validation, null
   * matching, coalescing, order): see {@link dev.floe.planner.plan.JoinOptions} and Polars' {@code join}.
   */
  public DataFrame join(DataFrame other, dev.floe.planner.plan.JoinOptions options) {
    checkOpen();
    return FrameJoin.join(this, other, options);
  }

  /**
   * The as-of join with {@code other} (Polars' {@code join_asof}): every row of this frame, in
   * order, with the columns of the {@code other} row whose key is nearest before (backward, the
   * default), after (forward) or around (nearest) its own, within the by groups and the tolerance,
   * or nulls. Both frames must be sorted by their key; see {@link dev.floe.planner.plan.AsofJoinOptions}.
   */
  public DataFrame joinAsof(DataFrame other, dev.floe.planner.plan.AsofJoinOptions options) {
    checkOpen();
    return FrameJoin.joinAsof(this, other, options);
  }

  /** The {@code k} rows with the largest keys, largest first, nulls last (Polars' {@code top_k}). */
  public DataFrame topK(long k, String... by) {
    return lazy().topK(k, by).collect();
  }

  /** {@link #topK(long, String...)}; {@code reverse} (per key, one for all, or empty) flips a key. */
  public DataFrame topK(long k, List<Expr> by, List<Boolean> reverse) {
    return lazy().topK(k, by, reverse).collect();
  }

  /** The {@code k} rows with the smallest keys, smallest first, nulls last (Polars' {@code bottom_k}). */
  public DataFrame bottomK(long k, String... by) {
    return lazy().bottomK(k, by).collect();
  }

  /** {@link #bottomK(long, String...)}; {@code reverse} flips a key. */
  public DataFrame bottomK(long k, List<Expr> by, List<Boolean> reverse) {
    return lazy().bottomK(k, by, reverse).collect();
  }

  /** Per row: does another row equal it in every column (Polars' {@code is_duplicated})? */
  public Series isDuplicated() {
    return FrameDuplicates.isDuplicated(this);
  }

  /** Per row: is it unlike every other row (Polars' {@code is_unique})? */
  public Series isUnique() {
    return FrameDuplicates.isUnique(this);
  }

  /** The number of distinct rows over {@code subset} (all columns if none; Polars' {@code n_unique}). */
  public long nUnique(String... subset) {
    return FrameDuplicates.nUnique(this, List.of(subset));
  }

  /**
   * Nulls replaced by {@code value} in the columns whose type it fits (a number: numeric columns;
   * a string: string columns; ...), as Polars' {@code fill_null(value)}.
   */
  public DataFrame fillNull(Object value) {
    checkOpen();
    return FrameExpressions.fillNull(this, value);
  }

  // ---- rows and Java values ----

  /** The values of row {@code index} (negative counts from the end), in column order. */
  public List<Object> row(long index) {
    return FrameRows.row(this, index);
  }

  /** Row {@code index} as an ordered map of column name to value. */
  public Map<String, Object> rowNamed(long index) {
    return FrameRows.rowNamed(this, index);
  }

  /** Every row as a list of values. */
  public List<List<Object>> rows() {
    return FrameRows.rows(this);
  }

  /** Every row as an ordered map of column name to value. */
  public List<Map<String, Object>> rowsNamed() {
    return FrameRows.rowsNamed(this);
  }

  /** The values of each column, as one list per column. */
  public List<List<Object>> toList() {
    return new ArrayList<>(toMap().values());
  }

  /** Column name to the column's values, in column order. */
  public Map<String, List<Object>> toMap() {
    return FrameRows.toMap(this);
  }

  // ---- whole-frame operations ----

  /** Another frame over the same buffers (no copy); close it on its own. */
  @Override
  public DataFrame clone() {
    return mapColumns(Series::share);
  }

  /** The same data with every column in one contiguous chunk. */
  public DataFrame rechunk() {
    return mapColumns(Series::rechunk);
  }

  /** One row with each column's number of nulls, as {@code u32} columns (as in Polars). */
  public DataFrame nullCount() {
    return mapColumns(series -> Series.fromColumn(series.name(), JavaValues.toColumn(
        BufferAllocator.current(), DataType.UINT32, List.of(series.nullCount()))));
  }

  /** Bytes held by the buffers of all columns (shared buffers counted once per column). */
  public long estimatedSize() {
    checkOpen();
    long bytes = 0;
    for (Series series : columns) {
      bytes += series.estimatedSize();
    }
    return bytes;
  }

  /** Summary statistics per column, as Polars' {@code describe()} (25%, 50% and 75%). */
  public DataFrame describe() {
    return Describe.describe(this, Describe.DEFAULT_PERCENTILES);
  }

  /** Summary statistics with the given percentiles (each in [0, 1]). */
  public DataFrame describe(double... percentiles) {
    return Describe.describe(this, percentiles);
  }

  /** Polars' {@code glimpse()}: one line per column with its type and first 10 values. */
  public String glimpse() {
    return glimpse(10);
  }

  public String glimpse(int maxItemsPerColumn) {
    checkOpen();
    return GlimpseFormatter.format(formatView(), maxItemsPerColumn);
  }

  // ---- object methods ----

  /** Equal when the column names, types and values are (NaN equals NaN). */
  @Override
  public boolean equals(Object other) {
    return other instanceof DataFrame that
        && (this == that || (schema().equals(that.schema()) && columns.equals(that.columns)));
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }

  /** The frame as Polars prints it, within the limits of {@link Floe#config()}. */
  @Override
  public String toString() {
    if (closed) {
      return "DataFrame[closed]";
    }
    return FrameFormatter.format(formatView(), FloeConfig.INSTANCE.current());
  }

  /** Releases this frame's references to its buffers. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      columns.forEach(Series::close);
    }
  }

  private static Series view(Series owned) {
    return Series.borrowed(owned);
  }

  /** A frame over {@code owned} series (none borrowed), for the helpers of this package. */
  static DataFrame adopt(List<Series> owned) {
    return new DataFrame(owned);
  }

  /** The frame's own series at {@code index}; callers share it, never close it. */
  Series owned(int index) {
    checkOpen();
    return columns.get(index);
  }

  private void checkOpen() {
    if (closed) {
      throw new InvalidOperationException("DataFrame was used after close()");
    }
  }

  /** A new frame of one derived series per column; closes those made so far if one fails. */
  private DataFrame mapColumns(Function<Series, Series> derive) {
    checkOpen();
    List<Series> derived = new ArrayList<>(columns.size());
    try {
      for (Series series : columns) {
        derived.add(derive.apply(series));
      }
    } catch (RuntimeException failure) {
      derived.forEach(Series::close);
      throw failure;
    }
    return new DataFrame(derived);
  }

  private FrameView formatView() {
    return FrameRows.view(this, height, columns);
  }

  // ---- JSON ----

  /** Writes the frame as a JSON array of row objects, as Polars' {@code write_json}; atomic. */
  public void writeJson(java.nio.file.Path path) {
    JsonIo.writeJson(this, path);
  }

  /** Writes the frame as newline-delimited JSON, as Polars' {@code write_ndjson}; atomic. */
  public void writeNdjson(java.nio.file.Path path) {
    JsonIo.writeNdjson(this, path, dev.floe.io.json.JsonWriteOptions.DEFAULT);
  }

  /** {@link #writeNdjson(java.nio.file.Path)} with Polars' options (gzip compression). */
  public void writeNdjson(java.nio.file.Path path, dev.floe.io.json.JsonWriteOptions options) {
    JsonIo.writeNdjson(this, path, options);
  }

  // ---- Arrow IPC ----

  /** Writes this frame as an uncompressed Arrow IPC file (atomically: temp file, then rename). */
  public void writeIpc(java.nio.file.Path path) {
    IpcFrames.write(this, path, dev.floe.io.ipc.IpcWriteOptions.DEFAULT, false);
  }

  /**
   * Writes this frame as an Arrow IPC file with options (compression, record batch size, and
   * {@link dev.floe.io.ipc.IpcWriteOptions#withMemoryMapped} for a file other processes read in
   * place, e.g. through {@code /dev/shm}).
   */
  public void writeIpc(java.nio.file.Path path, dev.floe.io.ipc.IpcWriteOptions options) {
    IpcFrames.write(this, path, options, false);
  }

  /** Writes this frame as an uncompressed Arrow IPC stream. */
  public void writeIpcStream(java.nio.file.Path path) {
    IpcFrames.write(this, path, dev.floe.io.ipc.IpcWriteOptions.DEFAULT, true);
  }

  /** Writes this frame as an Arrow IPC stream with options. */
  public void writeIpcStream(java.nio.file.Path path, dev.floe.io.ipc.IpcWriteOptions options) {
    IpcFrames.write(this, path, options, true);
  }

  // ---- CSV ----

  /** Writes this frame as CSV with Polars' defaults, atomically (see {@link #writeCsv(java.nio.file.Path, dev.floe.io.csv.CsvWriteOptions)}). */
  public void writeCsv(java.nio.file.Path path) {
    writeCsv(path, dev.floe.io.csv.CsvWriteOptions.DEFAULT);
  }

  /** Writes this frame as CSV, as Polars' {@code write_csv}; the target is replaced only on success. */
  public void writeCsv(java.nio.file.Path path, dev.floe.io.csv.CsvWriteOptions options) {
    CsvFrames.write(this, path, options);
  }

  /**
   * This frame with a first column {@code name} of u32 row numbers starting at {@code offset}, as
   * Polars' {@code with_row_index}; the other columns are shared, not copied.
   *
   * @throws dev.floe.errors.InvalidOperationException for a negative offset or numbers beyond u32
   */
  public DataFrame withRowIndex(String name, long offset) {
    checkOpen();
    return FrameRowIndex.withRowIndex(this, name, offset);
  }

  /** {@link #withRowIndex(String, long)} counting from 0. */
  public DataFrame withRowIndex(String name) {
    return withRowIndex(name, 0);
  }

  // ---- Parquet ----

  /** Writes this frame as a Parquet file with Polars' defaults (ZSTD, statistics, 512^2-row groups), atomically. */
  public void writeParquet(java.nio.file.Path path) {
    writeParquet(path, dev.floe.io.parquet.ParquetWriteOptions.DEFAULT);
  }

  /**
   * Writes this frame as Parquet, as Polars' {@code write_parquet}: one file, or with
   * {@code options.withPartitionBy(...)} a hive-partitioned directory ({@code col=value/00000000.parquet}).
   * Every file is replaced only on success.
   */
  public void writeParquet(java.nio.file.Path path, dev.floe.io.parquet.ParquetWriteOptions options) {
    ParquetWrites.write(this, path, options);
  }

  // ---- Arrow C Data Interface and Python ----

  /**
   * Exports this frame through the Arrow C Data Interface as one struct array ({@code +s}, one
   * child per column) into the caller's 80-byte {@code ArrowArray} and 72-byte {@code ArrowSchema}
   * ({@code dev.floe.ffi.cdata.ArrowStructs.allocateArray()/allocateSchema()} make them). The
   * consumer gets Floe's buffers, not copies, and calls the structs' release callbacks when done;
   * this frame may be closed at any time. A frame whose columns are in several chunks is rechunked
   * first (a copy), since one array has one chunk; {@link #exportArrowStream()} keeps the chunks.
   */
  public void exportArrow(java.lang.foreign.MemorySegment arrowArray, java.lang.foreign.MemorySegment arrowSchema) {
    checkOpen();
    ArrowInterop.exportArray(this, arrowArray, arrowSchema);
  }

  /**
   * Exports this frame as an Arrow C Stream ({@code ArrowArrayStream}) into the caller's 40-byte
   * struct: one batch per chunk, Floe's buffers, no copy. The consumer owns the stream and calls
   * its release when done (this frame may be closed before that).
   */
  public void exportArrowStream(java.lang.foreign.MemorySegment arrowArrayStream) {
    checkOpen();
    ArrowInterop.exportStream(this, arrowArrayStream);
  }

  /**
   * {@link #exportArrowStream(java.lang.foreign.MemorySegment)} into a new struct from the C heap,
   * which the consumer frees with C's {@code free} after releasing it (as pyarrow's and DuckDB's
   * importers of a moved stream expect).
   */
  public java.lang.foreign.MemorySegment exportArrowStream() {
    checkOpen();
    return ArrowInterop.exportStream(this);
  }

  /**
   * This frame as a Python object in the embedded interpreter ({@link Floe#python()}): a {@code
   * pyarrow.Table}, {@code polars.DataFrame} or {@code pandas.DataFrame}, handed over through the
   * Arrow PyCapsule protocol (see {@link PythonFrame} for what is copied). Close the reference to
   * drop Python's hold on it.
   */
  public dev.floe.ffi.python.PyObjectRef toPython(PythonFrame kind) {
    checkOpen();
    return PythonFrames.toPython(this, kind);
  }

  /**
   * Runs the Python function {@code function}, defined by {@code pythonSource}, on each batch of
   * this frame (a {@code pyarrow.RecordBatch} over Floe's buffers) and returns the concatenated
   * results, taken back zero-copy: Polars' {@code map_batches} with a Python UDF and no
   * serialization. The function may return a pyarrow Table or RecordBatch, a polars or pandas
   * DataFrame, or anything with {@code __arrow_c_stream__}. A Python exception becomes a {@code
   * PythonException} carrying the traceback.
   */
  public DataFrame mapBatchesPython(String pythonSource, String function) {
    return mapBatchesPython(pythonSource, function, PythonFrame.PYARROW);
  }

  /** {@link #mapBatchesPython(String, String)} with each batch passed as {@code input}'s frame type. */
  public DataFrame mapBatchesPython(String pythonSource, String function, PythonFrame input) {
    checkOpen();
    return PythonFrames.mapBatches(this, pythonSource, function, input);
  }

  /**
   * A lazy query over this frame: operations are recorded, optimized and run by {@link
   * LazyFrame#collect()}, which reads this frame's buffers then (the frame must still be open).
   */
  public LazyFrame lazy() {
    checkOpen();
    return new LazyFrame(dev.floe.planner.plan.Scan.of(new FrameScanSource(this)));
  }
}
