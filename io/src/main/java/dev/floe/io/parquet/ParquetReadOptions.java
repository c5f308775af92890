package dev.floe.io.parquet;

import dev.floe.io.ProgressListener;
import java.util.HashSet;
import java.util.List;

/**
 * How to read a Parquet file, with the keywords of Polars' {@code read_parquet}; immutable, change
 * it with the withers: {@code ParquetReadOptions.DEFAULT.withColumns("a", "b").withNRows(10)}.
 *
 * @param columns the top-level columns to read, in this order (as Polars returns them); null for all
 * @param nRows stop after this many rows (later row groups are not read); null for all
 * @param rowIndexName adds a first u32 column of row numbers with this name; null for none
 * @param rowIndexOffset the number of the first row in the row index
 * @param parallel how to spread the decoding over {@link dev.floe.io.IoPool}
 * @param useStatistics skip row groups the {@link RowGroupFilter} rejects from their statistics
 * @param progress receives bytes and rows read; {@link ProgressListener#NONE} reports to the
 *     listener of {@code Floe.withProgress} or the process default ({@code -Dfloe.progress})
 */
public record ParquetReadOptions(List<String> columns, Long nRows, String rowIndexName, long rowIndexOffset,
    Parallel parallel, boolean useStatistics, ProgressListener progress) {

  /** Polars' {@code parallel=} choices. */
  public enum Parallel {
    /** Row groups and columns in parallel, as many tasks as (row group x column). */
    AUTO,
    /** The columns of one row group in parallel, row group after row group. */
    COLUMNS,
    /** Row groups in parallel, each decoding its columns in turn. */
    ROW_GROUPS,
    /** Everything on the calling thread. */
    NONE
  }

  /** All columns and rows, no row index, parallel AUTO, statistics used, no progress. */
  public static final ParquetReadOptions DEFAULT =
      new ParquetReadOptions(null, null, null, 0, Parallel.AUTO, true, ProgressListener.NONE);

  public ParquetReadOptions {
    if (columns != null) {
      columns = List.copyOf(columns);
      if (new HashSet<>(columns).size() != columns.size()) {
        throw new IllegalArgumentException("columns lists a column more than once: " + columns);
      }
    }
    if (nRows != null && nRows < 0) {
      throw new IllegalArgumentException("nRows must be >= 0, got " + nRows);
    }
    if (rowIndexName != null && rowIndexName.isEmpty()) {
      throw new IllegalArgumentException("rowIndexName must not be empty");
    }
    if (rowIndexOffset < 0 || rowIndexOffset > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("rowIndexOffset must be in 0..4294967295 (u32), got " + rowIndexOffset);
    }
    if (parallel == null) {
      throw new IllegalArgumentException("parallel must not be null (use Parallel.AUTO)");
    }
    progress = progress == null ? ProgressListener.NONE : progress;
  }

  public ParquetReadOptions withColumns(List<String> names) {
    return new ParquetReadOptions(names, nRows, rowIndexName, rowIndexOffset, parallel, useStatistics, progress);
  }

  public ParquetReadOptions withColumns(String... names) {
    return withColumns(List.of(names));
  }

  public ParquetReadOptions withNRows(Long rows) {
    return new ParquetReadOptions(columns, rows, rowIndexName, rowIndexOffset, parallel, useStatistics, progress);
  }

  /** Adds a first u32 column {@code name} counting rows from {@code offset}. */
  public ParquetReadOptions withRowIndex(String name, long offset) {
    return new ParquetReadOptions(columns, nRows, name, offset, parallel, useStatistics, progress);
  }

  public ParquetReadOptions withParallel(Parallel value) {
    return new ParquetReadOptions(columns, nRows, rowIndexName, rowIndexOffset, value, useStatistics, progress);
  }

  public ParquetReadOptions withUseStatistics(boolean value) {
    return new ParquetReadOptions(columns, nRows, rowIndexName, rowIndexOffset, parallel, value, progress);
  }

  public ParquetReadOptions withProgress(ProgressListener listener) {
    return new ParquetReadOptions(columns, nRows, rowIndexName, rowIndexOffset, parallel, useStatistics, listener);
  }
}
