package dev.floe.kernels;

import dev.floe.memory.types.TimeUnit;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text forms of values as Polars 1.44.2 casts them to and from strings (each rule below was
 * checked against it). Parsers return null when the text is not a value of the type.
 */
final class CastText {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  /** Rust's f64 grammar: digits with an optional point and exponent; no hex, no suffix, no spaces. */
  private static final Pattern FLOAT =
      Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private CastText() {}

  /** Polars' float text: shortest round-trip digits; "1e+20", "1.5e-7", "0.00001", "1.0". */
  static String formatDouble(double value, boolean float32) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0.0" : "0.0";
    }
    // Float.toString / Double.toString give the shortest digits that round-trip (JDK 19+).
    BigDecimal shortest =
        new BigDecimal(float32 ? Float.toString((float) value) : Double.toString(value)).stripTrailingZeros();
    // Java renders at least two digits (4.9E-324) where one round-trips (5e-324, Rust's choice).
    if (shortest.precision() == 2) {
      BigDecimal oneDigit = shortest.round(new MathContext(1, RoundingMode.HALF_EVEN));
      boolean roundTrips = float32
          ? Float.parseFloat(oneDigit.toString()) == (float) value
          : Double.parseDouble(oneDigit.toString()) == value;
      if (roundTrips) {
        shortest = oneDigit;
      }
    }
    int exponent = shortest.precision() - shortest.scale() - 1; // position of the first digit
    // Polars switches to scientific form below 1e-5 (f32: 1e-6) and from 1e16 on.
    if (exponent < (float32 ? -6 : -5) || exponent >= 16) {
      String digits = shortest.unscaledValue().abs().toString().replaceAll("0+$", "");
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }
    String plain = shortest.stripTrailingZeros().toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  static String formatDate(LocalDate date) {
    return DATE.format(date);
  }

  /** "2020-01-02 03:04:05.123456": as many fraction digits as the unit has (none for seconds). */
  static String formatDateTime(LocalDateTime dateTime, TimeUnit unit) {
    StringBuilder text = new StringBuilder(DATE.format(dateTime.toLocalDate())).append(' ')
        .append(String.format(Locale.ROOT, "%02d:%02d:%02d",
            dateTime.getHour(), dateTime.getMinute(), dateTime.getSecond()));
    int digits = switch (unit) {
      case SECOND -> 0;
      case MILLISECOND -> 3;
      case MICROSECOND -> 6;
      case NANOSECOND -> 9;
    };
    if (digits > 0) {
      String nanos = String.format(Locale.ROOT, "%09d", dateTime.getNano());
      text.append('.').append(nanos, 0, digits);
    }
    return text.toString();
  }

  static String formatZoned(ZonedDateTime zoned, TimeUnit unit) {
    return formatDateTime(zoned.toLocalDateTime(), unit) + zoned.getOffset().getId().replace("Z", "+00:00");
  }

  static String formatTime(LocalTime time) {
    return String.format(Locale.ROOT, "%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
  }

  static BigInteger parseInteger(String text) {
    return INTEGER.matcher(text).matches() ? new BigInteger(text) : null;
  }

  /** Rust's {@code f64::from_str}: also "inf", "infinity", "nan" in any case; overflow is inf. */
  static Double parseDouble(String text) {
    String unsigned = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
    String lower = unsigned.toLowerCase(Locale.ROOT);
    boolean negative = text.startsWith("-");
    if (lower.equals("inf") || lower.equals("infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (lower.equals("nan")) {
      return Double.NaN;
    }
    return FLOAT.matcher(text).matches() ? Double.parseDouble(text) : null;
  }

  static BigDecimal parseDecimal(String text) {
    if (!FLOAT.matcher(text).matches()) {
      return null;
    }
    return new BigDecimal(text.endsWith(".") ? text.substring(0, text.length() - 1) : text);
  }

  static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text, DATE);
    } catch (DateTimeParseException invalid) {
      return null;
    }
  }

  /** "2020-01-02 03:04:05", with 'T' or a space, optional fraction; a bare date is midnight. */
  static LocalDateTime parseDateTime(String text) {
    String normalized = text.replace(' ', 'T');
    try {
      return normalized.contains("T")
          ? LocalDateTime.parse(normalized) : LocalDate.parse(normalized, DATE).atStartOfDay();
    } catch (DateTimeParseException invalid) {
      return null;
    }
  }
}
