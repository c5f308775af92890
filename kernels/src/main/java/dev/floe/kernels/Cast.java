package dev.floe.kernels;

import dev.floe.errors.ComputeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.NullColumn;
import dev.floe.memory.column.TemporalConversions;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * Type conversions with Polars 1.44 semantics (checked on 1.44.2). A value that does not convert
 * fails a strict cast with a {@link ComputeException} naming the value, its row and both types
 * ("conversion from `i64` to `i8` failed for value 300 at row 2") and becomes null in a non-strict
 * cast. Supported:
 *
 * <ul>
 *   <li>numeric and bool to numeric: range-checked; float to integer truncates toward zero (NaN
 *       and infinities fail); f64 to f32 rounds (overflow gives inf, as Polars);
 *   <li>numeric to bool: {@code x != 0} (NaN is true); string to bool is rejected, as in Polars;
 *   <li>to string: Polars' text forms ({@link CastText}); from string: integers ({@code [+-]?digits}),
 *       floats (Rust's grammar, "inf"/"NaN"), dates ({@code yyyy-MM-dd}), datetimes and decimals;
 *   <li>Date32 to and from Timestamp (floor to the day), Timestamp unit changes (floor), Duration
 *       unit changes (truncation toward zero, as Polars), integers to and from temporal types by
 *       their physical value;
 *   <li>Decimal128 to and from floats, integers and strings, and rescaling, rounding half to even
 *       (a float is scaled in f64 first: {@code rint(x * 10^scale)}, as Polars);
 *   <li>strings to and from categorical ({@link DataType#CATEGORICAL}, {@link CategoricalCast});
 *       a categorical casts to anything its values cast to.
 * </ul>
 *
 * <p>The same type returns {@code column.share()}. This is the element-at-a-time path (one {@code
 * getObject} and one {@code appendObject} per row); a vectorised numeric path is future work.
 */
public final class Cast {
  private Cast() {}

  /** {@code column} as {@code target}; the caller closes the result. */
  public static Column cast(
      Column column, DataType target, boolean strict, BufferAllocator allocator) {
    DataType source = column.type();
    if (source.equals(target)) {
      return column.share();
    }
    if (source instanceof DataType.NullType) {
      return allNull(target, column.length(), allocator); // Polars casts null to any type
    }
    if (CategoricalCast.handles(source, target)) {
      return CategoricalCast.cast(column, target, strict, allocator);
    }
    checkSupported(source, target);
    if (target instanceof DataType.NullType) {
      return new NullColumn(column.length());
    }
    if (column instanceof FixedWidthColumn fixed && NumericWidening.supports(source, target)) {
      return NumericWidening.widen(fixed, target, allocator);
    }
    if (alwaysFits(source, target)) {
      return widen((FixedWidthColumn) column, target, allocator);
    }
    try (ColumnBuilder builder = ColumnBuilders.forType(target, allocator)) {
      for (int row = 0; row < column.length(); row++) {
        Object value = column.isNull(row) ? null : physicalOrObject(column, row, target);
        if (value == null) {
          builder.appendNull();
          continue;
        }
        Object converted;
        try {
          converted = convert(value, source, target);
        } catch (ComputeException | ArithmeticException | java.time.DateTimeException overflow) {
          converted = null; // out of the target's range
        }
        if (converted == null) {
          if (strict) {
            throw new ComputeException(
                "conversion from `" + source + "` to `" + target + "` failed for value "
                    + describe(column.getObject(row)) + " at row " + row
                    + " (use a non-strict cast to get null instead)");
          }
          builder.appendNull();
        } else {
          builder.appendObject(converted);
        }
      }
      return builder.build();
    }
  }

  /**
   * Numeric casts that cannot fail (the planner's casts to a supertype: i32 -> i64, ints -> f64,
   * f32 -> f64, ...), done without boxing: one typed read and one store per row, validity copied.
   */
  private static boolean alwaysFits(DataType source, DataType target) {
    if (!source.isNumeric() || !target.isNumeric()) {
      return false;
    }
    if (target.isFloatingPoint()) {
      return true; // integers and floats always convert (rounding; f64 -> f32 may give inf)
    }
    if (source.isFloatingPoint() || target instanceof DataType.UInt64 || !target.isSignedInteger()) {
      return false;
    }
    int sourceBits = source.byteWidth() * 8 + (source.isSignedInteger() ? 0 : 1);
    return sourceBits <= target.byteWidth() * 8;
  }

  private static Column widen(FixedWidthColumn column, DataType target, BufferAllocator allocator) {
    if (target.isFloatingPoint()) {
      return ArithmeticGeneric.unary(column, value -> value, value -> value, target, allocator,
          true);
    }
    return ArithmeticGeneric.unary(column, value -> value, value -> value, target, allocator,
        false);
  }

  private static Column allNull(DataType target, int length, BufferAllocator allocator) {
    if (target instanceof DataType.NullType) {
      return new NullColumn(length);
    }
    try (ColumnBuilder builder = ColumnBuilders.forType(target, allocator)) {
      for (int row = 0; row < length; row++) {
        builder.appendNull();
      }
      return builder.build();
    }
  }

  private static String describe(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }

  /**
   * Integers as BigInteger (UInt64 unsigned); temporals as their physical BigInteger when the target
   * is numeric, else by value object; others by getObject.
   */
  private static Object physicalOrObject(Column column, int row, DataType target) {
    DataType type = column.type();
    if (type.isInteger() || (type.isTemporal() && target.isNumeric())) {
      FixedWidthColumn fixed = (FixedWidthColumn) column;
      long value = AggregateValues.asLong(fixed, row);
      return type instanceof DataType.UInt64
          ? new BigInteger(Long.toUnsignedString(value)) : BigInteger.valueOf(value);
    }
    return column.getObject(row);
  }

  private static void checkSupported(DataType source, DataType target) {
    boolean ok = switch (target) {
      case DataType.NullType t -> true;
      case DataType.BooleanType t -> source.isNumeric();
      case DataType.Utf8 t -> isScalarSource(source);
      case DataType.LargeUtf8 t -> isScalarSource(source);
      case DataType.Utf8View t -> isScalarSource(source);
      case DataType.Date32 t -> source instanceof DataType.Timestamp || source.isString()
          || source.isInteger();
      case DataType.Timestamp t -> source instanceof DataType.Date32
          || source instanceof DataType.Timestamp || source.isString() || source.isInteger();
      case DataType.Duration t -> source instanceof DataType.Duration || source.isInteger();
      case DataType.Decimal128 t -> source.isNumeric() || source.isString()
          || source instanceof DataType.Decimal128;
      default -> target.isNumeric() && (source.isNumeric() || source instanceof DataType.BooleanType
          || source.isString() || source instanceof DataType.Decimal128
          || (source.isTemporal() && target.isInteger()));
    };
    if (!ok) {
      throw new InvalidOperationException(
          "casting from " + source + " to " + target + " is not supported");
    }
  }

  private static boolean isScalarSource(DataType source) {
    return source.isNumeric() || source instanceof DataType.BooleanType || source.isTemporal()
        || source.isString() || source instanceof DataType.Decimal128;
  }

  /** The converted Java value (as the target's builder accepts it), or null if it does not fit. */
  private static Object convert(Object value, DataType source, DataType target) {
    if (target.isString()) {
      return toText(value, source);
    }
    if (value instanceof String text) {
      return fromText(text, target);
    }
    return switch (target) {
      case DataType.BooleanType t -> value instanceof BigInteger big ? big.signum() != 0
          : ((Number) value).doubleValue() != 0 || Double.isNaN(((Number) value).doubleValue());
      case DataType.Date32 t -> toDate(value);
      case DataType.Timestamp stamp -> toTimestamp(value, source, stamp);
      case DataType.Duration duration -> toDuration(value, source, duration);
      case DataType.Decimal128 decimal -> toDecimal(value, decimal);
      default -> toNumber(value, target);
    };
  }

  private static Object toNumber(Object value, DataType target) {
    Object number = switch (value) {
      case Boolean bool -> BigInteger.valueOf(bool ? 1 : 0);
      default -> value;
    };
    if (target.isFloatingPoint()) {
      double asDouble = number instanceof BigDecimal decimal ? decimal.doubleValue()
          : ((Number) number).doubleValue();
      return target instanceof DataType.Float32 ? (Object) (float) asDouble : (Object) asDouble;
    }
    BigInteger whole = switch (number) {
      case BigInteger big -> big;
      case BigDecimal decimal -> decimal.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
      case Double d when !Double.isFinite(d) -> null;
      case Float f when !Float.isFinite(f) -> null;
      case Number n -> new BigDecimal(n.doubleValue()).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
      default -> null;
    };
    return whole == null ? null : fitInteger(whole, target);
  }

  /** The value as a Long the target's builder accepts (UInt64: the unsigned bits), if in range. */
  private static Object fitInteger(BigInteger value, DataType target) {
    BigInteger min;
    BigInteger max;
    switch (target) {
      case DataType.Int8 t -> { min = BigInteger.valueOf(Byte.MIN_VALUE); max = BigInteger.valueOf(Byte.MAX_VALUE); }
      case DataType.Int16 t -> { min = BigInteger.valueOf(Short.MIN_VALUE); max = BigInteger.valueOf(Short.MAX_VALUE); }
      case DataType.Int32 t -> { min = BigInteger.valueOf(Integer.MIN_VALUE); max = BigInteger.valueOf(Integer.MAX_VALUE); }
      case DataType.Int64 t -> { min = BigInteger.valueOf(Long.MIN_VALUE); max = BigInteger.valueOf(Long.MAX_VALUE); }
      case DataType.UInt8 t -> { min = BigInteger.ZERO; max = BigInteger.valueOf(0xFF); }
      case DataType.UInt16 t -> { min = BigInteger.ZERO; max = BigInteger.valueOf(0xFFFF); }
      case DataType.UInt32 t -> { min = BigInteger.ZERO; max = BigInteger.valueOf(0xFFFF_FFFFL); }
      default -> { min = BigInteger.ZERO; max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE); }
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      return null;
    }
    return value.longValue();
  }

  private static Object toDecimal(Object value, DataType.Decimal128 decimal) {
    BigDecimal exact = switch (value) {
      case BigInteger big -> new BigDecimal(big);
      case BigDecimal big -> big;
      case Double d when !Double.isFinite(d) -> null;
      case Float f when !Float.isFinite(f) -> null;
      // Polars: rint(x * 10^scale) in f64 (so 928.3050000000001 is 928.30 and 2.015 is 2.02)
      case Number n -> new BigDecimal(Math.rint(n.doubleValue() * Math.pow(10, decimal.scale())))
          .movePointLeft(decimal.scale());
      default -> null;
    };
    if (exact == null) {
      return null;
    }
    BigDecimal scaled = exact.setScale(decimal.scale(), RoundingMode.HALF_EVEN);
    return scaled.precision() > decimal.precision() && scaled.signum() != 0 ? null : scaled;
  }

  private static Object toDate(Object value) {
    return switch (value) {
      case LocalDateTime dateTime -> dateTime.toLocalDate();
      case ZonedDateTime zoned -> zoned.toLocalDate();
      case BigInteger days -> days.bitLength() < 32 ? LocalDate.ofEpochDay(days.intValue()) : null;
      default -> null;
    };
  }

  private static Object toTimestamp(Object value, DataType source, DataType.Timestamp target) {
    long epoch;
    switch (value) {
      case LocalDate date -> {
        BigInteger perDay = BigInteger.valueOf(target.unit().perSecond() * 86_400L);
        BigInteger scaled = BigInteger.valueOf(date.toEpochDay()).multiply(perDay);
        if (scaled.bitLength() > 63) {
          return null;
        }
        epoch = scaled.longValue();
      }
      case LocalDateTime dateTime -> {
        TimeUnit from = ((DataType.Timestamp) source).unit();
        BigInteger raw = BigInteger.valueOf(TemporalConversions.toEpoch(dateTime, from));
        BigInteger scaled = rescale(raw, from, target.unit(), true);
        if (scaled.bitLength() > 63) {
          return null;
        }
        epoch = scaled.longValue();
      }
      case ZonedDateTime zoned -> {
        TimeUnit from = ((DataType.Timestamp) source).unit();
        BigInteger raw = BigInteger.valueOf(TemporalConversions.toEpoch(zoned.toInstant(), from));
        BigInteger scaled = rescale(raw, from, target.unit(), true);
        if (scaled.bitLength() > 63) {
          return null;
        }
        epoch = scaled.longValue();
      }
      case BigInteger physical -> {
        if (physical.bitLength() > 63) {
          return null;
        }
        epoch = physical.longValue();
      }
      default -> {
        return null;
      }
    }
    return target.timeZone() == null
        ? TemporalConversions.localFromEpoch(epoch, target.unit())
        : TemporalConversions.fromEpoch(epoch, target.unit());
  }

  private static Object toDuration(Object value, DataType source, DataType.Duration target) {
    BigInteger scaled;
    if (value instanceof java.time.Duration span) {
      TimeUnit from = ((DataType.Duration) source).unit();
      BigInteger raw = BigInteger.valueOf(TemporalConversions.toDuration(span, from));
      scaled = rescale(raw, from, target.unit(), false);
    } else {
      scaled = (BigInteger) value;
    }
    if (scaled.bitLength() > 63) {
      return null;
    }
    return TemporalConversions.fromDuration(scaled.longValue(), target.unit());
  }

  /** A count of {@code from} units in {@code to} units; coarser: floor or truncate toward zero. */
  private static BigInteger rescale(BigInteger value, TimeUnit from, TimeUnit to, boolean floor) {
    long fromPerSecond = from.perSecond();
    long toPerSecond = to.perSecond();
    if (toPerSecond >= fromPerSecond) {
      return value.multiply(BigInteger.valueOf(toPerSecond / fromPerSecond));
    }
    BigInteger divisor = BigInteger.valueOf(fromPerSecond / toPerSecond);
    BigInteger[] quotient = value.divideAndRemainder(divisor);
    return floor && quotient[1].signum() < 0 ? quotient[0].subtract(BigInteger.ONE) : quotient[0];
  }

  private static Object toText(Object value, DataType source) {
    return switch (value) {
      case String text -> text;
      case Double d -> CastText.formatDouble(d, false);
      case Float f -> CastText.formatDouble(f, true);
      case BigDecimal decimal -> decimal.toPlainString();
      case LocalDate date -> CastText.formatDate(date);
      case LocalDateTime dateTime -> CastText.formatDateTime(dateTime, ((DataType.Timestamp) source).unit());
      case ZonedDateTime zoned -> CastText.formatZoned(zoned, ((DataType.Timestamp) source).unit());
      case LocalTime time -> CastText.formatTime(time);
      default -> String.valueOf(value); // integers (BigInteger, unsigned already), booleans
    };
  }

  private static Object fromText(String text, DataType target) {
    return switch (target) {
      case DataType.Date32 t -> CastText.parseDate(text);
      case DataType.Timestamp stamp -> {
        LocalDateTime parsed = CastText.parseDateTime(text);
        yield parsed == null ? null : toTimestamp(parsed, new DataType.Timestamp(stamp.unit(), null), stamp);
      }
      case DataType.Decimal128 decimal -> {
        BigDecimal parsed = CastText.parseDecimal(text);
        yield parsed == null ? null : toDecimal(parsed, decimal);
      }
      default -> {
        if (target.isFloatingPoint()) {
          Double parsed = CastText.parseDouble(text);
          yield parsed == null ? null
              : target instanceof DataType.Float32 ? (Object) parsed.floatValue() : (Object) parsed;
        }
        BigInteger parsed = CastText.parseInteger(text);
        yield parsed == null ? null : fitInteger(parsed, target);
      }
    };
  }
}
