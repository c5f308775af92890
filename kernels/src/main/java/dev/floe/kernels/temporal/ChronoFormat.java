package dev.floe.kernels.temporal;

import dev.floe.errors.ComputeException;
import dev.floe.kernels.temporal.ChronoItem.Field;
import dev.floe.kernels.temporal.ChronoItem.Fixed;
import dev.floe.kernels.temporal.ChronoItem.Kind;
import dev.floe.kernels.temporal.ChronoItem.Numeric;
import java.util.ArrayList;
import java.util.List;

/**
 * A chrono strftime format compiled to items, as chrono's {@code StrftimeItems} reads it for
 * parsing: {@code %Y %C %y %m %b %h %B %d %e %a %A %w %u %j %H %k %I %l %M %S %f %.f %.3f %.6f
 * %.9f %3f %6f %9f %p %P %z %:z %::z %#z %Z %s %F %T %D %R %t %n %% %+}; padding flags
 * ({@code %-d %_d %0d}) are accepted and ignored. Any other directive makes every value fail.
 */
public record ChronoFormat(String text, List<ChronoItem> items) {

  public ChronoFormat {
    items = List.copyOf(items);
  }

  /**
   * Compiles {@code format}; throws a {@link ComputeException} for the formats Polars rejects
   * (a 12-hour directive without a meridiem or the reverse, an hour without a minute).
   */
  public static ChronoFormat compile(String format) {
    ChronoFormat compiled = compileLenient(format);
    checkPolarsRules(format, compiled.items());
    return compiled;
  }

  /** Compiles {@code format} without Polars' date-time format rules (as {@code to_time} does). */
  public static ChronoFormat compileLenient(String format) {
    List<ChronoItem> items = new ArrayList<>();
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c != '%') {
        int end = i;
        boolean space = Character.isWhitespace(c);
        while (end < format.length() && format.charAt(end) != '%'
            && Character.isWhitespace(format.charAt(end)) == space) {
          end++;
        }
        items.add(space ? new ChronoItem.Space() : new ChronoItem.Literal(format.substring(i, end)));
        i = end;
        continue;
      }
      int j = i + 1;
      while (j < format.length() && "-_0".indexOf(format.charAt(j)) >= 0) {
        j++;
      }
      int specStart = j;
      while (j < format.length() && (format.charAt(j) == ':' || format.charAt(j) == '#'
          || format.charAt(j) == '.' || Character.isDigit(format.charAt(j)))) {
        j++;
      }
      if (j >= format.length()) {
        items.add(new ChronoItem.Error(format.substring(i)));
        break;
      }
      String spec = format.substring(specStart, j + 1);
      directive(spec, items);
      i = j + 1;
    }
    return new ChronoFormat(format, items);
  }

  private static void directive(String spec, List<ChronoItem> items) {
    switch (spec) {
      case "Y" -> items.add(new Numeric(Field.YEAR, 4, true));
      case "C" -> items.add(new Numeric(Field.YEAR_DIV_100, 2, false));
      case "y" -> items.add(new Numeric(Field.YEAR_MOD_100, 2, false));
      case "m" -> items.add(new Numeric(Field.MONTH, 2, false));
      case "d", "e" -> items.add(new Numeric(Field.DAY, 2, false));
      case "j" -> items.add(new Numeric(Field.ORDINAL, 3, false));
      case "w" -> items.add(new Numeric(Field.WEEKDAY_FROM_SUNDAY, 1, false));
      case "u" -> items.add(new Numeric(Field.WEEKDAY_FROM_MONDAY, 1, false));
      case "H", "k" -> items.add(new Numeric(Field.HOUR, 2, false));
      case "I", "l" -> items.add(new Numeric(Field.HOUR12, 2, false));
      case "M" -> items.add(new Numeric(Field.MINUTE, 2, false));
      case "S" -> items.add(new Numeric(Field.SECOND, 2, false));
      case "f" -> items.add(new Numeric(Field.NANOSECOND, 9, false));
      case "s" -> items.add(new Numeric(Field.TIMESTAMP, 19, false));
      case "b", "h" -> items.add(new Fixed(Kind.SHORT_MONTH));
      case "B" -> items.add(new Fixed(Kind.LONG_MONTH));
      case "a" -> items.add(new Fixed(Kind.SHORT_WEEKDAY));
      case "A" -> items.add(new Fixed(Kind.LONG_WEEKDAY));
      case "p", "P" -> items.add(new Fixed(Kind.AM_PM));
      case ".f" -> items.add(new Fixed(Kind.FRACTION));
      case ".3f" -> items.add(new Fixed(Kind.FRACTION3));
      case ".6f" -> items.add(new Fixed(Kind.FRACTION6));
      case ".9f" -> items.add(new Fixed(Kind.FRACTION9));
      case "3f" -> items.add(new Fixed(Kind.DIGITS3));
      case "6f" -> items.add(new Fixed(Kind.DIGITS6));
      case "9f" -> items.add(new Fixed(Kind.DIGITS9));
      case "z", ":z", "::z" -> items.add(new Fixed(Kind.OFFSET));
      case "#z" -> items.add(new Fixed(Kind.OFFSET_PERMISSIVE));
      case "Z" -> items.add(new Fixed(Kind.ZONE_NAME));
      case "+" -> items.add(new Fixed(Kind.RFC3339));
      case "F" -> {
        directive("Y", items);
        items.add(new ChronoItem.Literal("-"));
        directive("m", items);
        items.add(new ChronoItem.Literal("-"));
        directive("d", items);
      }
      case "D" -> {
        directive("m", items);
        items.add(new ChronoItem.Literal("/"));
        directive("d", items);
        items.add(new ChronoItem.Literal("/"));
        directive("y", items);
      }
      case "T" -> {
        directive("R", items);
        items.add(new ChronoItem.Literal(":"));
        directive("S", items);
      }
      case "R" -> {
        directive("H", items);
        items.add(new ChronoItem.Literal(":"));
        directive("M", items);
      }
      case "t", "n" -> items.add(new ChronoItem.Space());
      case "%" -> items.add(new ChronoItem.Literal("%"));
      default -> items.add(new ChronoItem.Error("%" + spec));
    }
  }

  private static void checkPolarsRules(String format, List<ChronoItem> items) {
    boolean hour12 = has(items, Field.HOUR12);
    boolean meridiem = items.stream().anyMatch(item -> item instanceof Fixed f
        && f.kind() == Kind.AM_PM);
    if (hour12 != meridiem) {
      throw new ComputeException(
          "invalid format \"" + format + "\": specify both a 12-hour directive and a meridiem"
              + " directive, or neither");
    }
    boolean hour = hour12 || has(items, Field.HOUR);
    if (hour != has(items, Field.MINUTE)) {
      throw new ComputeException(
          "invalid format \"" + format + "\": specify both hour and minute, or neither");
    }
  }

  private static boolean has(List<ChronoItem> items, Field field) {
    return items.stream().anyMatch(item -> item instanceof Numeric n && n.field() == field);
  }

  /** Whether the format parses a UTC offset ({@code %z} family or {@code %+}). */
  public boolean hasOffset() {
    return items.stream().anyMatch(item -> item instanceof Fixed f
        && (f.kind() == Kind.OFFSET || f.kind() == Kind.OFFSET_PERMISSIVE
            || f.kind() == Kind.RFC3339));
  }
}
