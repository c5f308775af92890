package dev.floe.io.csv;

import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;

/**
 * A batch of parsed rows on the heap, per column, for {@link CsvFastRecords}: a plain array store
 * per value instead of a builder call with its capacity check and validity bookkeeping, and one
 * bulk append per column and batch ({@link FixedWidthBuilder#appendLongs}, {@link
 * CsvStringBuilder#appendAll}). Int64 values and Float64 bits go to {@link #longs}, Date32 days to
 * {@link #ints}, a Utf8 value is its byte range in the data ({@link #longs} start, {@link #ints}
 * length). Nulls are bits of {@link #nulls}; a batch with nulls in a column appends it value by value.
 */
final class CsvStaging {
  static final int INT64 = 1;
  static final int FLOAT64 = 2;
  static final int UTF8 = 3;
  static final int DATE32 = 4;
  /** Rows per batch: the arrays of 16 columns stay within a core's L2 cache. */
  static final int BATCH = 1024;

  /** Column {@code c}, row {@code r} at {@code c * BATCH + r} (one array: one bounds check). */
  final long[] longs;
  final int[] ints;
  final long[][] nulls;
  private final boolean[] hasNulls;
  private final int[] kinds;
  private final MemorySegment data;
  /** Rows staged so far. */
  int rows;
  /** The chunk's estimated rows ({@link RowEstimate}; 0: unknown), until the first flush. */
  private long expectedRows;

  CsvStaging(DataType[] types, MemorySegment data, long expectedRows) {
    int width = types.length;
    this.data = data;
    this.expectedRows = expectedRows;
    this.kinds = new int[width];
    this.longs = new long[width * BATCH];
    this.ints = new int[width * BATCH];
    this.nulls = new long[width][BATCH / 64];
    this.hasNulls = new boolean[width];
    for (int column = 0; column < width; column++) {
      kinds[column] = kind(types[column]);
    }
  }

  /** The staging kind of a column type; 0 when the fast path does not read it. */
  static int kind(DataType type) {
    return switch (type) {
      case DataType.Int64 t -> INT64;
      case DataType.Float64 t -> FLOAT64;
      case DataType.Utf8 t -> UTF8;
      case DataType.Date32 t -> DATE32;
      default -> 0;
    };
  }

  boolean full() {
    return rows == BATCH;
  }

  void setNull(int column, int row) {
    nulls[column][row >>> 6] |= 1L << row;
    hasNulls[column] = true;
  }

  /** Forgets the partly staged row {@code row} (its null bits); returns -1 for the caller. */
  long abandon(int row) {
    for (int column = 0; column < nulls.length; column++) {
      nulls[column][row >>> 6] &= ~(1L << row);
    }
    return -1;
  }

  /** Appends the staged rows to {@code builders} (one per column) and empties the batch. */
  void flush(ColumnBuilder[] builders) {
    int count = rows;
    if (count == 0) {
      return;
    }
    if (expectedRows > count) {
      reserveStrings(builders, count);
    }
    expectedRows = 0;
    for (int column = 0; column < builders.length; column++) {
      if (hasNulls[column]) {
        appendOneByOne(builders[column], column, count);
        java.util.Arrays.fill(nulls[column], 0L);
        hasNulls[column] = false;
        continue;
      }
      switch (kinds[column]) {
        case INT64, FLOAT64 -> ((FixedWidthBuilder) builders[column])
            .appendLongs(longs, column * BATCH, count);
        case DATE32 -> ((FixedWidthBuilder) builders[column]).appendInts(ints, column * BATCH, count);
        default -> ((CsvStringBuilder) builders[column])
            .appendAll(data, longs, ints, column * BATCH, count);
      }
    }
    rows = 0;
  }

  /**
   * At the first flush: each Utf8 column's bytes for the chunk, extrapolated from this batch (plus
   * 10%), reserved at once, so that a long string column does not regrow (each doubling copies the
   * column and touches fresh pages). A wrong guess costs untouched memory or one regrowth.
   */
  private void reserveStrings(ColumnBuilder[] builders, int count) {
    for (int column = 0; column < builders.length; column++) {
      if (kinds[column] != UTF8 || !(builders[column] instanceof CsvStringBuilder strings)) {
        continue;
      }
      long bytes = 0;
      for (int index = column * BATCH; index < column * BATCH + count; index++) {
        bytes += ints[index];
      }
      strings.reserve(bytes * expectedRows / count + bytes * expectedRows / count / 10);
    }
  }

  private void appendOneByOne(ColumnBuilder builder, int column, int count) {
    long[] bits = nulls[column];
    int base = column * BATCH;
    for (int row = 0; row < count; row++) {
      if ((bits[row >>> 6] >>> row & 1) != 0) {
        builder.appendNull();
        continue;
      }
      switch (kinds[column]) {
        case INT64 -> ((FixedWidthBuilder) builder).appendLong(longs[base + row]);
        case FLOAT64 -> ((FixedWidthBuilder) builder)
            .appendDouble(Double.longBitsToDouble(longs[base + row]));
        case DATE32 -> ((FixedWidthBuilder) builder).appendInt(ints[base + row]);
        default -> ((CsvStringBuilder) builder).append(data, longs[base + row], ints[base + row]);
      }
    }
  }
}
