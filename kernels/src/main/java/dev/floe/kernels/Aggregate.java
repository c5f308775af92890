package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.kernels.scalar.AggregateScalar;
import dev.floe.kernels.scalar.AggregateWords;
import dev.floe.kernels.simd.AggregateSimd;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.TemporalConversions;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.column.ViewColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Reductions of a column to one value, with Polars 1.44 semantics: nulls are ignored; the sum of
 * nothing is 0; min, max and mean of nothing are null.
 *
 * <p>Each reduction validates the type, handles empty / all-null / no-null input once, and
 * dispatches once to the SIMD kernels ({@link AggregateSimd}) or their scalar twins ({@link
 * AggregateScalar}) for Int32, Int64 and Float64 (the hot types); other types use the scalar
 * element loop here. Details checked against Polars 1.44.2:
 *
 * <ul>
 *   <li>{@code sum}: integer input gives a Long, summed with wrapping two's complement arithmetic;
 *       Int8/Int16/UInt8/UInt16 are widened to i64, but Int32, UInt32 and UInt64 sums wrap in their
 *       own type, as Polars does ({@code [2^31-1, 1]} as i32 sums to -2^31). Float32 is summed in
 *       float precision, Float64 in double; NaN propagates. Boolean sums count trues; Duration
 *       sums give a Duration; Decimal128 gives a BigDecimal.
 *   <li>{@code min}/{@code max}: NaN is skipped unless every non-null value is NaN (then NaN);
 *       -0.0 and 0.0 tie, so which one a zero result is depends on the order of values (Polars
 *       too: its min of [0.0, -0.0] is -0.0 and of [-0.0, 0.0] is 0.0); strings and binaries
 *       compare byte-wise.
 *   <li>{@code variance}/{@code std}: null when fewer than {@code ddof + 1} values.
 * </ul>
 *
 * <p>Group-by will need these as states with update / combine / finish over (groupIds, column),
 * as duckdb's {@code sum_helpers.hpp} and polars' {@code polars-expr/src/reduce/} do; the kernels
 * here are the per-chunk "update" of such a state (a partial sum plus a combine by addition).
 */
public final class Aggregate {
  private Aggregate() {}

  /** The sum of the non-null values (see the class comment for the result type). */
  public static Object sum(Column column) {
    DataType type = column.type();
    switch (type) {
      case DataType.NullType t -> {
        return null;
      }
      case DataType.BooleanType t -> {
        return countTrue((BooleanColumn) column);
      }
      default -> { }
    }
    FixedWidthColumn fixed = fixedWidth(column, "sum");
    if (type.isInteger()) {
      long sum = integerSum(fixed);
      return switch (type) {
        case DataType.Int32 t -> (long) (int) sum;
        case DataType.UInt32 t -> sum & 0xFFFF_FFFFL;
        default -> sum;
      };
    }
    return switch (type) {
      case DataType.Float64 t -> doubleSum(fixed);
      case DataType.Float32 t -> (double) floatSum(fixed);
      case DataType.Decimal128 decimal -> decimalSum(fixed, decimal);
      case DataType.Duration duration ->
          TemporalConversions.fromDuration(integerSum(fixed), duration.unit());
      default -> throw unsupported("sum", type);
    };
  }

  /** The smallest non-null value as {@code getObject} returns it, or null if there is none. */
  public static Object min(Column column) {
    return extreme(column, true);
  }

  /** The largest non-null value as {@code getObject} returns it, or null if there is none. */
  public static Object max(Column column) {
    return extreme(column, false);
  }

  /** The mean of the non-null values as a double, or null if there is none. */
  public static Double mean(Column column) {
    DataType type = column.type();
    long count = count(column);
    if (type instanceof DataType.BooleanType) {
      return count == 0 ? null : countTrue((BooleanColumn) column) / (double) count;
    }
    if (!type.isNumeric() && !(type instanceof DataType.Decimal128)) {
      throw unsupported("mean", type);
    }
    if (count == 0) {
      return null;
    }
    if (type instanceof DataType.Float64) {
      return doubleSum((FixedWidthColumn) column) / count;
    }
    FixedWidthColumn fixed = (FixedWidthColumn) column;
    double sum = 0;
    for (int row = 0; row < fixed.length(); row++) {
      if (fixed.isValid(row)) {
        sum += AggregateValues.asDouble(fixed, row);
      }
    }
    return sum / count;
  }

  /** The number of non-null values. */
  public static long count(Column column) {
    return column.length() - (long) column.nullCount();
  }

