package dev.floe.engine.exec;

import dev.floe.kernels.AggregateValues;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.time.Duration;

/**
 * The two key columns of an as-of join (both of the key type), read once into primitive arrays so
 * the merge compares plain values: integer and temporal keys as longs (UInt64 with its sign bit
 * flipped, which keeps the order and the differences), float keys as doubles ordered with NaN
 * above everything and -0.0 equal to 0.0, as Polars sorts them. Also the tolerance in key units:
 * a number as it is (floored for integer keys: distances are whole), a {@link Duration} in days for
 * dates and in the time unit otherwise (floored, which for whole distances changes nothing).
 */
abstract sealed class AsofKeys permits AsofKeys.Longs, AsofKeys.Doubles {
  private final Column left;
  private final Column right;

  private AsofKeys(Column left, Column right) {
    this.left = left;
    this.right = right;
  }

  static AsofKeys of(Column left, Column right, DataType type, Object tolerance) {
    if (type.isFloatingPoint()) {
      double limit = tolerance == null ? Double.POSITIVE_INFINITY : ((Number) tolerance).doubleValue();
      return new Doubles(left, right, limit);
    }
    long limit = tolerance == null ? Long.MAX_VALUE : switch (tolerance) {
      case Duration duration -> units(duration, type);
      case Double number -> saturated(Math.floor(number));
      case Float number -> saturated(Math.floor(number));
      case Number number when number instanceof java.math.BigDecimal || number instanceof java.math.BigInteger ->
          saturated(Math.floor(number.doubleValue()));
      case Number number -> number.longValue();
      default -> throw new IllegalArgumentException("tolerance " + tolerance);
    };
    return new Longs(left, right, limit, type instanceof DataType.UInt64);
  }

  private static long saturated(double value) {
    return value >= 0x1p63 ? Long.MAX_VALUE : (long) value;
  }

  /** A non-negative duration in the units of a temporal key, floored; huge ones saturate. */
  private static long units(Duration duration, DataType type) {
    try {
      return switch (type) {
        case DataType.Date32 date -> duration.toDays();
        case DataType.Timestamp stamp -> units(duration, stamp.unit());
        case DataType.Duration span -> units(duration, span.unit());
        case DataType.Time64 time -> units(duration, time.unit());
        default -> throw new IllegalArgumentException("a Duration tolerance on " + type);
      };
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }

  private static long units(Duration duration, dev.floe.memory.types.TimeUnit unit) {
    return switch (unit) {
      case SECOND -> duration.getSeconds();
      case MILLISECOND -> duration.toMillis();
      case MICROSECOND ->
          Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1000);
      case NANOSECOND -> duration.toNanos();
    };
  }

  final boolean leftNull(int row) {
    return left.isNull(row);
  }

  final boolean rightNull(int row) {
    return right.isNull(row);
  }

  /** Left row {@code l}'s value, or right row's, for messages. */
  final Object value(boolean leftSide, int row) {
    return (leftSide ? left : right).getObject(row);
  }

  /** The order of two rows of one side (both not null). */
  abstract int compareWithin(boolean leftSide, int a, int b);

  /** The order of left row {@code l}'s key and right row {@code r}'s (both not null). */
  abstract int compare(int l, int r);

  /** Whether the keys of left row {@code l} and right row {@code r} are at most the tolerance apart. */
  abstract boolean within(int l, int r);

  /** Whether right row {@code above} (key above the left one) is at least as close as {@code below}. */
  abstract boolean aboveCloser(int l, int below, int above);

  static final class Longs extends AsofKeys {
    private final long[] leftValues;
    private final long[] rightValues;
    private final long tolerance;

    Longs(Column left, Column right, long tolerance, boolean unsigned) {
      super(left, right);
      this.leftValues = read(left, unsigned);
      this.rightValues = read(right, unsigned);
      this.tolerance = tolerance;
    }

    private static long[] read(Column column, boolean unsigned) {
      FixedWidthColumn fixed = (FixedWidthColumn) column;
      long[] values = new long[column.length()];
      long flip = unsigned ? Long.MIN_VALUE : 0;
      for (int row = 0; row < values.length; row++) {
        values[row] = fixed.isNull(row) ? 0 : AggregateValues.asLong(fixed, row) ^ flip;
      }
      return values;
    }

    @Override
    int compareWithin(boolean leftSide, int a, int b) {
      long[] values = leftSide ? leftValues : rightValues;
      return Long.compare(values[a], values[b]);
    }

    @Override
    int compare(int l, int r) {
      return Long.compare(leftValues[l], rightValues[r]);
    }

    /** The distance of two keys as an unsigned long: it fits even when the signed difference overflows. */
    private long distance(int l, int r) {
      long a = leftValues[l];
      long b = rightValues[r];
      return a >= b ? a - b : b - a;
    }

    @Override
    boolean within(int l, int r) {
      return Long.compareUnsigned(distance(l, r), tolerance) <= 0;
    }

    @Override
    boolean aboveCloser(int l, int below, int above) {
      return Long.compareUnsigned(distance(l, above), distance(l, below)) <= 0;
    }
  }

  static final class Doubles extends AsofKeys {
    private final double[] leftValues;
    private final double[] rightValues;
    private final double tolerance;

    Doubles(Column left, Column right, double tolerance) {
      super(left, right);
      this.leftValues = read(left);
      this.rightValues = read(right);
      this.tolerance = tolerance;
    }

    private static double[] read(Column column) {
      FixedWidthColumn fixed = (FixedWidthColumn) column;
      boolean single = fixed.type() instanceof DataType.Float32;
      double[] values = new double[column.length()];
      for (int row = 0; row < values.length; row++) {
        values[row] = fixed.isNull(row) ? 0 : single ? fixed.getFloat(row) : fixed.getDouble(row);
      }
      return values;
    }

    /** Numeric order with NaN above everything (and equal to NaN); -0.0 equals 0.0. */
    private static int order(double a, double b) {
      if (a < b) {
        return -1;
      }
      if (a > b || a == b) {
        return a > b ? 1 : 0;
      }
      return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
    }

    @Override
    int compareWithin(boolean leftSide, int a, int b) {
      double[] values = leftSide ? leftValues : rightValues;
      return order(values[a], values[b]);
    }

    @Override
    int compare(int l, int r) {
      return order(leftValues[l], rightValues[r]);
    }

    @Override
    boolean within(int l, int r) {
      // without a tolerance anything goes, NaN keys included (their distances are NaN)
      return tolerance == Double.POSITIVE_INFINITY || order(leftValues[l], rightValues[r]) == 0
          || Math.abs(leftValues[l] - rightValues[r]) <= tolerance;
    }

    @Override
    boolean aboveCloser(int l, int below, int above) {
      return rightValues[above] - leftValues[l] <= leftValues[l] - rightValues[below];
    }
  }
}
