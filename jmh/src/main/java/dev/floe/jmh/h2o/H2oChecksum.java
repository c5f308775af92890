package dev.floe.jmh.h2o;

import dev.floe.DataFrame;
import dev.floe.Series;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checksum of {@code scripts/h2o/peers.py}: for each measure column, the sum of its non-null,
 * non-NaN values; integers exactly (a {@code long}), floats correctly rounded with {@link #fsum}, a
 * port of Python's {@code math.fsum}, so the result matches Python's to the last bit and does not
 * depend on the answer's row order.
 */
public final class H2oChecksum {
  private H2oChecksum() {}

  /** {column: Long or Double} for the measure columns, in their order. */
  public static Map<String, Number> of(DataFrame answer, List<String> measures) {
    Map<String, Number> sums = new LinkedHashMap<>();
    for (String name : measures) {
      sums.put(name, sum(answer.column(name)));
    }
    return sums;
  }

  /** {@code name=value name=value}: integers as digits, floats as Java's shortest round-trip text. */
  public static String format(Map<String, Number> sums) {
    List<String> parts = new ArrayList<>();
    sums.forEach((name, value) -> parts.add(name + "=" + value));
    return String.join(" ", parts);
  }

  private static Number sum(Series series) {
    DataType type = series.dtype();
    boolean integer = type instanceof DataType.Int8 || type instanceof DataType.Int16
        || type instanceof DataType.Int32 || type instanceof DataType.Int64 || type instanceof DataType.UInt8
        || type instanceof DataType.UInt16 || type instanceof DataType.UInt32 || type instanceof DataType.UInt64;
    boolean floating = type instanceof DataType.Float32 || type instanceof DataType.Float64;
    if (!integer && !floating) {
      throw new SchemaMismatchException("checksum of '" + series.name() + "': not a number column but " + type);
    }
    long total = 0;
    Fsum exact = new Fsum();
    for (Column chunk : series.chunks()) {
      FixedWidthColumn values = (FixedWidthColumn) chunk;
      for (int row = 0; row < values.length(); row++) {
        if (values.isNull(row)) {
          continue;
        }
        if (integer) {
          total = Math.addExact(total, integerAt(values, type, row));
        } else {
          double value = type instanceof DataType.Float32 ? values.getFloat(row) : values.getDouble(row);
          if (!Double.isNaN(value)) {
            exact.add(value);
          }
        }
      }
    }
    return integer ? (Number) total : (Number) exact.value();
  }

  private static long integerAt(FixedWidthColumn values, DataType type, int row) {
    return switch (type) {
      case DataType.Int8 ignored -> values.getByte(row);
      case DataType.Int16 ignored -> values.getShort(row);
      case DataType.Int32 ignored -> values.getInt(row);
      case DataType.UInt8 ignored -> values.getByte(row) & 0xFFL;
      case DataType.UInt16 ignored -> values.getShort(row) & 0xFFFFL;
      case DataType.UInt32 ignored -> values.getInt(row) & 0xFFFF_FFFFL;
      default -> values.getLong(row); // Int64, UInt64 (sums of h2o answers stay below 2^63)
    };
  }

  /** The correctly rounded sum of {@code values}, as Python's {@code math.fsum}. */
  public static double fsum(double... values) {
    Fsum sum = new Fsum();
    for (double value : values) {
      sum.add(value);
    }
    return sum.value();
  }

  /**
   * Shewchuk's exact summation as CPython's {@code math_fsum}: the running sum is a list of
   * non-overlapping partials; the result rounds their exact sum once, half to even (finite inputs).
   */
  static final class Fsum {
    private double[] partials = new double[8];
    private int count;

    void add(double value) {
      double x = value;
      int kept = 0;
      for (int index = 0; index < count; index++) {
        double y = partials[index];
        if (Math.abs(x) < Math.abs(y)) {
          double swap = x;
          x = y;
          y = swap;
        }
        double hi = x + y;
        double lo = y - (hi - x);
        if (lo != 0.0) {
          partials[kept++] = lo;
        }
        x = hi;
      }
      if (kept == partials.length) {
        partials = java.util.Arrays.copyOf(partials, kept * 2);
      }
      partials[kept++] = x;
      count = kept;
    }

    double value() {
      int n = count;
      if (n == 0) {
        return 0.0;
      }
      double hi = partials[--n];
      double lo = 0.0;
      while (n > 0) {
        double x = hi;
        double y = partials[--n];
        hi = x + y;
        double yr = hi - x;
        lo = y - yr;
        if (lo != 0.0) {
          break;
        }
      }
      // round half to even: when the rest of the partials push the same way, hi is off by half an ulp
      if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
        double y = lo * 2.0;
        double x = hi + y;
        double yr = x - hi;
        if (y == yr) {
          hi = x;
        }
      }
      return hi;
    }
  }
}
