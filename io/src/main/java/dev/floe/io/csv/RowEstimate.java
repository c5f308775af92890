package dev.floe.io.csv;

import dev.floe.kernels.TextScan;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;

/**
 * Chooses a chunk's builders (Utf8: {@link CsvStringBuilder}) and sizes them up front from the rows it probably holds, so that they do not regrow
 * (each regrowth copies the column and touches fresh pages). The estimate counts the newlines of
 * the chunk's first {@link #SAMPLE} bytes ({@link TextScan#mask64}) and scales it to the chunk,
 * plus 5%; a wrong guess only costs memory (the buffers are not zeroed, so untouched pages are
 * free) or a regrowth, never a different result. Small chunks keep the default sizes.
 */
final class RowEstimate {
  static final long SAMPLE = 64 * 1024;
  private static final long SMALL_CHUNK = 1 << 20;
  private static final long MAX_ROWS = 1 << 24;

  private RowEstimate() {}

  /** The rows {@code [start, end)} probably holds (at most {@code limit}); 0 means "no idea". */
  static int rows(MemorySegment data, long start, long end, long limit) {
    long span = end - start;
    if (span < SMALL_CHUNK) {
      return 0;
    }
    long newlines = 0;
    long stop = start + SAMPLE;
    for (long p = start; p < stop; p += 64) {
      newlines += Long.bitCount(TextScan.mask64(data, p, (byte) '\n', (byte) '\n'));
    }
    if (newlines == 0) {
      return 0;
    }
    long rows = span / SAMPLE * newlines + span / SAMPLE * newlines / 20 + 16;
    return (int) Math.min(Math.min(rows, limit), MAX_ROWS);
  }

  /** A builder for {@code type}, sized for {@code rows} values when that is known and useful. */
  static ColumnBuilder builder(DataType type, int rows, BufferAllocator allocator) {
    if (type instanceof DataType.Utf8) {
      return new CsvStringBuilder(type, allocator, rows);
    }
    if (rows > 0) {
      switch (type) {
        case DataType.Int64 t -> {
          return new FixedWidthBuilder(type, allocator, rows);
        }
        case DataType.Float64 t -> {
          return new FixedWidthBuilder(type, allocator, rows);
        }
        case DataType.Date32 t -> {
          return new FixedWidthBuilder(type, allocator, rows);
        }
        default -> { }
      }
    }
    return ColumnBuilders.forType(type, allocator);
  }
}
