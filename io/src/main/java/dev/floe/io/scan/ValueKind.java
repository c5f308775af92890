package dev.floe.io.scan;

import dev.floe.errors.InvalidOperationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * How the values of a column compare, and the key a literal becomes to compare with them. Keys:
 * {@link #NUMBER} exact {@code BigDecimal} (integers signed or unsigned, decimals with their
 * scale); {@link #FLOAT64} and {@link #FLOAT32} {@code Double} ordered as Polars (NaN above every
 * number and equal to itself, {@code -0.0 == 0.0}); {@link #STRING} UTF-8 {@code byte[]} compared
 * unsigned byte-wise (code point order, as Polars and Parquet); {@link #BOOLEAN} {@code Boolean};
 * {@link #TEMPORAL} {@code BigInteger} nanoseconds since the epoch in UTC (dates at midnight);
 * {@link #TIME} {@code Long} nanoseconds since midnight.
 */
public enum ValueKind {
  NUMBER, FLOAT64, FLOAT32, STRING, BOOLEAN, TEMPORAL, TIME;

  private static final BigInteger NANOS_PER_DAY = BigInteger.valueOf(86_400_000_000_000L);
  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
  private static final double EXACT_DOUBLE_LIMIT = 0x1p53;

  /**
   * The key of {@code literal} for a column of this kind, or null when the literal is valid but
   * cannot be compared exactly (NaN, infinities or doubles beyond 2^53 against integers, a double
   * a float column cannot hold): callers then assume nothing.
   *
   * @throws InvalidOperationException when the literal's type cannot be compared with the column
   */
  public Object literalKey(String column, String columnType, Object literal) {
    Object key = switch (this) {
      case NUMBER -> numberKey(literal);
      case FLOAT64 -> literal instanceof Number number ? floatKey(number, false) : Bad.BAD;
      case FLOAT32 -> literal instanceof Number number ? floatKey(number, true) : Bad.BAD;
      case STRING -> literal instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : Bad.BAD;
      case BOOLEAN -> literal instanceof Boolean ? literal : Bad.BAD;
      case TEMPORAL -> temporalKey(literal);
      case TIME -> literal instanceof LocalTime time ? (Object) time.toNanoOfDay() : Bad.BAD;
    };
    if (key == Bad.BAD) {
      throw new InvalidOperationException("cannot compare column '" + column + "' of type "
          + columnType + " with the literal " + literal + " of type "
          + literal.getClass().getSimpleName());
    }
    return key;
  }

  /** Compares two keys of this kind. */
  public int compare(Object left, Object right) {
    return switch (this) {
      case NUMBER -> ((BigDecimal) left).compareTo((BigDecimal) right);
      case FLOAT64, FLOAT32 -> compareFloats((Double) left, (Double) right);
      case STRING -> Arrays.compareUnsigned((byte[]) left, (byte[]) right);
      case BOOLEAN -> Boolean.compare((Boolean) left, (Boolean) right);
      case TEMPORAL -> ((BigInteger) left).compareTo((BigInteger) right);
      case TIME -> Long.compare((Long) left, (Long) right);
    };
  }

  /** Epoch nanoseconds of a date, as a {@link #TEMPORAL} key. */
  public static BigInteger epochNanos(LocalDate date) {
    return BigInteger.valueOf(date.toEpochDay()).multiply(NANOS_PER_DAY);
  }

  /** Polars' total order on floats: NaN is the largest value and equals itself; -0.0 == 0.0. */
  static int compareFloats(double left, double right) {
    if (Double.isNaN(left) || Double.isNaN(right)) {
      return Boolean.compare(Double.isNaN(left), Double.isNaN(right));
    }
    return left < right ? -1 : left > right ? 1 : 0;
  }

  private static Object numberKey(Object literal) {
    return switch (literal) {
      case Long value -> BigDecimal.valueOf(value);
      case Integer value -> BigDecimal.valueOf(value);
      case Short value -> BigDecimal.valueOf(value);
      case Byte value -> BigDecimal.valueOf(value);
      case BigDecimal value -> value;
      case Double value -> exactDouble(value);
      case Float value -> exactDouble(value.doubleValue());
      default -> Bad.BAD;
    };
  }

  /** A double compared with integers exactly only where Polars' cast to f64 is exact too. */
  private static BigDecimal exactDouble(double value) {
    return Double.isFinite(value) && Math.abs(value) < EXACT_DOUBLE_LIMIT ? new BigDecimal(value) : null;
  }

  private static Object floatKey(Number literal, boolean single) {
    double value = literal.doubleValue();
    if (Double.isNaN(value)) {
      return null;
    }
    boolean exact = switch (literal) {
      case Long whole -> Math.abs(whole) < EXACT_DOUBLE_LIMIT;
      case BigDecimal decimal -> Double.isFinite(value) && new BigDecimal(value).compareTo(decimal) == 0;
      default -> true;
    };
    if (single && (float) value != value && Double.isFinite(value)) {
      exact = false;
    }
    return exact ? value : null;
  }

  private static Object temporalKey(Object literal) {
    return switch (literal) {
      case LocalDate date -> epochNanos(date);
      case LocalDateTime dateTime -> nanos(dateTime.toInstant(ZoneOffset.UTC));
      case Instant instant -> nanos(instant);
      default -> Bad.BAD;
    };
  }

  /** Epoch nanoseconds of a timestamp ({@code LocalDateTime} read as UTC, or {@code Instant}), as a {@link #TEMPORAL} key. */
  public static BigInteger epochNanos(Object timestamp) {
    Object key = temporalKey(timestamp);
    if (!(key instanceof BigInteger nanos)) {
      throw new IllegalArgumentException("not a timestamp: " + timestamp);
    }
    return nanos;
  }

  private static BigInteger nanos(Instant instant) {
    return BigInteger.valueOf(instant.getEpochSecond()).multiply(NANOS_PER_SECOND)
        .add(BigInteger.valueOf(instant.getNano()));
  }

  /** Marks a literal of the wrong type (null already means "valid but not comparable"). */
  private enum Bad { BAD }
}
