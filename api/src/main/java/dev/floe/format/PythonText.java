package dev.floe.format;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of the value Polars' {@code to_list()} would hand to
 * Python for a Floe value. Polars builds {@code glimpse()} and the text cells of {@code describe()}
 * from these, so Floe reproduces them: {@code True}, {@code 'a'}, {@code 1e-07}, {@code None}
 * inside lists, {@code datetime.date(2024, 1, 5)} inside lists, {@code 1 day, 5:03:00}.
 * Sub-microsecond precision is dropped, as Python's datetime types cannot hold it.
 */
public final class PythonText {
  private PythonText() {}

  /** Python's {@code str(value)}. */
  public static String str(Object value) {
    return switch (value) {
      case null -> "None";
      case String text -> text;
      case LocalDate date -> date.toString();
      case LocalTime time -> time(time);
      case LocalDateTime dateTime -> dateTime.toLocalDate() + " " + time(dateTime.toLocalTime());
      case ZonedDateTime dateTime ->
          str(dateTime.toLocalDateTime()) + offset(dateTime.getOffset());
      case Duration duration -> timedelta(duration);
      case BigDecimal number -> number.toPlainString();
      default -> repr(value);
    };
  }

  /** Python's {@code repr(value)}. */
  public static String repr(Object value) {
    return switch (value) {
      case null -> "None";
      case Boolean flag -> flag ? "True" : "False";
      case String text -> quote(text);
      case Double number -> floatRepr(number);
      case Float number -> floatRepr(number.doubleValue());
      case byte[] bytes -> bytesRepr(bytes);
      case BigDecimal number -> "Decimal('" + number.toPlainString() + "')";
      case LocalDate date -> "datetime.date(" + dateFields(date) + ")";
      case LocalTime time -> "datetime.time(" + timeFields(time) + ")";
      case LocalDateTime dateTime -> "datetime.datetime(" + dateTimeFields(dateTime) + ")";
      case ZonedDateTime dateTime ->
          "datetime.datetime(" + dateTimeFields(dateTime.toLocalDateTime())
              + ", tzinfo=zoneinfo.ZoneInfo(key='" + dateTime.getZone().getId() + "'))";
      case Duration duration -> timedeltaRepr(duration);
      case List<?> items -> listRepr(items);
      case Map<?, ?> fields -> mapRepr(fields);
      default -> value.toString();
    };
  }

  /** Python's {@code repr(float)}: shortest digits, scientific below 1e-4 and from 1e16. */
  static String floatRepr(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return Double.doubleToRawLongBits(value) == 0 ? "0.0" : "-0.0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    int exponent = exact.precision() - exact.scale() - 1;
    if (exponent >= -4 && exponent < 16) {
      String plain = exact.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String digits = exact.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String sign = exponent < 0 ? "-" : "+";
    String exponentDigits = String.format("%02d", Math.abs(exponent));
    return (value < 0 ? "-" : "") + mantissa + "e" + sign + exponentDigits;
  }

  /** Python's {@code repr(str)}: single quotes unless the text has one and no double quote. */
  static String quote(String text) {
    char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    text.codePoints().forEach(codePoint -> appendEscaped(out, codePoint, quote));
    return out.append(quote).toString();
  }

  private static void appendEscaped(StringBuilder out, int codePoint, char quote) {
    switch (codePoint) {
      case '\\' -> out.append("\\\\");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        if (codePoint == quote) {
          out.append('\\').append(quote);
        } else if (isPrintable(codePoint)) {
          out.appendCodePoint(codePoint);
        } else if (codePoint < 0x100) {
          out.append(String.format("\\x%02x", codePoint));
        } else if (codePoint < 0x10000) {
          out.append(String.format("\\u%04x", codePoint));
        } else {
          out.append(String.format("\\U%08x", codePoint));
        }
      }
    }
  }

  private static boolean isPrintable(int codePoint) {
    if (codePoint == ' ') {
      return true;
    }
    int type = Character.getType(codePoint);
    return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
        && type != Character.PRIVATE_USE && type != Character.UNASSIGNED
        && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
        && type != Character.SPACE_SEPARATOR;
  }