  public static long nullCount(Column column) {
    return column.nullCount();
  }

  /** True if any non-null value is true (false for none), as Polars' {@code any()}. */
  public static Boolean any(BooleanColumn column) {
    return countTrue(column) > 0;
  }

  /** True if no non-null value is false (true for none), as Polars' {@code all()}. */
  public static Boolean all(BooleanColumn column) {
    return countTrue(column) == count(column);
  }

  /** Variance with {@code ddof} delta degrees of freedom; null with fewer than ddof + 1 values. */
  public static Double variance(Column column, int ddof) {
    DataType type = column.type();
    if (!type.isNumeric() && !(type instanceof DataType.Decimal128)
        && !(type instanceof DataType.BooleanType)) {
      throw unsupported("var", type);
    }
    long count = count(column);
    if (count == 0 || count - ddof <= 0) {
      return null;
    }
    // Two passes (mean, then squared deviations): stable without Welford's division per value.
    double mean = mean(column);
    double squares = 0;
    for (int row = 0; row < column.length(); row++) {
      if (column.isValid(row)) {
        double deviation = AggregateValues.asDouble(column, row) - mean;
        squares += deviation * deviation;
      }
    }
    return squares / (count - ddof);
  }

  /** Standard deviation: the square root of {@link #variance}. */
  public static Double std(Column column, int ddof) {
    Double variance = variance(column, ddof);
    return variance == null ? null : Math.sqrt(variance);
  }

  // ---- sums ----

  private static long integerSum(FixedWidthColumn column) {
    if (count(column) == 0) {
      return 0;
    }
    MemorySegment values = column.valuesBuffer().segment();
    MemorySegment validity = validityOrNull(column);
    int offset = column.offset();
    int length = column.length();
    boolean simd = KernelProvider.simd();
    switch (column.type()) {
      case DataType.Int64 t -> {
        return validity == null
            ? (simd ? AggregateSimd.sumLong(values, offset, length)
                : AggregateScalar.sumLong(values, offset, length))
            : (simd ? AggregateSimd.sumLongMasked(values, validity, offset, length)
                : AggregateScalar.sumLongMasked(values, validity, offset, length));
      }
      case DataType.Int32 t -> {
        return validity == null
            ? (simd ? AggregateSimd.sumInt(values, offset, length)
                : AggregateScalar.sumInt(values, offset, length))
            : (simd ? AggregateSimd.sumIntMasked(values, validity, offset, length)
                : AggregateScalar.sumIntMasked(values, validity, offset, length));
      }
      default -> {
        long sum = 0;
        for (int row = 0; row < length; row++) {
          if (column.isValid(row)) {
            sum += AggregateValues.asLong(column, row);
          }
        }
        return sum;
      }
    }
  }

  private static double doubleSum(FixedWidthColumn column) {
    if (count(column) == 0) {
      return 0.0;
    }
    MemorySegment values = column.valuesBuffer().segment();
    MemorySegment validity = validityOrNull(column);
    int offset = column.offset();
    int length = column.length();
    if (KernelProvider.simd()) {
      return validity == null
          ? AggregateSimd.sumDouble(values, offset, length)
          : AggregateSimd.sumDoubleMasked(values, validity, offset, length);
    }
    return validity == null
        ? AggregateScalar.sumDouble(values, offset, length)
        : AggregateScalar.sumDoubleMasked(values, validity, offset, length);
  }

  private static float floatSum(FixedWidthColumn column) {
    if (count(column) == 0) {
      return 0.0f;
    }
    MemorySegment values = column.valuesBuffer().segment();
    MemorySegment validity = validityOrNull(column);
    return validity == null
        ? AggregateScalar.sumFloat(values, column.offset(), column.length())
        : AggregateScalar.sumFloatMasked(values, validity, column.offset(), column.length());
  }

  private static BigDecimal decimalSum(FixedWidthColumn column, DataType.Decimal128 decimal) {
    return DecimalSum.sum(column); // boxing-free, with Polars' overflow check
  }

  private static long countTrue(BooleanColumn column) {
    MemorySegment values = column.valuesBuffer().segment();
    MemorySegment validity = validityOrNull(column);
    long count = 0;
    int length = column.length();
    for (int start = 0; start < length; start += 64) {
      int bits = Math.min(64, length - start);
      long bit = column.offset() + (long) start;
      long word = AggregateWords.bits(values, bit, bits);
      if (validity != null) {
        word &= AggregateWords.bits(validity, bit, bits);
      }
      count += Long.bitCount(word);
    }
    return count;
  }

  // ---- min / max ----

