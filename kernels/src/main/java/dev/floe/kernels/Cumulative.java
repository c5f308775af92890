package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;

/**
 * Running reductions (Polars' cum_sum, cum_prod, cum_min, cum_max, cum_count), front to back or,
 * with {@code reverse}, back to front. A null row stays null and does not change the running
 * value. The result has the input's type (the planner casts first: small integers sum as i64,
 * integers multiply as i64): integers wrap in their width, f32 computes in float precision, NaN
 * propagates through sums and products but is skipped by min and max (it is the running value
 * only until a number arrives, as in Polars); among equal values (-0.0 and 0.0) the later wins.
 */
public final class Cumulative {
  /** The running reductions over values. */
  public enum Op {
    SUM,
    PROD,
    MIN,
    MAX
  }

  private Cumulative() {}

  /** The running {@code op} of a numeric, bool (min/max) or temporal column. */
  public static Column apply(Column column, Op op, boolean reverse, BufferAllocator allocator) {
    if (column instanceof BooleanColumn bool && (op == Op.MIN || op == Op.MAX)) {
      return booleans(bool, op == Op.MIN, reverse, allocator);
    }
    if (!(column instanceof FixedWidthColumn fixed)
        || !(column.type().isNumeric() || column.type().isTemporal())
        || (column.type().isTemporal() && (op == Op.PROD))) {
      throw new InvalidOperationException(
          "cum" + op.name().charAt(0) + op.name().substring(1).toLowerCase(java.util.Locale.ROOT)
              + " is not supported for a column of type " + column.type());
    }
    int length = fixed.length();
    Buffer validity = BooleanOps.copyValidity(fixed, allocator);
    Buffer out = FixedValues.allocate(fixed.type(), length, allocator);
    try {
      if (fixed.type().isFloatingPoint()) {
        floats(fixed, op, reverse, out.segment());
      } else {
        integers(fixed, op, reverse, out.segment());
      }
    } catch (RuntimeException failure) {
      BooleanOps.release(validity, out);
      throw failure;
    }
    return FixedValues.column(fixed.type(), length, validity, out);
  }

  /** The number of non-null values up to each row (u32, never null). */
  public static Column count(Column column, boolean reverse, BufferAllocator allocator) {
    int length = column.length();
    Buffer out = FixedValues.allocate(DataType.UINT32, length, allocator);
    MemorySegment values = out.segment();
    boolean allValid = column.nullCount() == 0;
    int count = 0;
    for (int step = 0; step < length; step++) {
      int row = reverse ? length - 1 - step : step;
      if (allValid || column.isValid(row)) {
        count++;
      }
      FixedValues.write(values, 4, row, count);
    }
    return FixedValues.column(DataType.UINT32, length, null, out);
  }

  private static void integers(FixedWidthColumn column, Op op, boolean reverse, MemorySegment out) {
    MemorySegment values = column.valuesBuffer().segment();
    MemorySegment validity = Aggregate.validityOrNull(column);
    int width = column.type().byteWidth();
    boolean signed = FixedValues.signed(column.type());
    boolean unsigned64 = column.type() instanceof DataType.UInt64;
    int length = column.length();
    long offset = column.offset();
    boolean started = false;
    long state = 0;
    for (int step = 0; step < length; step++) {
      int row = reverse ? length - 1 - step : step;
      if (validity != null && !Bitmaps.get(validity, offset + row)) {
        FixedValues.write(out, width, row, 0);
        continue;
      }
      long value = FixedValues.read(values, width, signed, offset + row);
      if (!started) {
        state = value;
        started = true;
      } else {
        state = switch (op) {
          case SUM -> state + value;
          case PROD -> state * value;
          case MIN -> (unsigned64 ? Long.compareUnsigned(value, state) : Long.compare(value, state))
              <= 0 ? value : state;
          case MAX -> (unsigned64 ? Long.compareUnsigned(value, state) : Long.compare(value, state))
              >= 0 ? value : state;
        };
      }
      FixedValues.write(out, width, row, state);
    }
  }

  private static void floats(FixedWidthColumn column, Op op, boolean reverse, MemorySegment out) {
    MemorySegment values = column.valuesBuffer().segment();
    MemorySegment validity = Aggregate.validityOrNull(column);
    int width = column.type().byteWidth();
    int length = column.length();
    long offset = column.offset();
    boolean started = false;
    double state = 0;
    for (int step = 0; step < length; step++) {
      int row = reverse ? length - 1 - step : step;
      if (validity != null && !Bitmaps.get(validity, offset + row)) {
        FixedValues.writeDouble(out, width, row, 0);
        continue;
      }
      double value = FixedValues.readDouble(values, width, offset + row);
      if (!started) {
        state = value;
        started = true;
      } else {
        state = switch (op) {
          case SUM -> width == 4 ? (float) state + (float) value : state + value;
          case PROD -> width == 4 ? (float) state * (float) value : state * value;
          case MIN -> Double.isNaN(value) ? state
              : Double.isNaN(state) || value <= state ? value : state;
          case MAX -> Double.isNaN(value) ? state
              : Double.isNaN(state) || value >= state ? value : state;
        };
      }
      FixedValues.writeDouble(out, width, row, state);
    }
  }

  /** Running AND (min) or OR (max) of a bool column. */
  private static Column booleans(
      BooleanColumn column, boolean min, boolean reverse, BufferAllocator allocator) {
    int length = column.length();
    Buffer validity = BooleanOps.copyValidity(column, allocator);
    Buffer out = BooleanOps.allocateZeroedBitmap(allocator, length);
    MemorySegment bits = out.segment();
    boolean started = false;
    boolean state = false;
    for (int step = 0; step < length; step++) {
      int row = reverse ? length - 1 - step : step;
      if (column.isNull(row)) {
        continue;
      }
      boolean value = column.getBoolean(row);
      state = !started ? value : min ? state && value : state || value;
      started = true;
      if (state) {
        Bitmaps.set(bits, row);
      }
    }
    return new BooleanColumn(0, length, validity == null ? 0 : -1, validity, out);
  }
}