  private static String bytesRepr(byte[] bytes) {
    boolean hasSingle = false;
    boolean hasDouble = false;
    for (byte value : bytes) {
      hasSingle |= value == '\'';
      hasDouble |= value == '"';
    }
    char quote = hasSingle && !hasDouble ? '"' : '\'';
    StringBuilder out = new StringBuilder("b").append(quote);
    for (byte value : bytes) {
      int unsigned = value & 0xFF;
      switch (unsigned) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (unsigned == quote) {
            out.append('\\').append(quote);
          } else if (unsigned >= 0x20 && unsigned < 0x7F) {
            out.append((char) unsigned);
          } else {
            out.append(String.format("\\x%02x", unsigned));
          }
        }
      }
    }
    return out.append(quote).toString();
  }

  private static String time(LocalTime time) {
    String text =
        String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
    int micros = time.getNano() / 1_000;
    return micros == 0 ? text : text + String.format(".%06d", micros);
  }

  private static String offset(ZoneOffset offset) {
    int seconds = offset.getTotalSeconds();
    int abs = Math.abs(seconds);
    String text = String.format("%s%02d:%02d", seconds < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
    return abs % 60 == 0 ? text : text + String.format(":%02d", abs % 60);
  }

  private static String timedelta(Duration duration) {
    long micros = Math.floorDiv(duration.getNano(), 1_000) + duration.getSeconds() * 1_000_000L;
    long days = Math.floorDiv(micros, 86_400_000_000L);
    long rest = Math.floorMod(micros, 86_400_000_000L);
    long seconds = rest / 1_000_000;
    String clock = String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    if (rest % 1_000_000 != 0) {
      clock += String.format(".%06d", rest % 1_000_000);
    }
    return days == 0 ? clock : days + (Math.abs(days) == 1 ? " day, " : " days, ") + clock;
  }

  private static String timedeltaRepr(Duration duration) {
    long micros = Math.floorDiv(duration.getNano(), 1_000) + duration.getSeconds() * 1_000_000L;
    long days = Math.floorDiv(micros, 86_400_000_000L);
    long rest = Math.floorMod(micros, 86_400_000_000L);
    StringBuilder parts = new StringBuilder();
    if (days != 0) {
      parts.append("days=").append(days);
    }
    if (rest / 1_000_000 != 0) {
      parts.append(parts.isEmpty() ? "" : ", ").append("seconds=").append(rest / 1_000_000);
    }
    if (rest % 1_000_000 != 0) {
      parts.append(parts.isEmpty() ? "" : ", ").append("microseconds=").append(rest % 1_000_000);
    }
    return "datetime.timedelta(" + (parts.isEmpty() ? "0" : parts) + ")";
  }

  private static String timeFields(LocalTime time) {
    int micros = time.getNano() / 1_000;
    StringBuilder fields =
        new StringBuilder().append(time.getHour()).append(", ").append(time.getMinute());
    if (time.getSecond() != 0 || micros != 0) {
      fields.append(", ").append(time.getSecond());
    }
    if (micros != 0) {
      fields.append(", ").append(micros);
    }
    return fields.toString();
  }

  private static String dateFields(LocalDate date) {
    return date.getYear() + ", " + date.getMonthValue() + ", " + date.getDayOfMonth();
  }

  private static String dateTimeFields(LocalDateTime dateTime) {
    return dateFields(dateTime.toLocalDate()) + ", " + timeFields(dateTime.toLocalTime());
  }

  private static String listRepr(List<?> items) {
    StringBuilder out = new StringBuilder("[");
    for (int index = 0; index < items.size(); index++) {
      out.append(index > 0 ? ", " : "").append(repr(items.get(index)));
    }
    return out.append(']').toString();
  }

  private static String mapRepr(Map<?, ?> fields) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<?, ?> entry : fields.entrySet()) {
      out.append(out.length() > 1 ? ", " : "").append(repr(entry.getKey())).append(": ")
          .append(repr(entry.getValue()));
    }
    return out.append('}').toString();
  }
}
