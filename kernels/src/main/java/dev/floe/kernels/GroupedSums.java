package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The update step of grouped sums and counts over dense group ids: {@code sums[ids[row]] +=
 * value[row]} for every valid row, in one loop per value type reading the column's segment
 * directly (no per-row type switch or bounds-checked getter; the loop over an {@code int[]} and a
 * segment is what the JIT unrolls). Scatter-adds into a small state array are latency bound, not
 * SIMD friendly, so there is no vector twin; {@link AggregateValues}' per-row reads are the
 * reference the property test compares against.
 */
public final class GroupedSums {
  private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
  private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
  private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

  private GroupedSums() {}

  /**
   * Adds each valid integer (or temporal) value of {@code values} to {@code sums[ids[row]]} with
   * wrapping arithmetic, as Polars' integer sums; unsigned types are zero-extended.
   */
  public static void addLongs(FixedWidthColumn values, int[] ids, long[] sums) {
    check(values, ids);
    DataType type = values.type();
    if (type.isFloatingPoint() || type instanceof DataType.Decimal128) {
      throw new InvalidOperationException("an integer sum of " + type);
    }
    MemorySegment data = values.valuesBuffer().segment();
    long offset = values.offset();
    MemorySegment validity = validity(values);
    boolean signed = type.isSignedInteger() || type.isTemporal();
    int rows = ids.length;
    switch (type.byteWidth()) {
      case 8 -> {
        for (int row = 0; row < rows; row++) {
          if (validity == null || Bitmaps.get(validity, offset + row)) {
            sums[ids[row]] += data.get(LONG, (offset + row) << 3);
          }
        }
      }
      case 4 -> {
        long mask = signed ? -1L : 0xFFFF_FFFFL;
        for (int row = 0; row < rows; row++) {
          if (validity == null || Bitmaps.get(validity, offset + row)) {
            sums[ids[row]] += data.get(INT, (offset + row) << 2) & mask;
          }
        }
      }
      default -> {
        for (int row = 0; row < rows; row++) {
          if (validity == null || Bitmaps.get(validity, offset + row)) {
            sums[ids[row]] += FixedValues.read(data, type.byteWidth(), signed, offset + row);
          }
        }
      }
    }
  }

  /**
   * Adds each valid numeric value of {@code values} as a double to {@code sums[ids[row]]}
   * (integers converted exactly as {@link AggregateValues#asDouble}: u64 as unsigned).
   */
  public static void addDoubles(FixedWidthColumn values, int[] ids, double[] sums) {
    check(values, ids);
    DataType type = values.type();
    MemorySegment data = values.valuesBuffer().segment();
    long offset = values.offset();
    MemorySegment validity = validity(values);
    int rows = ids.length;
    switch (type) {
      case DataType.Float64 t -> {
        for (int row = 0; row < rows; row++) {
          if (validity == null || Bitmaps.get(validity, offset + row)) {
            sums[ids[row]] += data.get(DOUBLE, (offset + row) << 3);
          }
        }
      }
      case DataType.Float32 t -> {
        for (int row = 0; row < rows; row++) {
          if (validity == null || Bitmaps.get(validity, offset + row)) {
            sums[ids[row]] += data.get(FLOAT, (offset + row) << 2);
          }
        }
      }
      case DataType.Int64 t -> {
        for (int row = 0; row < rows; row++) {
          if (validity == null || Bitmaps.get(validity, offset + row)) {
            sums[ids[row]] += data.get(LONG, (offset + row) << 3);
          }
        }
      }
      case DataType.Int32 t -> {
        for (int row = 0; row < rows; row++) {
          if (validity == null || Bitmaps.get(validity, offset + row)) {
            sums[ids[row]] += data.get(INT, (offset + row) << 2);
          }
        }
      }
      default -> {
        for (int row = 0; row < rows; row++) {
          if (validity == null || Bitmaps.get(validity, offset + row)) {
            sums[ids[row]] += AggregateValues.asDouble(values, row);
          }
        }
      }
    }
  }

  /** Counts the rows of each group ({@code values} null: every row; else its valid rows). */
  public static void count(Column values, int[] ids, int[] counts) {
    int rows = ids.length;
    if (values == null || values.nullCount() == 0) {
      for (int row = 0; row < rows; row++) {
        counts[ids[row]]++;
      }
      return;
    }
    check(values, ids);
    for (int row = 0; row < rows; row++) {
      if (values.isValid(row)) {
        counts[ids[row]]++;
      }
    }
  }

  private static void check(Column values, int[] ids) {
    if (values.length() != ids.length) {
      throw new InvalidOperationException(ids.length + " group ids for a column of " + values.length() + " rows");
    }
  }

  /** The validity bitmap's segment, or null when every row is valid. */
  private static MemorySegment validity(Column values) {
    return values.nullCount() == 0 || values.validity() == null ? null : values.validity().segment();
  }
}
