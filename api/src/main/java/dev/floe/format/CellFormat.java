package dev.floe.format;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * One value as Polars prints it. Two flavours, as in Polars:
 *
 * <ul>
 *   <li>{@link #value}: Polars' {@code AnyValue} display, used in series and inside nested values:
 *       strings in double quotes, lists {@code [1, 2, … 5]}, structs {@code {1,"a"}}, binaries
 *       {@code b"ab\x00"}.
 *   <li>{@link #cell}: a table cell ({@code str_value}): the same except that a top-level string or
 *       categorical is shown bare.
 * </ul>
 *
 * Values are the Java objects {@link dev.floe.memory.column.Column#getObject(int)} returns.
 */
public final class CellFormat {
  private CellFormat() {}

  /** A table cell: {@code null}, a bare string, or {@link #value}. */
  public static String cell(Object value, DataType type, DisplayOptions options) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String text && (type.isString() || type instanceof DataType.Dictionary)) {
      return text;
    }
    return value(value, type, options);
  }

  /** Polars' {@code AnyValue} display of {@code value} of {@code type}. */
  public static String value(Object value, DataType type, DisplayOptions options) {
    if (value == null) {
      return "null";
    }
    return switch (type) {
      case DataType.UInt64 t -> Long.toUnsignedString((Long) value);
      case DataType.Float32 t -> FloatFormat.format(((Float) value).doubleValue());
      case DataType.Float64 t -> FloatFormat.format((Double) value);
      case DataType.Decimal128 t -> ((BigDecimal) value).toPlainString();
      case DataType.Dictionary dictionary -> value(value, dictionary.valueType(), options);
      case DataType.Duration duration -> TemporalFormat.duration((Duration) value, duration.unit());
      case DataType.ListType list -> list((List<?>) value, list.valueType(), options);
      case DataType.LargeListType list -> list((List<?>) value, list.valueType(), options);
      case DataType.FixedSizeListType list -> list((List<?>) value, list.valueType(), options);
      case DataType.StructType struct -> struct(value, struct, options);
      default -> scalar(value, options);
    };
  }

  private static String scalar(Object value, DisplayOptions options) {
    return switch (value) {
      case String text -> "\"" + text + "\"";
      case byte[] bytes -> blob(bytes, options);
      case LocalDate date -> TemporalFormat.date(date);
      case LocalTime time -> TemporalFormat.time(time);
      case LocalDateTime dateTime -> TemporalFormat.dateTime(dateTime);
      case ZonedDateTime dateTime -> TemporalFormat.zonedDateTime(dateTime);
      case Double number -> FloatFormat.format(number);
      case Float number -> FloatFormat.format(number.doubleValue());
      case BigDecimal number -> number.toPlainString();
      default -> value.toString();
    };
  }

  /** Polars' {@code fmt_list}: all items if they fit the limit, else the first, … and the last. */
  static String list(List<?> items, DataType itemType, DisplayOptions options) {
    if (items.isEmpty()) {
      return "[]";
    }
    int limit = options.listLimit();
    StringBuilder text = new StringBuilder("[");
    if (limit == 0) {
      return text.append("…]").toString();
    }
    if (limit >= items.size()) {
      for (int index = 0; index < items.size(); index++) {
        if (index > 0) {
          text.append(", ");
        }
        text.append(value(items.get(index), itemType, options));
      }
    } else {
      for (int index = 0; index < limit - 1; index++) {
        text.append(value(items.get(index), itemType, options)).append(", ");
      }
      text.append("… ").append(value(items.getLast(), itemType, options));
    }
    return text.append(']').toString();
  }

  private static String struct(Object value, DataType.StructType type, DisplayOptions options) {
    Map<?, ?> fields = (Map<?, ?>) value;
    StringBuilder text = new StringBuilder("{");
    List<Field> declared = type.fields();
    for (int index = 0; index < declared.size(); index++) {
      if (index > 0) {
        text.append(',');
      }
      Field field = declared.get(index);
      text.append(value(fields.get(field.name()), field.type(), options));
    }
    return text.append('}').toString();
  }

  /**
   * Polars' {@code format_blob}: {@code b"…"} with ASCII letters, digits and punctuation as they
   * are and other bytes as {@code \xNN}, cut after twice the string length limit.
   */
  static String blob(byte[] bytes, DisplayOptions options) {
    int limit = options.stringLimit() == Integer.MAX_VALUE
        ? Integer.MAX_VALUE
        : options.stringLimit() * 2;
    StringBuilder text = new StringBuilder("b\"");
    int shown = Math.min(bytes.length, limit);
    for (int index = 0; index < shown; index++) {
      int unsigned = bytes[index] & 0xFF;
      if (unsigned > 0x20 && unsigned < 0x7F) {
        text.append((char) unsigned);
      } else {
        text.append(String.format("\\x%02x", unsigned));
      }
    }
    return text.append(bytes.length > limit ? "\"…" : "\"").toString();
  }
}
