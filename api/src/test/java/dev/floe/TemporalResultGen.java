package dev.floe;

import dev.floe.TemporalGen.Gen;
import dev.floe.planner.expr.Expr;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Random value-producing temporal expressions (fields, epochs, strftime, totals, comparisons,
 * arithmetic) over the inputs of {@link TemporalGen}, in Java and Python.
 */
final class TemporalResultGen {
  private static final String[] FIELDS = {
    "year", "month", "day", "weekday", "ordinalDay", "quarter", "week", "isoYear",
    "century", "millennium", "daysInMonth", "isLeapYear", "hour", "minute", "second", "millisecond", "microsecond", "nanosecond"
  };
  private static final String[] FIELD_PY = {
    "year", "month", "day", "weekday", "ordinal_day", "quarter", "week", "iso_year",
    "century", "millennium", "days_in_month", "is_leap_year", "hour", "minute", "second", "millisecond", "microsecond", "nanosecond"
  };
  private static final String[] TOTALS = {
    "Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Microseconds", "Nanoseconds"
  };

  private final TemporalGen in;

  TemporalResultGen(TemporalGen in) {
    this.in = in;
  }

  /** A random expression producing values (fields, epochs, strings, totals, comparisons, ...). */
  Gen any() {
    int depth = in.random.nextInt(3);
    return switch (in.random.nextInt(16)) {
      case 0, 1 -> field(in.random.nextBoolean() ? in.datetime(depth) : in.date(depth), 12);
      case 2, 3 -> field(in.datetime(depth), FIELDS.length);
      case 4 -> {
        Gen time = TemporalGen.call(in.datetime(depth), "time", "time");
        yield in.random.nextBoolean() ? time : field(time, FIELDS.length);
      }
      case 5 -> epoch(in.random.nextBoolean() ? in.datetime(depth) : in.date(depth));
      case 6 -> strftime(depth);
      case 7, 8 -> total(in.duration(depth + 1));
      case 9, 10 -> comparison(depth);
      case 11 -> in.date(depth + 1);
      case 12 -> in.naive(depth + 1);
      case 13 -> in.zoned(depth + 1);
      case 14 -> in.duration(depth + 1);
      default -> TemporalGen.binary(in.duration(depth), "div", "/", in.duration(depth));
    };
  }

  private Gen field(Gen input, int fields) {
    int index = in.random.nextInt(fields);
    Expr expr = switch (FIELDS[index]) {
      case "year" -> input.expr().dt().year();
      case "month" -> input.expr().dt().month();
      case "day" -> input.expr().dt().day();
      case "weekday" -> input.expr().dt().weekday();
      case "ordinalDay" -> input.expr().dt().ordinalDay();
      case "quarter" -> input.expr().dt().quarter();
      case "week" -> input.expr().dt().week();
      case "isoYear" -> input.expr().dt().isoYear();
      case "century" -> input.expr().dt().century();
      case "millennium" -> input.expr().dt().millennium();
      case "daysInMonth" -> input.expr().dt().daysInMonth();
      case "isLeapYear" -> input.expr().dt().isLeapYear();
      case "hour" -> input.expr().dt().hour();
      case "minute" -> input.expr().dt().minute();
      case "second" -> input.expr().dt().second();
      case "millisecond" -> input.expr().dt().millisecond();
      case "microsecond" -> input.expr().dt().microsecond();
      default -> input.expr().dt().nanosecond();
    };
    return new Gen(expr, input.python() + ".dt." + FIELD_PY[index] + "()");
  }

  private Gen epoch(Gen input) {
    if (in.random.nextBoolean()) {
      String unit = in.pick(List.of("s", "ms", "us", "ns", "d"));
      return new Gen(input.expr().dt().epoch(unit), input.python() + ".dt.epoch(" + TemporalGen.q(unit) + ")");
    }
    String unit = in.pick(List.of("ms", "us", "ns"));
    return new Gen(input.expr().dt().timestamp(unit), input.python() + ".dt.timestamp(" + TemporalGen.q(unit) + ")");
  }

