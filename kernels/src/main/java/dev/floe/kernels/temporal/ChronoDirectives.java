package dev.floe.kernels.temporal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** The chrono format directives of {@link ChronoFormatter}, one {@link Item} each. */
final class ChronoDirectives {
  private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.US);

  private ChronoDirectives() {}

  /** The value being formatted: wall-clock day and time, UTC offset, instant. */
  static final class Moment {
    private final ZoneId zone;
    long days;
    long nanoOfDay;
    int offsetSeconds;
    long epochSecond;
    LocalDate date;

    Moment(String zone) {
      this.zone = zone == null ? null : ZoneId.of(zone);
    }

    void set(long days, long nanoOfDay, int offsetSeconds, long epochSecond) {
      this.days = days;
      this.nanoOfDay = nanoOfDay;
      this.offsetSeconds = offsetSeconds;
      this.epochSecond = epochSecond;
      this.date = LocalDate.ofEpochDay(days);
    }

    int hour() {
      return (int) (nanoOfDay / 3_600_000_000_000L);
    }

    int nano() {
      return (int) (nanoOfDay % 1_000_000_000L);
    }

    String zoneName() {
      return ZONE_NAME.format(Instant.ofEpochSecond(epochSecond).atZone(zone));
    }
  }

  /** What a directive needs from the input. */
  private enum Needs { DATE, TIME, ZONE }

  /** One piece of the output. */
  interface Item {
    void append(Moment moment, StringBuilder out);

    default boolean supports(ChronoFormatter.Kind kind) {
      return true;
    }
  }

  private record Needing(Needs needs, Item item) implements Item {
    public void append(Moment moment, StringBuilder out) {
      item.append(moment, out);
    }

    public boolean supports(ChronoFormatter.Kind kind) {
      return switch (needs) {
        case DATE -> kind != ChronoFormatter.Kind.TIME;
        case TIME -> kind != ChronoFormatter.Kind.DATE;
        case ZONE -> kind == ChronoFormatter.Kind.ZONED;
      };
    }
  }

  static Item literal(String text) {
    return (moment, out) -> out.append(text);
  }

  /** The index after the directive starting at {@code start} ('%'), or -1 when it is cut short. */
  static int directiveEnd(String format, int start) {
    int position = start + 1;
    if (position < format.length() && "-_0".indexOf(format.charAt(position)) >= 0) {
      position++;
    }
    while (position < format.length() && ".:#3690".indexOf(format.charAt(position)) >= 0) {
      position++;
    }
    return position < format.length() ? position + 1 : -1;
  }

  /** The item of {@code directive} (with its '%'), or null when chrono does not know it. */
  static Item item(String directive) {
    String body = directive.substring(1);
    char pad = 0;
    if (body.length() > 1 && "-_0".indexOf(body.charAt(0)) >= 0) {
      pad = body.charAt(0);
      body = body.substring(1);
    }
    Item numeric = numeric(body, pad);
    if (numeric != null || pad != 0) {
      return numeric;
    }
    return switch (body) {
      case "a" -> date(m -> m.date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
      case "A" -> date(m -> m.date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
      case "b", "h" -> date(m -> m.date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
      case "B" -> date(m -> m.date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
      case "p" -> time(m -> m.hour() < 12 ? "AM" : "PM");
      case "P" -> time(m -> m.hour() < 12 ? "am" : "pm");
      case "f" -> time(m -> pad(m.nano(), 9, '0'));
      case ".f" -> time(m -> autoFraction(m.nano()));
      case ".3f" -> time(m -> "." + pad(m.nano() / 1_000_000, 3, '0'));
      case ".6f" -> time(m -> "." + pad(m.nano() / 1_000, 6, '0'));
      case ".9f" -> time(m -> "." + pad(m.nano(), 9, '0'));
      case "3f" -> time(m -> pad(m.nano() / 1_000_000, 3, '0'));
      case "6f" -> time(m -> pad(m.nano() / 1_000, 6, '0'));
      case "9f" -> time(m -> pad(m.nano(), 9, '0'));
      case "z" -> zone(m -> offset(m.offsetSeconds, false, false));
      case ":z" -> zone(m -> offset(m.offsetSeconds, true, false));
      case "::z" -> zone(m -> offset(m.offsetSeconds, true, true));
      case "Z" -> zone(Moment::zoneName);
      case "D", "x" -> composite(Needs.DATE, "%m/%d/%y");
      case "F" -> composite(Needs.DATE, "%Y-%m-%d");
      case "v" -> composite(Needs.DATE, "%e-%b-%Y");
      case "R" -> composite(Needs.TIME, "%H:%M");
      case "T", "X" -> composite(Needs.TIME, "%H:%M:%S");
      case "r" -> composite(Needs.TIME, "%I:%M:%S %p");
      case "c" -> composite(Needs.TIME, "%a %b %e %H:%M:%S %Y");
      case "%" -> literal("%");
      case "n" -> literal("\n");
      case "t" -> literal("\t");
      default -> null;
    };
  }

  private static Item numeric(String body, char pad) {
    return switch (body) {
      case "Y" -> number(Needs.DATE, m -> m.date.getYear(), 4, '0', pad);
      case "C" -> number(Needs.DATE, m -> Math.floorDiv(m.date.getYear(), 100), 2, '0', pad);
      case "y" -> number(Needs.DATE, m -> Math.floorMod(m.date.getYear(), 100), 2, '0', pad);
      case "m" -> number(Needs.DATE, m -> m.date.getMonthValue(), 2, '0', pad);
      case "d" -> number(Needs.DATE, m -> m.date.getDayOfMonth(), 2, '0', pad);
      case "e" -> number(Needs.DATE, m -> m.date.getDayOfMonth(), 2, ' ', pad);
      case "j" -> number(Needs.DATE, m -> m.date.getDayOfYear(), 3, '0', pad);
      case "u" -> number(Needs.DATE, m -> m.date.getDayOfWeek().getValue(), 1, '0', pad);
      case "w" -> number(Needs.DATE, m -> m.date.getDayOfWeek().getValue() % 7, 1, '0', pad);
      case "U" -> number(Needs.DATE, m -> weekNumber(m.date, 0), 2, '0', pad);
      case "W" -> number(Needs.DATE, m -> weekNumber(m.date, 1), 2, '0', pad);
      case "V" -> number(Needs.DATE, m -> m.date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0', pad);
      case "G" -> number(Needs.DATE, m -> m.date.get(IsoFields.WEEK_BASED_YEAR), 4, '0', pad);
      case "g" ->
          number(Needs.DATE, m -> Math.floorMod(m.date.get(IsoFields.WEEK_BASED_YEAR), 100), 2, '0', pad);
      case "H" -> number(Needs.TIME, Moment::hour, 2, '0', pad);
      case "k" -> number(Needs.TIME, Moment::hour, 2, ' ', pad);
      case "I" -> number(Needs.TIME, m -> twelve(m.hour()), 2, '0', pad);
      case "l" -> number(Needs.TIME, m -> twelve(m.hour()), 2, ' ', pad);
      case "M" -> number(Needs.TIME, m -> m.nanoOfDay / 60_000_000_000L % 60, 2, '0', pad);
      case "S" -> number(Needs.TIME, m -> m.nanoOfDay / 1_000_000_000L % 60, 2, '0', pad);
      case "s" -> number(Needs.TIME, m -> m.epochSecond, 1, '0', pad);
      default -> null;
    };
  }

  private static Item number(
      Needs needs, ToLongFunction<Moment> value, int width, char defaultPad, char pad) {
    char fill = switch (pad) {
      case '-' -> 0;
      case '_' -> ' ';
      case '0' -> '0';
      default -> defaultPad;
    };
    return new Needing(
        needs, (moment, out) -> out.append(fill == 0 ? Long.toString(value.applyAsLong(moment))
            : pad(value.applyAsLong(moment), width, fill)));
  }

  private static Item date(java.util.function.Function<Moment, String> text) {
    return new Needing(Needs.DATE, (moment, out) -> out.append(text.apply(moment)));
  }

  private static Item time(java.util.function.Function<Moment, String> text) {
    return new Needing(Needs.TIME, (moment, out) -> out.append(text.apply(moment)));
  }

  private static Item zone(java.util.function.Function<Moment, String> text) {
    return new Needing(Needs.ZONE, (moment, out) -> out.append(text.apply(moment)));
  }

  private static Item composite(Needs needs, String format) {
    java.util.List<Item> parts = new java.util.ArrayList<>();
    int position = 0;
    while (position < format.length()) {
      if (format.charAt(position) == '%') {
        int end = directiveEnd(format, position);
        parts.add(item(format.substring(position, end)));
        position = end;
      } else {
        parts.add(literal(String.valueOf(format.charAt(position))));
        position++;
      }
    }
    return new Needing(needs, (moment, out) -> parts.forEach(part -> part.append(moment, out)));
  }

  static String pad(long value, int width, char fill) {
    String digits = Long.toString(Math.abs(value));
    StringBuilder text = new StringBuilder(value < 0 ? "-" : "");
    for (int index = digits.length() + (value < 0 ? 1 : 0); index < width; index++) {
      text.append(fill);
    }
    return text.append(digits).toString();
  }

  private static String autoFraction(int nano) {
    if (nano == 0) {
      return "";
    }
    if (nano % 1_000_000 == 0) {
      return "." + pad(nano / 1_000_000, 3, '0');
    }
    if (nano % 1_000 == 0) {
      return "." + pad(nano / 1_000, 6, '0');
    }
    return "." + pad(nano, 9, '0');
  }

  /** An offset as chrono prints it: without seconds it is rounded to the nearest minute. */
  private static String offset(int seconds, boolean colon, boolean withSeconds) {
    int magnitude = withSeconds ? Math.abs(seconds) : (Math.abs(seconds) + 30) / 60 * 60;
    String sign = seconds < 0 ? "-" : "+";
    String hours = pad(magnitude / 3600, 2, '0');
    String minutes = pad(magnitude / 60 % 60, 2, '0');
    String separator = colon ? ":" : "";
    String text = sign + hours + separator + minutes;
    return withSeconds ? text + separator + pad(magnitude % 60, 2, '0') : text;
  }

  private static long twelve(int hour) {
    int twelve = hour % 12;
    return twelve == 0 ? 12 : twelve;
  }

  /** Week of the year (00..53) with weeks starting on Sunday ({@code first} 0) or Monday (1). */
  private static long weekNumber(LocalDate date, int first) {
    int weekday = date.getDayOfWeek().getValue() % 7; // Sunday 0
    int daysSinceFirst = Math.floorMod(weekday - first, 7);
    return (date.getDayOfYear() - 1 - daysSinceFirst + 7) / 7;
  }
}