  private static Object extreme(Column column, boolean min) {
    String name = min ? "min" : "max";
    DataType type = column.type();
    if (type instanceof DataType.NullType || count(column) == 0) {
      if (type.isNested() || type instanceof DataType.Dictionary) {
        throw unsupported(name, type);
      }
      return null;
    }
    return switch (column) {
      case BooleanColumn bool -> min ? countTrue(bool) == count(bool) : countTrue(bool) > 0;
      case VarBinaryColumn strings -> bytesExtreme(strings, min);
      case ViewColumn strings -> bytesExtreme(strings, min);
      case FixedWidthColumn fixed -> fixedExtreme(fixed, min);
      default -> throw unsupported(name, type);
    };
  }

  private static Object fixedExtreme(FixedWidthColumn column, boolean min) {
    DataType type = column.type();
    MemorySegment values = column.valuesBuffer().segment();
    MemorySegment validity = validityOrNull(column);
    int offset = column.offset();
    int length = column.length();
    boolean simd = KernelProvider.simd();
    switch (type) {
      case DataType.Float64 t -> {
        double result;
        if (validity == null) {
          result = min
              ? (simd ? AggregateSimd.minDouble(values, offset, length)
                  : AggregateScalar.minDouble(values, offset, length))
              : (simd ? AggregateSimd.maxDouble(values, offset, length)
                  : AggregateScalar.maxDouble(values, offset, length));
        } else {
          result = min
              ? (simd ? AggregateSimd.minDoubleMasked(values, validity, offset, length)
                  : AggregateScalar.minDoubleMasked(values, validity, offset, length))
              : (simd ? AggregateSimd.maxDoubleMasked(values, validity, offset, length)
                  : AggregateScalar.maxDoubleMasked(values, validity, offset, length));
        }
        return onlyNaN(column, result, min) ? Double.NaN : result;
      }
      case DataType.Int64 t -> {
        long result;
        if (validity == null) {
          result = min
              ? (simd ? AggregateSimd.minLong(values, offset, length)
                  : AggregateScalar.minLong(values, offset, length))
              : (simd ? AggregateSimd.maxLong(values, offset, length)
                  : AggregateScalar.maxLong(values, offset, length));
        } else {
          result = min
              ? (simd ? AggregateSimd.minLongMasked(values, validity, offset, length)
                  : AggregateScalar.minLongMasked(values, validity, offset, length))
              : (simd ? AggregateSimd.maxLongMasked(values, validity, offset, length)
                  : AggregateScalar.maxLongMasked(values, validity, offset, length));
        }
        return result;
      }
      default -> {
        return AggregateValues.genericExtreme(column, min);
      }
    }
  }

  /**
   * The NaN-skipping kernels return +-infinity when nothing but NaN was seen; Polars then answers
   * NaN. Only an infinite result needs this second look, so the common case pays nothing.
   */
  private static boolean onlyNaN(FixedWidthColumn column, double result, boolean min) {
    if (result != (min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)) {
      return false;
    }
    for (int row = 0; row < column.length(); row++) {
      if (column.isValid(row) && !Double.isNaN(column.getDouble(row))) {
        return false;
      }
    }
    return true;
  }

  private static Object bytesExtreme(Column column, boolean min) {
    byte[] best = null;
    int bestRow = -1;
    for (int row = 0; row < column.length(); row++) {
      if (column.isNull(row)) {
        continue;
      }
      byte[] bytes = column instanceof VarBinaryColumn strings
          ? strings.getBytes(row) : ((ViewColumn) column).getBytes(row);
      int order = best == null ? 0 : Arrays.compareUnsigned(bytes, best);
      if (best == null || (min ? order < 0 : order > 0)) {
        best = bytes;
        bestRow = row;
      }
    }
    return column.getObject(bestRow);
  }

  // ---- helpers ----

  /** The validity segment, or null when every value is valid (the dense loops then apply). */
  static MemorySegment validityOrNull(Column column) {
    return column.validity() == null || column.nullCount() == 0
        ? null : column.validity().segment();
  }

  private static FixedWidthColumn fixedWidth(Column column, String operation) {
    if (column instanceof FixedWidthColumn fixed
        && (fixed.type().isNumeric() || fixed.type() instanceof DataType.Decimal128
            || fixed.type() instanceof DataType.Duration)) {
      return fixed;
    }
    throw unsupported(operation, column.type());
  }

  static InvalidOperationException unsupported(String operation, DataType type) {
    return new InvalidOperationException(
        "`" + operation + "` is not supported for a column of type " + type);
  }
}
