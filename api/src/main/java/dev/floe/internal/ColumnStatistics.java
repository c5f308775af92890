package dev.floe.internal;

import dev.floe.Series;
import dev.floe.format.PythonText;
import dev.floe.memory.column.TemporalConversions;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The statistics of one column for {@link Describe}, in the order of its rows. */
record ColumnStatistics(boolean numeric, List<Object> values) {

  static ColumnStatistics of(Series column, double[] percentiles) {
    DataType type = column.dtype();
    List<Object> present = new ArrayList<>();
    for (Object value : column.toList()) {
      if (value != null) {
        present.add(value);
      }
    }
    long nulls = column.len() - present.size();
    int rows = 6 + percentiles.length;
    if (type.isNumeric() || type instanceof DataType.Decimal128) {
      return numeric(type, present, nulls, percentiles);
    }
    if (type instanceof DataType.BooleanType) {
      return booleans(present, nulls, rows);
    }
    if (type instanceof DataType.NullType || type.isNested()) {
      return counts(true, present.size(), nulls, rows);
    }
    if (type.isTemporal()) {
      return temporal(type, present, nulls, percentiles);
    }
    if (type instanceof DataType.Dictionary) {
      return counts(false, present.size(), nulls, rows);
    }
    return ordered(present, nulls, rows);
  }

  private static ColumnStatistics counts(boolean numeric, long count, long nulls, int rows) {
    List<Object> values = new ArrayList<>(nullList(rows));
    values.set(0, numeric ? (Object) (double) count : Long.toString(count));
    values.set(1, numeric ? (Object) (double) nulls : Long.toString(nulls));
    return new ColumnStatistics(numeric, values);
  }

  private static ColumnStatistics numeric(
      DataType type, List<Object> present, long nulls, double[] percentiles) {
    double[] numbers = new double[present.size()];
    for (int index = 0; index < numbers.length; index++) {
      numbers[index] = toDouble(present.get(index), type);
    }
    List<Object> values = new ArrayList<>();
    values.add((double) numbers.length);
    values.add((double) nulls);
    values.add(numbers.length == 0 ? null : mean(numbers));
    values.add(numbers.length < 2 ? null : standardDeviation(numbers));
    values.add(extreme(numbers, -1));
    double[] sorted = numbers.clone();
    Arrays.sort(sorted); // NaN sorts last, as in Polars
    for (double percentile : percentiles) {
      values.add(sorted.length == 0 ? null : sorted[nearestIndex(sorted.length, percentile)]);
    }
    values.add(extreme(numbers, 1));
    return new ColumnStatistics(true, values);
  }

  private static ColumnStatistics booleans(List<Object> present, long nulls, int rows) {
    List<Object> values = new ArrayList<>(nullList(rows));
    long trues = present.stream().filter(Boolean.TRUE::equals).count();
    values.set(0, (double) present.size());
    values.set(1, (double) nulls);
    if (!present.isEmpty()) {
      values.set(2, (double) trues / present.size());
      values.set(4, trues == present.size() ? 1.0 : 0.0);
      values.set(rows - 1, trues > 0 ? 1.0 : 0.0);
    }
    return new ColumnStatistics(true, values);
  }

  private static ColumnStatistics ordered(List<Object> present, long nulls, int rows) {
    List<Object> values = counts(false, present.size(), nulls, rows).values();
    if (!present.isEmpty()) {
      Comparator<Object> order = ColumnStatistics::compareBytesOrText;
      values.set(4, PythonText.str(present.stream().min(order).orElseThrow()));
      values.set(rows - 1, PythonText.str(present.stream().max(order).orElseThrow()));
    }
    return new ColumnStatistics(false, values);
  }

  private static ColumnStatistics temporal(
      DataType type, List<Object> present, long nulls, double[] percentiles) {
    long[] physical = new long[present.size()];
    for (int index = 0; index < physical.length; index++) {
      physical[index] = toPhysical(present.get(index), type);
    }
    long[] sorted = physical.clone();
    Arrays.sort(sorted);
    List<Object> values = counts(false, present.size(), nulls, 6 + percentiles.length).values();
    if (physical.length > 0) {
      double mean = Arrays.stream(physical).asDoubleStream().sum() / physical.length;
      values.set(2, PythonText.str(meanValue(mean, type)));
      values.set(4, PythonText.str(fromPhysical(sorted[0], type)));
      for (int index = 0; index < percentiles.length; index++) {
        long value = sorted[nearestIndex(sorted.length, percentiles[index])];
        values.set(5 + index, PythonText.str(fromPhysical(value, type)));
      }
      values.set(values.size() - 1, PythonText.str(fromPhysical(sorted[sorted.length - 1], type)));
    }
    return new ColumnStatistics(false, values);
  }

