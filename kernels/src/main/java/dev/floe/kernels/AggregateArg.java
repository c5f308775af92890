package dev.floe.kernels;

import dev.floe.kernels.sort.NormalizedKeys;
import dev.floe.kernels.sort.RowComparator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.util.List;

/**
 * The row of the smallest or largest non-null value (Polars' arg_min / arg_max): the first such row
 * on ties (except the arg_max of strings: the last, as Polars 1.44), null without non-null values. Order as {@link Sort}'s (-0.0 equals 0.0, strings
 * byte-wise, false before true); NaN is skipped unless every non-null value is NaN, then the first
 * NaN's row is the answer. Fixed-width values compare by their normalized keys, without boxing.
 */
public final class AggregateArg {
  private AggregateArg() {}

  /** The row of the first smallest non-null value, or null if there is none. */
  public static Long argMin(Column column) {
    return arg(column, true);
  }

  /** The row of the first (strings: last) largest non-null value, or null if there is none. */
  public static Long argMax(Column column) {
    return arg(column, false);
  }

  private static Long arg(Column column, boolean min) {
    if (column.nullCount() == column.length()) {
      return null;
    }
    if (column instanceof FixedWidthColumn fixed && NormalizedKeys.supports(fixed.type())) {
      return fixedWidth(fixed, min);
    }
    RowComparator comparator = RowComparator.of(List.of(column), new boolean[] {false}, true);
    // Polars 1.44's arg_max of strings answers the last of equal largest values
    boolean lastOnTies = column.type().isString();
    int best = -1;
    for (int row = 0; row < column.length(); row++) {
      if (column.isNull(row)) {
        continue;
      }
      if (best < 0) {
        best = row;
        continue;
      }
      int order = comparator.compare(row, best);
      if (min ? order < 0 : order > 0 || (order == 0 && lastOnTies)) {
        best = row;
      }
    }
    return (long) best;
  }

  private static long fixedWidth(FixedWidthColumn column, boolean min) {
    DataType type = column.type();
    boolean floating = type.isFloatingPoint();
    boolean allValid = column.nullCount() == 0;
    int best = -1;
    int firstNaN = -1;
    long bestKey = 0;
    for (int row = 0; row < column.length(); row++) {
      if (!allValid && column.isNull(row)) {
        continue;
      }
      if (floating && isNaN(column, row)) {
        if (firstNaN < 0) {
          firstNaN = row;
        }
        continue;
      }
      long key = NormalizedKeys.key(column, row, false);
      int order = best < 0 ? 0 : Long.compareUnsigned(key, bestKey);
      if (best < 0 || (min ? order < 0 : order > 0)) {
        best = row;
        bestKey = key;
      }
    }
    return best >= 0 ? best : firstNaN;
  }

  private static boolean isNaN(FixedWidthColumn column, int row) {
    return column.type().byteWidth() == 4
        ? Float.isNaN(column.getFloat(row))
        : Double.isNaN(column.getDouble(row));
  }
}
