package dev.floe.kernels;

import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.math.BigDecimal;

/**
 * Per-row reads used by the reductions of the less common types (the scalar element path): every
 * integer width as a long, every numeric type as a double, and min/max over any fixed-width type by
 * its ordering key.
 */
public final class AggregateValues {
  private AggregateValues() {}

  /** An integer or temporal value widened to long (unsigned types zero-extended). */
  public static long asLong(FixedWidthColumn column, int row) {
    return switch (column.type()) {
      case DataType.Int8 t -> column.getByte(row);
      case DataType.UInt8 t -> Byte.toUnsignedInt(column.getByte(row));
      case DataType.Int16 t -> column.getShort(row);
      case DataType.UInt16 t -> Short.toUnsignedInt(column.getShort(row));
      case DataType.Int32 t -> column.getInt(row);
      case DataType.Date32 t -> column.getInt(row);
      case DataType.UInt32 t -> Integer.toUnsignedLong(column.getInt(row));
      default -> column.getLong(row);
    };
  }

  /** A numeric, decimal or boolean value as a double (UInt64 as unsigned). */
  static double asDouble(Column column, int row) {
    if (column instanceof BooleanColumn bool) {
      return bool.getBoolean(row) ? 1.0 : 0.0;
    }
    FixedWidthColumn fixed = (FixedWidthColumn) column;
    return switch (fixed.type()) {
      case DataType.Float64 t -> fixed.getDouble(row);
      case DataType.Float32 t -> fixed.getFloat(row);
      case DataType.UInt64 t -> unsignedToDouble(fixed.getLong(row));
      case DataType.Decimal128 d -> ((BigDecimal) fixed.getObject(row)).doubleValue();
      default -> asLong(fixed, row);
    };
  }

  /** Correctly rounded: halve keeping the lowest bit as a sticky bit (round to odd), then double. */
  static double unsignedToDouble(long bits) {
    return bits >= 0 ? (double) bits : (double) ((bits >>> 1) | (bits & 1)) * 2.0;
  }

  /**
   * Min or max over a fixed-width column of a type without a dedicated kernel; returns the row's
   * {@code getObject} value. Floats skip NaN unless all values are NaN.
   */
  static Object genericExtreme(FixedWidthColumn column, boolean min) {
    DataType type = column.type();
    int best = -1;
    for (int row = 0; row < column.length(); row++) {
      if (column.isNull(row)) {
        continue;
      }
      if (best < 0 || better(column, type, row, best, min)) {
        best = row;
      }
    }
    return column.getObject(best);
  }

  private static boolean better(
      FixedWidthColumn column, DataType type, int row, int best, boolean min) {
    int order;
    if (type.isFloatingPoint()) {
      double value = asDouble(column, row);
      double current = asDouble(column, best);
      if (Double.isNaN(value)) {
        return false;
      }
      if (Double.isNaN(current)) {
        return true;
      }
      order = Double.compare(value, current);
    } else if (type instanceof DataType.Decimal128) {
      order = column.getUnscaledDecimal(row).compareTo(column.getUnscaledDecimal(best));
    } else if (type instanceof DataType.UInt64) {
      order = Long.compareUnsigned(column.getLong(row), column.getLong(best));
    } else {
      order = Long.compare(asLong(column, row), asLong(column, best));
    }
    return min ? order < 0 : order > 0;
  }
}