  /** Polars' "nearest" quantile position: {@code round((n - 1) * q)}, halves away from zero. */
  static int nearestIndex(int length, double quantile) {
    return (int) Math.min(length - 1, Math.round((length - 1) * quantile));
  }

  private static double mean(double[] numbers) {
    double sum = 0;
    for (double number : numbers) {
      sum += number;
    }
    return sum / numbers.length;
  }

  private static double standardDeviation(double[] numbers) {
    double mean = mean(numbers);
    double squares = 0;
    for (double number : numbers) {
      squares += (number - mean) * (number - mean);
    }
    return Math.sqrt(squares / (numbers.length - 1));
  }

  /** The minimum (direction -1) or maximum (1) ignoring NaN; NaN if all are NaN; null if none. */
  private static Double extreme(double[] numbers, int direction) {
    if (numbers.length == 0) {
      return null;
    }
    double best = Double.NaN;
    for (double number : numbers) {
      if (!Double.isNaN(number)
          && (Double.isNaN(best) || Double.compare(number, best) * direction > 0)) {
        best = number;
      }
    }
    return best;
  }

  private static double toDouble(Object value, DataType type) {
    if (type instanceof DataType.UInt64 && value instanceof Long number) {
      return number >= 0 ? number : (double) (number >>> 1) * 2.0 + (number & 1);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    return ((Number) value).doubleValue();
  }

  private static long toPhysical(Object value, DataType type) {
    return switch (value) {
      case LocalDate date -> date.toEpochDay();
      case LocalTime time -> TemporalConversions.toTime64(time, ((DataType.Time64) type).unit());
      case LocalDateTime dateTime -> TemporalConversions.toEpoch(dateTime, timestampUnit(type));
      case ZonedDateTime dateTime ->
          TemporalConversions.toEpoch(dateTime.toInstant(), timestampUnit(type));
      case Duration duration ->
          TemporalConversions.toDuration(duration, ((DataType.Duration) type).unit());
      default -> throw new IllegalStateException("not a temporal value: " + value);
    };
  }

  private static Object fromPhysical(long value, DataType type) {
    return switch (type) {
      case DataType.Date32 t -> TemporalConversions.fromDate32((int) value);
      case DataType.Time64 time -> TemporalConversions.fromTime64(value, time.unit());
      case DataType.Timestamp stamp ->
          stamp.timeZone() == null
              ? TemporalConversions.localFromEpoch(value, stamp.unit())
              : TemporalConversions.zonedFromEpoch(value, stamp.unit(), stamp.timeZone());
      case DataType.Duration duration -> TemporalConversions.fromDuration(value, duration.unit());
      default -> throw new IllegalStateException("not a temporal type: " + type);
    };
  }

  /** The mean cast back as Polars does (truncating); a date's mean is a datetime in μs. */
  private static Object meanValue(double mean, DataType type) {
    if (type instanceof DataType.Date32) {
      long micros = (long) (mean * 86_400_000_000.0);
      return TemporalConversions.localFromEpoch(micros, TimeUnit.MICROSECOND);
    }
    return fromPhysical((long) mean, type);
  }

  private static TimeUnit timestampUnit(DataType type) {
    return ((DataType.Timestamp) type).unit();
  }

  private static int compareBytesOrText(Object left, Object right) {
    if (left instanceof byte[] leftBytes && right instanceof byte[] rightBytes) {
      return Arrays.compareUnsigned(leftBytes, rightBytes);
    }
    String leftText = left.toString();
    String rightText = right.toString();
    // Code point order equals UTF-8 byte order, which is how Polars compares strings.
    return Arrays.compare(leftText.codePoints().toArray(), rightText.codePoints().toArray());
  }

  private static List<Object> nullList(int rows) {
    return Arrays.asList(new Object[rows]);
  }
}
