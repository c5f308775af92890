package dev.floe.io.csv;

import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats one value the way Polars' {@code write_csv} does: floats in their shortest round-trip
 * form with ".0" on integral values and scientific notation from 1e16 and below 1e-5 (f32: 1e13
 * and 1e-6; {@code 1e+20}, {@code 1e-7}), {@code NaN}/{@code inf}; dates ISO; datetimes {@code
 * 2020-01-02T03:04:05.123456} with as many fraction digits as the unit (and {@code +0000} style
 * offsets for zoned ones); times with nanoseconds; booleans {@code true}/{@code false}.
 */
final class CsvValueFormat {
  private final CsvWriteOptions options;
  private final DateTimeFormatter dateFormat;
  private final DateTimeFormatter datetimeFormat;
  private final DateTimeFormatter timeFormat;

  CsvValueFormat(CsvWriteOptions options) {
    this.options = options;
    this.dateFormat = pattern(options.dateFormat());
    this.datetimeFormat = pattern(options.datetimeFormat());
    this.timeFormat = pattern(options.timeFormat());
  }

  private static DateTimeFormatter pattern(String text) {
    try {
      return text == null ? null : DateTimeFormatter.ofPattern(text, Locale.ROOT);
    } catch (IllegalArgumentException invalid) {
      throw new dev.floe.errors.InvalidOperationException(
          "invalid date/time format '" + text + "': " + invalid.getMessage());
    }
  }

  /** True for types whose values are numbers (not quoted under NON_NUMERIC). */
  static boolean numeric(DataType type) {
    return type.isNumeric() || type instanceof DataType.Decimal128;
  }

  /** The text of row {@code index} of {@code column}, which is not null there. */
  String format(Column column, int index) {
    DataType type = column.type();
    return switch (column) {
      case VarBinaryColumn strings when type.isString() -> strings.getString(index);
      case BooleanColumn booleans -> booleans.getBoolean(index) ? "true" : "false";
      case FixedWidthColumn fixed -> formatFixed(fixed, type, index);
      default -> String.valueOf(column.getObject(index));
    };
  }

  private String formatFixed(FixedWidthColumn column, DataType type, int index) {
    return switch (type) {
      case DataType.Int8 t -> Byte.toString(column.getByte(index));
      case DataType.Int16 t -> Short.toString(column.getShort(index));
      case DataType.Int32 t -> Integer.toString(column.getInt(index));
      case DataType.Int64 t -> Long.toString(column.getLong(index));
      case DataType.UInt8 t -> Integer.toString(column.getByte(index) & 0xFF);
      case DataType.UInt16 t -> Integer.toString(column.getShort(index) & 0xFFFF);
      case DataType.UInt32 t -> Long.toString(column.getInt(index) & 0xFFFF_FFFFL);
      case DataType.UInt64 t -> Long.toUnsignedString(column.getLong(index));
      case DataType.Float64 t -> formatDouble(column.getDouble(index), false);
      case DataType.Float32 t -> formatDouble(column.getFloat(index), true);
      case DataType.Decimal128 t -> ((BigDecimal) column.getObject(index)).toPlainString();
      case DataType.Date32 t -> {
        LocalDate date = LocalDate.ofEpochDay(column.getInt(index));
        yield dateFormat == null ? date.toString() : dateFormat.format(date);
      }
      case DataType.Timestamp t -> formatDatetime(column.getLong(index), t);
      case DataType.Time64 t -> {
        long nanos = column.getLong(index) * (t.unit() == TimeUnit.MICROSECOND ? 1000 : 1);
        LocalTime time = LocalTime.ofNanoOfDay(nanos);
        yield timeFormat != null ? timeFormat.format(time)
            : String.format(Locale.ROOT, "%02d:%02d:%02d.%09d", time.getHour(), time.getMinute(),
                time.getSecond(), time.getNano());
      }
      default -> String.valueOf(column.getObject(index));
    };
  }

  private String formatDatetime(long value, DataType.Timestamp type) {
    long perSecond = type.unit().perSecond();
    long seconds = Math.floorDiv(value, perSecond);
    long fraction = Math.floorMod(value, perSecond);
    Instant instant = Instant.ofEpochSecond(seconds, fraction * (1_000_000_000L / perSecond));
    ZoneId zone = type.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(type.timeZone());
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    if (datetimeFormat != null) {
      return datetimeFormat.format(type.timeZone() == null ? local : instant.atZone(zone));
    }
    int digits = switch (type.unit()) {
      case SECOND -> 0;
      case MILLISECOND -> 3;
      case MICROSECOND -> 6;
      case NANOSECOND -> 9;
    };
    StringBuilder text = new StringBuilder(32);
    text.append(local.toLocalDate()).append('T');
    text.append(String.format(Locale.ROOT, "%02d:%02d:%02d", local.getHour(), local.getMinute(),
        local.getSecond()));
    if (digits > 0) {
      String nanos = String.format(Locale.ROOT, "%09d", local.getNano());
      text.append('.').append(nanos, 0, digits);
    }
    if (type.timeZone() != null) {
      int offset = zone.getRules().getOffset(instant).getTotalSeconds();
      text.append(offset < 0 ? '-' : '+');
      int absolute = Math.abs(offset);
      text.append(String.format(Locale.ROOT, "%02d%02d", absolute / 3600, absolute / 60 % 60));
    }
    return text.toString();
  }

  /** Polars' float text; {@code single} uses the shortest f32 digits. */
  String formatDouble(double value, boolean single) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (options.floatPrecision() != null) {
      boolean negative = value < 0 || (value == 0 && 1 / value < 0);
      String digits = new BigDecimal(Math.abs(value))
          .setScale(options.floatPrecision(), java.math.RoundingMode.HALF_EVEN).toPlainString();
      return negative ? "-" + digits : digits;
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0.0" : "0.0";
    }
    BigDecimal decimal = new BigDecimal(single ? Float.toString((float) value) : Double.toString(value))
        .stripTrailingZeros();
    double magnitude = Math.abs(value);
    boolean scientific = single
        ? (float) magnitude >= 1e13f || (float) magnitude < 1e-6f
        : magnitude >= 1e16 || magnitude < 1e-5;
    if (scientific) {
      String digits = decimal.unscaledValue().abs().toString();
      int exponent = digits.length() - decimal.scale() - 1;
      StringBuilder text = new StringBuilder(24);
      if (value < 0) {
        text.append('-');
      }
      text.append(digits.charAt(0));
      if (digits.length() > 1) {
        text.append('.').append(digits, 1, digits.length());
      }
      return text.append('e').append(exponent >= 0 ? "+" : "").append(exponent).toString();
    }
    String plain = decimal.toPlainString();
    return plain.indexOf('.') < 0 ? plain + ".0" : plain;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
