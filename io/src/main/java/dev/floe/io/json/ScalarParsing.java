package dev.floe.io.json;

import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.TemporalConversions;
import dev.floe.memory.types.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Numbers and strings into non-string scalar columns: integers with range checks, floats, decimals,
 * and temporal values from the text Polars writes ({@code 2020-01-02}, {@code 2020-01-02
 * 03:04:05.000006}, RFC 3339 with an offset, {@code 01:02:03}, ISO 8601 durations) or from their
 * physical integers.
 */
final class ScalarParsing {
  private ScalarParsing() {}

  /** The scanner's last token is a number. */
  static void number(JsonDecoder decoder, DecodePlan plan, long start) {
    JsonScanner scanner = decoder.scanner();
    DataType type = plan.type;
    if (type.isFloatingPoint()) {
      double value = NumberParsing.toDouble(scanner);
      FixedWidthBuilder builder = (FixedWidthBuilder) plan.builder;
      if (type instanceof DataType.Float32) {
        builder.appendFloat((float) value);
      } else {
        builder.appendDouble(value);
      }
      return;
    }
    if (type instanceof DataType.Decimal128 decimal) {
      decimal(decoder, plan, start, decimal, scanner.tokenText());
      return;
    }
    boolean physical = type.isTemporal();
    if (!type.isInteger() && !physical) {
      decoder.failed(plan, start, null);
      return;
    }
    if (!scanner.integral) {
      decoder.failed(plan, start, "not an integer");
      return;
    }
    if (!NumberParsing.fitsLong(scanner)) {
      if (type instanceof DataType.UInt64 && scanner.tokenEnd - scanner.tokenStart <= 20) {
        decoder.appendObject(plan, start, new BigInteger(scanner.tokenText()));
      } else {
        decoder.failed(plan, start, "out of range");
      }
      return;
    }
    long value = NumberParsing.toLong(scanner);
    FixedWidthBuilder builder = (FixedWidthBuilder) plan.builder;
    if (type instanceof DataType.Int64 || (physical && type.byteWidth() == 8)) {
      builder.appendLong(value);
    } else if (type instanceof DataType.UInt64 && value < 0) {
      decoder.failed(plan, start, "out of range");
    } else if (physical) {
      if (value != (int) value) {
        decoder.failed(plan, start, "out of range");
      } else {
        builder.appendInt((int) value);
      }
    } else {
      decoder.appendObject(plan, start, value);
    }
  }

  /** The scanner's last token is a string ({@code text}, decoded). */
  static void text(JsonDecoder decoder, DecodePlan plan, long start, String text) {
    try {
      switch (plan.type) {
        case DataType.Date32 t ->
            ((FixedWidthBuilder) plan.builder).appendInt(TemporalConversions.toDate32(LocalDate.parse(text)));
        case DataType.Timestamp stamp -> timestamp(decoder, plan, start, stamp, text);
        case DataType.Time64 time ->
            ((FixedWidthBuilder) plan.builder)
                .appendLong(TemporalConversions.toTime64(LocalTime.parse(text), time.unit()));
        case DataType.Duration duration ->
            ((FixedWidthBuilder) plan.builder)
                .appendLong(TemporalConversions.toDuration(Duration.parse(text), duration.unit()));
        case DataType.Decimal128 decimal -> decimal(decoder, plan, start, decimal, text);
        case DataType.Binary t -> plan.builder.appendObject(text.getBytes(StandardCharsets.UTF_8));
        case DataType.LargeBinary t -> plan.builder.appendObject(text.getBytes(StandardCharsets.UTF_8));
        case DataType.BinaryView t -> plan.builder.appendObject(text.getBytes(StandardCharsets.UTF_8));
        default -> decoder.failed(plan, start, null);
      }
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException invalid) {
      decoder.failed(plan, start, null);
    }
  }

  /** A decimal, rejected before rescaling when it has too many digits (1e999999999 would hang). */
  private static void decimal(JsonDecoder decoder, DecodePlan plan, long start,
      DataType.Decimal128 type, String text) {
    if (text.length() > 200) {
      decoder.failed(plan, start, "too many digits");
      return;
    }
    BigDecimal value = new BigDecimal(text);
    value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (value.precision() - value.scale() > type.precision() || value.scale() > type.scale()) {
      decoder.failed(plan, start, "does not fit " + type);
      return;
    }
    decoder.appendObject(plan, start, value);
  }

  private static void timestamp(
      JsonDecoder decoder, DecodePlan plan, long start, DataType.Timestamp stamp, String text) {
    String iso = text.length() > 10 && text.charAt(10) == ' '
        ? text.substring(0, 10) + 'T' + text.substring(11)
        : text;
    FixedWidthBuilder builder = (FixedWidthBuilder) plan.builder;
    if (iso.length() == 10) {
      builder.appendLong(TemporalConversions.toEpoch(LocalDate.parse(iso).atStartOfDay(), stamp.unit()));
      return;
    }
    boolean hasOffset = iso.endsWith("Z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10;
    if (hasOffset) {
      OffsetDateTime zoned = OffsetDateTime.parse(iso);
      builder.appendLong(stamp.timeZone() == null
          ? TemporalConversions.toEpoch(zoned.toLocalDateTime(), stamp.unit())
          : TemporalConversions.toEpoch(zoned.toInstant(), stamp.unit()));
    } else {
      LocalDateTime local = LocalDateTime.parse(iso);
      if (stamp.timeZone() == null) {
        builder.appendLong(TemporalConversions.toEpoch(local, stamp.unit()));
      } else {
        builder.appendLong(TemporalConversions.toEpoch(
            local.atZone(java.time.ZoneId.of(stamp.timeZone())).toInstant(), stamp.unit()));
      }
    }
  }
}
