package dev.floe.kernels.sort;

import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;

/**
 * Order-preserving normalized keys: each fixed-width value maps to a 64-bit pattern whose
 * <em>unsigned</em> order is the value order, so a radix sort can sort it byte by byte.
 *
 * <ul>
 *   <li>signed integers: flip the sign bit (two's complement becomes offset binary);
 *   <li>unsigned integers: the value itself;
 *   <li>floats: flip the sign bit of positives and every bit of negatives (M. Herf, "Radix Tricks",
 *       2001; also the normalized keys of DuckDB's sort and of Graefe's "Implementing sorting in
 *       database systems", ACM Computing Surveys 2006); -0.0 is folded into 0.0 (they compare equal)
 *       and every NaN into one pattern above +inf, so NaN sorts after all numbers as in Polars;
 *   <li>descending: the bitwise complement of the ascending key (ties keep their order because the
 *       sort is stable).
 * </ul>
 */
public final class NormalizedKeys {
  private NormalizedKeys() {}

  /** True for types this class normalizes (fixed-width numbers and temporal types up to 8 bytes). */
  public static boolean supports(DataType type) {
    return (type.isNumeric() || type.isTemporal())
        && type.byteWidth() > 0
        && type.byteWidth() <= 8
        && type.layout() == dev.floe.memory.types.Layout.FIXED_WIDTH;
  }

  /** The normalized key of row {@code index} (which must be valid). */
  public static long key(FixedWidthColumn column, int index, boolean descending) {
    long key = ascendingKey(column, index);
    return descending ? ~key : key;
  }

  /** The keys of all rows of a column without nulls, with the type dispatch out of the loop. */
  public static void fill(FixedWidthColumn column, boolean descending, long[] keys) {
    fill(column, descending, keys, 0, column.length());
  }

  /** {@link #fill(FixedWidthColumn, boolean, long[])} of rows {@code [from, length)} only. */
  public static void fill(FixedWidthColumn column, boolean descending, long[] keys, int from, int length) {
    long flip = descending ? -1L : 0L; // x ^ -1 == ~x
    DataType type = column.type();
    if (type instanceof DataType.Float64) {
      for (int row = from; row < length; row++) {
        keys[row] = floatKey(column.getDouble(row)) ^ flip;
      }
    } else if (type.byteWidth() == 8 && (type.isSignedInteger() || type.isTemporal())) {
      for (int row = from; row < length; row++) {
        keys[row] = column.getLong(row) ^ Long.MIN_VALUE ^ flip;
      }
    } else if (type.byteWidth() == 4 && (type.isSignedInteger() || type.isTemporal())) {
      for (int row = from; row < length; row++) {
        keys[row] = ((long) column.getInt(row)) ^ Long.MIN_VALUE ^ flip;
      }
    } else {
      for (int row = from; row < length; row++) {
        keys[row] = key(column, row, descending);
      }
    }
  }

  private static long ascendingKey(FixedWidthColumn column, int index) {
    DataType type = column.type();
    if (type.isFloatingPoint()) {
      double value =
          type.byteWidth() == 4 ? column.getFloat(index) : column.getDouble(index);
      return floatKey(value);
    }
    boolean signed = type.isSignedInteger() || type.isTemporal();
    long raw =
        switch (type.byteWidth()) {
          case 1 -> signed ? column.getByte(index) : column.getByte(index) & 0xFFL;
          case 2 -> signed ? column.getShort(index) : column.getShort(index) & 0xFFFFL;
          case 4 -> signed ? column.getInt(index) : column.getInt(index) & 0xFFFF_FFFFL;
          default -> column.getLong(index);
        };
    return signed ? raw ^ Long.MIN_VALUE : raw;
  }

  /** The normalized key of a double (floats widen exactly, so one mapping serves both). */
  public static long floatKey(double value) {
    double folded = value == 0.0 ? 0.0 : value; // -0.0 == 0.0
    long bits = Double.doubleToLongBits(folded); // canonical NaN 0x7ff8..., above +inf
    return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
  }
}
