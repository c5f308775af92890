package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;

/**
 * Quantiles and the median of the non-null values, by selection: the values are copied to a
 * {@code double[]} and the one or two order statistics needed are found with quickselect (expected
 * linear time, no full sort). Indices follow Polars 1.44's {@code quantile_idx}: with {@code n}
 * values, {@code f = (n - 1) * q}; nearest takes {@code round(f)} (halves away from zero), lower
 * {@code floor(f)}, higher {@code ceil(f)}, equiprobable {@code max(ceil(n * q) - 1, 0)}; midpoint
 * averages the floor and ceil values and linear interpolates between them. NaN orders above every
 * number (so a NaN picked or interpolated gives NaN). Integers and temporal values are read as
 * doubles (u64 unsigned), as Polars casts them.
 */
public final class AggregateQuantile {
  /** Polars' quantile interpolation methods. */
  public enum Method {
    NEAREST,
    HIGHER,
    LOWER,
    MIDPOINT,
    LINEAR,
    EQUIPROBABLE
  }

  private AggregateQuantile() {}

  /** The median (the linear 0.5 quantile), or null without non-null values. */
  public static Double median(Column column) {
    return quantile(column, 0.5, Method.LINEAR);
  }

  /** The {@code quantile} (in [0, 1]) of the non-null values, or null if there are none. */
  public static Double quantile(Column column, double quantile, Method method) {
    if (!(quantile >= 0.0 && quantile <= 1.0)) {
      throw new InvalidOperationException(
          "quantile should be between 0.0 and 1.0, got " + quantile);
    }
    if (!(column instanceof FixedWidthColumn fixed)
        || !(column.type().isNumeric() || column.type().isTemporal())) {
      throw Aggregate.unsupported("quantile", column.type());
    }
    double[] values = nonNullValues(fixed);
    int n = values.length;
    if (n == 0) {
      return null;
    }
    double position = (n - 1) * quantile;
    int lower = switch (method) {
      case NEAREST -> (int) Math.min(n - 1, Math.floor(position + 0.5));
      case HIGHER -> (int) Math.ceil(position);
      case EQUIPROBABLE -> (int) Math.max(Math.ceil(n * quantile) - 1.0, 0.0);
      default -> (int) position;
    };
    lower = Math.min(lower, n - 1);
    double low = Selection.select(values, lower);
    if (method != Method.MIDPOINT && method != Method.LINEAR) {
      return low;
    }
    int upper = (int) Math.ceil(position);
    if (upper == lower) {
      return low;
    }
    double high = Selection.minimumFrom(values, lower + 1);
    if (method == Method.MIDPOINT) {
      return low == high ? low : (low + high) / 2.0;
    }
    return low == high ? low : (position - lower) * (high - low) + low;
  }

  private static double[] nonNullValues(FixedWidthColumn column) {
    int length = column.length();
    double[] values = new double[length - column.nullCount()];
    DataType type = column.type();
    boolean allValid = column.nullCount() == 0;
    int count = 0;
    if (type instanceof DataType.Float64) {
      for (int row = 0; row < length; row++) {
        if (allValid || column.isValid(row)) {
          values[count++] = column.getDouble(row);
        }
      }
    } else if (type.byteWidth() == 8 && (type.isSignedInteger() || type.isTemporal())) {
      for (int row = 0; row < length; row++) {
        if (allValid || column.isValid(row)) {
          values[count++] = column.getLong(row);
        }
      }
    } else {
      for (int row = 0; row < length; row++) {
        if (allValid || column.isValid(row)) {
          values[count++] = AggregateValues.asDouble(column, row);
        }
      }
    }
    return values;
  }

  /** Quickselect over doubles in {@link Double#compare} order (NaN last). */
  static final class Selection {
    private Selection() {}

    /**
     * The value of rank {@code k} (0-based); afterwards every value before index {@code k} is at
     * most it and every value after at least it.
     */
    static double select(double[] values, int k) {
      int left = 0;
      int right = values.length - 1;
      while (right > left) {
        double pivot = medianOfThree(values[left], values[(left + right) >>> 1], values[right]);
        // three-way partition: [left, lt) < pivot, [lt, gt] == pivot, (gt, right] > pivot
        int lt = left;
        int gt = right;
        int index = left;
        while (index <= gt) {
          int order = Double.compare(values[index], pivot);
          if (order < 0) {
            swap(values, lt++, index++);
          } else if (order > 0) {
            swap(values, index, gt--);
          } else {
            index++;
          }
        }
        if (k < lt) {
          right = lt - 1;
        } else if (k > gt) {
          left = gt + 1;
        } else {
          return values[k];
        }
      }
      return values[k];
    }

    /** The smallest of {@code values[from..]} (after {@link #select}, the next order statistic). */
    static double minimumFrom(double[] values, int from) {
      double minimum = values[from];
      for (int index = from + 1; index < values.length; index++) {
        if (Double.compare(values[index], minimum) < 0) {
          minimum = values[index];
        }
      }
      return minimum;
    }

    private static double medianOfThree(double a, double b, double c) {
      if (Double.compare(a, b) > 0) {
        double swap = a;
        a = b;
        b = swap;
      }
      if (Double.compare(b, c) > 0) {
        b = c;
      }
      return Double.compare(a, b) > 0 ? a : b;
    }

    private static void swap(double[] values, int i, int j) {
      double value = values[i];
      values[i] = values[j];
      values[j] = value;
    }
  }
}
