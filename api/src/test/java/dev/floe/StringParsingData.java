package dev.floe;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Realistic random text for {@link StringParsingDifferentialTest}: integers in several bases and
 * signs with garbage, decimals, dates and datetimes rendered in one of several chrono formats
 * (some invalid, some in another format), and words with separators.
 */
final class StringParsingData {
  private StringParsingData() {}

  /** The formats dates are rendered with (and then parsed with). */
  static final List<String> STYLES = List.of(
      "%Y-%m-%d", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y", "%Y.%m.%d", "%d-%m-%Y",
      "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S%.f",
      "%Y-%m-%d %H:%M:%S%.f", "%d/%m/%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%Y-%m-%dT%H:%M:%S%:z",
      "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%dT%H:%M:%SZ", "%b %d %Y", "%d %B %Y", "%a %Y-%m-%d",
      "%Y%m%d", "%y-%m-%d", "%I:%M %p %Y-%m-%d", "%Y-%j", "%s", "%Y-%m-%d %H:%M:%S%.3f",
      "%Y%m%dT%H%M%S", "%m/%d/%y %H:%M", "%F %T", "%e-%b-%Y %R");

  static String number(Random random) {
    return switch (random.nextInt(14)) {
      case 0 -> Long.toString(random.nextLong());
      case 1 -> Integer.toHexString(random.nextInt(1 << 20));
      case 2 -> Integer.toBinaryString(random.nextInt(1 << 12));
      case 3 -> "-" + random.nextInt(1000);
      case 4 -> "+" + random.nextInt(1000);
      case 5 -> pick(random, List.of("", " 12", "12 ", "1_000", "0x1F", "-", "+", "abc", "12a",
          "9223372036854775807", "9223372036854775808", "-9223372036854775808", "zz", "FF"));
      case 6 -> Integer.toString(random.nextInt(100), 36);
      case 7 -> Integer.toOctalString(random.nextInt(4096));
      default -> Integer.toString(random.nextInt(100_000) - 50_000);
    };
  }

  static String decimal(Random random) {
    return switch (random.nextInt(10)) {
      case 0 -> pick(random, List.of("", "abc", "1,5", " 1.5", "-", ".", "1.2.3", "1e3", "2.5E-1",
          "+.5", "-.5", "5.", "NaN", "inf", "1e", "00012.30", "-0"));
      case 1 -> Long.toString(random.nextLong());
      case 2 -> "9".repeat(30 + random.nextInt(10)) + "." + random.nextInt(100);
      default -> {
        String whole = Integer.toString(random.nextInt(100_000));
        String fraction = Integer.toString(random.nextInt(1_000_000));
        String sign = random.nextInt(4) == 0 ? "-" : random.nextInt(8) == 0 ? "+" : "";
        yield sign + whole + "." + fraction.substring(0, 1 + random.nextInt(fraction.length()));
      }
    };
  }

  static String words(Random random) {
    List<String> words = List.of("foo", "Bar", "baz", "é", "ß", "日本", "😀", "a1", "22", "x-y",
        "", "  ", "Q9", "007", "end\n", "cr\r");
    List<String> separators = List.of(",", ";", " ", "-", ", ", "ab", "é");
    int count = random.nextInt(5);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        text.append(pick(random, separators));
      }
      text.append(pick(random, words));
    }
    return text.toString();
  }

  /** A date or datetime in {@code style}, sometimes broken or in another style. */
  static String temporal(Random random, String style) {
    LocalDateTime time = randomDateTime(random);
    String offset = pick(random, List.of("+02:00", "-05:30", "+00:00", "+0100", "-0800"));
    String text = render(time, random.nextInt(12) == 0 ? pick(random, STYLES) : style, offset, random);
    return switch (random.nextInt(22)) {
      case 16 -> text.replace("T", " ");
      case 17 -> text.replace(" ", "  ");
      case 18 -> text.length() > 3 ? text.substring(0, text.length() - 3) : text;
      case 19 -> text + pick(random, List.of(".5", "Z", "+01", " PM", ":00", "+05:30"));
      case 20 -> text.toUpperCase(Locale.ROOT);
      case 0 -> " " + text;
      case 1 -> text + " x";
      case 2 -> text.replace("-", "/");
      case 3 -> pick(random, List.of("", "n/a", "2024-02-30", "2023-02-29", "2024-13-01",
          "2024-01-15 24:00:00", "2024-01-15 23:59:60", "2024-01-15 10:61:00", "31/04/2024",
          "2024-1-5", "2024-01-15 1:2:3", "0044-03-15", "2024-01-15T10:20:30.123456789"));
      case 4 -> text.replaceFirst("0", "");
      default -> text;
    };
  }

  private static LocalDateTime randomDateTime(Random random) {
    int year = random.nextInt(10) == 0 ? 1 + random.nextInt(3000) : 1950 + random.nextInt(100);
    LocalDateTime start = LocalDateTime.of(year, 1, 1, 0, 0);
    return start.plusSeconds(random.nextInt(365 * 86_400)).withNano(random.nextInt(1_000_000_000));
  }

  static String render(LocalDateTime time, String format, String offset, Random random) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      char d = format.charAt(++i);
      switch (d) {
        case 'Y' -> out.append(String.format("%04d", time.getYear()));
        case 'y' -> out.append(String.format("%02d", time.getYear() % 100));
        case 'm' -> out.append(String.format("%02d", time.getMonthValue()));
        case 'd' -> out.append(String.format("%02d", time.getDayOfMonth()));
        case 'e' -> out.append(String.format("%2d", time.getDayOfMonth()));
        case 'H' -> out.append(String.format("%02d", time.getHour()));
        case 'I' -> out.append(String.format("%02d", (time.getHour() + 11) % 12 + 1));
        case 'p' -> out.append(time.getHour() < 12 ? "AM" : "PM");
        case 'M' -> out.append(String.format("%02d", time.getMinute()));
        case 'S' -> out.append(String.format("%02d", time.getSecond()));
        case 'j' -> out.append(String.format("%03d", time.getDayOfYear()));
        case 'b' -> out.append(name(time.getMonth(), TextStyle.SHORT));
        case 'B' -> out.append(name(time.getMonth(), TextStyle.FULL));
        case 'a' -> out.append(name(time.getDayOfWeek(), TextStyle.SHORT));
        case 's' -> out.append(time.toEpochSecond(ZoneOffset.UTC));
        case 'z' -> out.append(offset.replace(":", ""));
        case ':' -> {
          i++;
          out.append(offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3)
              : offset);
        }
        case 'F' -> out.append(render(time, "%Y-%m-%d", offset, random));
        case 'T' -> out.append(render(time, "%H:%M:%S", offset, random));
        case 'R' -> out.append(render(time, "%H:%M", offset, random));
        case '.' -> {
          i++;
          if (format.charAt(i) == '3') {
            i++;
            out.append(String.format(".%03d", time.getNano() / 1_000_000));
          } else {
            String nanos = String.format("%09d", time.getNano());
            out.append('.').append(nanos, 0, 1 + random.nextInt(9));
          }
        }
        default -> throw new IllegalArgumentException("no rendering of %" + d);
      }
    }
    return out.toString();
  }

  private static String name(Object value, TextStyle style) {
    return value instanceof Month month
        ? month.getDisplayName(style, Locale.ENGLISH)
        : ((DayOfWeek) value).getDisplayName(style, Locale.ENGLISH);
  }

  static List<Object> column(Random random, int rows, java.util.function.Supplier<String> values) {
    List<Object> column = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      column.add(random.nextInt(8) == 0 ? null : values.get());
    }
    return column;
  }

  static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
