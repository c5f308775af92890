package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * The row holding each group's smallest (or largest) valid value over dense group ids, the update
 * step of grouped min/max. The current best value of every group is kept in a state array beside
 * its row, so a row is compared against the state (one sequential read of the column, a write per
 * improvement) rather than against the column at the held row, a random read per row that missed
 * the cache once groups outnumber it. Floats skip NaN unless a group has only NaN, as the
 * whole-column kernels; equal values keep the first row.
 */
public final class GroupedExtremes {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
  private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
  private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

  private GroupedExtremes() {}

  /**
   * Per group, the row of its extreme valid value, or -1 for a group without valid rows. {@code
   * values} is an integer, temporal or float column of {@code ids.length} rows.
   */
  public static int[] rows(FixedWidthColumn values, int[] ids, int groups, boolean min) {
    if (values.length() != ids.length) {
      throw new InvalidOperationException(ids.length + " group ids for a column of " + values.length() + " rows");
    }
    DataType type = values.type();
    int[] best = new int[groups];
    Arrays.fill(best, -1);
    if (type.isFloatingPoint()) {
      floats(values, ids, best, min);
    } else if (type.byteWidth() <= 8 && !(type instanceof DataType.Decimal128)) {
      integers(values, ids, best, min);
    } else {
      throw new InvalidOperationException("no grouped " + (min ? "min" : "max") + " of " + type);
    }
    return best;
  }

  private static void integers(FixedWidthColumn values, int[] ids, int[] best, boolean min) {
    DataType type = values.type();
    MemorySegment data = values.valuesBuffer().segment();
    long offset = values.offset();
    MemorySegment validity = values.nullCount() == 0 ? null : values.validity().segment();
    boolean signed = type.isSignedInteger() || type.isTemporal();
    // order-preserving map to signed longs: u64 flips its sign bit; max negates the order by ~x
    long flip = type instanceof DataType.UInt64 ? Long.MIN_VALUE : 0;
    long[] held = new long[best.length];
    int width = type.byteWidth();
    for (int row = 0; row < ids.length; row++) {
      if (validity != null && !Bitmaps.get(validity, offset + row)) {
        continue;
      }
      long raw = switch (width) {
        case 8 -> data.get(LONG, (offset + row) << 3);
        case 4 -> signed ? data.get(INT, (offset + row) << 2)
            : Integer.toUnsignedLong(data.get(INT, (offset + row) << 2));
        default -> FixedValues.read(data, width, signed, offset + row);
      };
      long key = min ? raw ^ flip : ~(raw ^ flip); // smaller key wins
      int group = ids[row];
      if (best[group] < 0 || key < held[group]) {
        best[group] = row;
        held[group] = key;
      }
    }
  }

  private static void floats(FixedWidthColumn values, int[] ids, int[] best, boolean min) {
    MemorySegment data = values.valuesBuffer().segment();
    long offset = values.offset();
    MemorySegment validity = values.nullCount() == 0 ? null : values.validity().segment();
    boolean f32 = values.type() instanceof DataType.Float32;
    double[] held = new double[best.length];
    for (int row = 0; row < ids.length; row++) {
      if (validity != null && !Bitmaps.get(validity, offset + row)) {
        continue;
      }
      double value = f32 ? data.get(FLOAT, (offset + row) << 2) : data.get(DOUBLE, (offset + row) << 3);
      int group = ids[row];
      if (best[group] < 0) {
        best[group] = row;
        held[group] = value;
        continue;
      }
      if (Double.isNaN(value)) {
        continue;
      }
      double current = held[group];
      int order = Double.isNaN(current) ? (min ? -1 : 1) : Double.compare(value, current);
      if (min ? order < 0 : order > 0) {
        best[group] = row;
        held[group] = value;
      }
    }
  }
}