  private Gen strftime(int depth) {
    Gen input;
    String format;
    switch (in.random.nextInt(4)) {
      case 0 -> {
        input = in.date(depth);
        format = in.pick(TemporalGen.DATE_FORMATS);
      }
      case 1 -> {
        input = in.zoned(depth);
        format = in.pick(in.random.nextBoolean() ? TemporalGen.ZONED_FORMATS : TemporalGen.FORMATS);
      }
      case 2 -> {
        input = TemporalGen.call(in.naive(depth), "time", "time");
        format = in.pick(List.of("%H:%M:%S", "%T%.f", "%I %p %f", "%R %.3f"));
      }
      default -> {
        input = in.naive(depth);
        format = in.pick(TemporalGen.FORMATS);
      }
    }
    return new Gen(input.expr().dt().strftime(format),
        input.python() + ".dt.strftime(" + PolarsCases.pyString(format) + ")");
  }

  private Gen total(Gen duration) {
    int index = in.random.nextInt(TOTALS.length);
    boolean fractional = in.random.nextInt(3) == 0;
    Expr expr = switch (index) {
      case 0 -> duration.expr().dt().totalDays(fractional);
      case 1 -> duration.expr().dt().totalHours(fractional);
      case 2 -> duration.expr().dt().totalMinutes(fractional);
      case 3 -> duration.expr().dt().totalSeconds(fractional);
      case 4 -> duration.expr().dt().totalMilliseconds(fractional);
      case 5 -> duration.expr().dt().totalMicroseconds(fractional);
      default -> duration.expr().dt().totalNanoseconds(fractional);
    };
    String name = TOTALS[index].toLowerCase(java.util.Locale.ROOT);
    return new Gen(expr, duration.python() + ".dt.total_" + name + "(fractional="
        + (fractional ? "True" : "False") + ")");
  }

  private Gen comparison(int depth) {
    String[] methods = {"eq", "ne", "lt", "le", "gt", "ge"};
    String[] symbols = {"==", "!=", "<", "<=", ">", ">="};
    int op = in.random.nextInt(methods.length);
    Gen left;
    Object literal;
    String pyLiteral;
    switch (in.random.nextInt(6)) {
      case 0 -> {
        left = in.date(depth);
        LocalDate value = LocalDate.of(1900 + in.random.nextInt(200), 1 + in.random.nextInt(12), 1);
        literal = value;
        pyLiteral = PolarsCases.python(value);
      }
      case 1 -> {
        left = in.naive(depth);
        LocalDateTime value = LocalDateTime.of(1900 + in.random.nextInt(200), 6, 1, 12, 0);
        literal = value;
        pyLiteral = PolarsCases.python(value);
      }
      case 2 -> {
        left = in.naive(depth);
        LocalDate value = LocalDate.of(1900 + in.random.nextInt(200), 1 + in.random.nextInt(12), 1);
        literal = value;
        pyLiteral = PolarsCases.python(value);
      }
      case 3 -> {
        left = in.duration(depth);
        Duration value = Duration.ofHours(in.random.nextInt(2000) - 1000);
        literal = value;
        pyLiteral = PolarsCases.python(value);
      }
      case 4 -> {
        Gen a = in.naive(depth);
        Gen b = in.random.nextBoolean() ? in.naive(depth) : in.date(depth);
        return compare(a, b, methods[op], symbols[op]);
      }
      default -> {
        return compare(in.zoned(depth), TemporalGen.column("tz"), methods[op], symbols[op]);
      }
    }
    Expr expr = switch (methods[op]) {
      case "eq" -> left.expr().eq(literal);
      case "ne" -> left.expr().ne(literal);
      case "lt" -> left.expr().lt(literal);
      case "le" -> left.expr().le(literal);
      case "gt" -> left.expr().gt(literal);
      default -> left.expr().ge(literal);
    };
    return new Gen(expr, "(" + left.python() + " " + symbols[op] + " " + pyLiteral + ")");
  }

  private static Gen compare(Gen a, Gen b, String method, String symbol) {
    Expr expr = switch (method) {
      case "eq" -> a.expr().eq(b.expr());
      case "ne" -> a.expr().ne(b.expr());
      case "lt" -> a.expr().lt(b.expr());
      case "le" -> a.expr().le(b.expr());
      case "gt" -> a.expr().gt(b.expr());
      default -> a.expr().ge(b.expr());
    };
    return new Gen(expr, "(" + a.python() + " " + symbol + " " + b.python() + ")");
  }
}
