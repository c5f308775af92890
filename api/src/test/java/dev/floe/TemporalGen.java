package dev.floe;

import static dev.floe.Floe.col;

import dev.floe.planner.expr.Expr;
import java.util.List;
import java.util.Random;

/**
 * Random temporal expressions in Java and Python over the columns of
 * {@link TemporalDifferentialTest}: d, d2 (date), t (datetime[μs]), tn (datetime[ns]),
 * tz (datetime[ms, Europe/Amsterdam]), ny (datetime[μs, America/New_York]), du (duration[μs]),
 * i (i64).
 */
final class TemporalGen {
  /** An expression in both languages. */
  record Gen(Expr expr, String python) {}

  static final List<String> EVERY = List.of(
      "1d", "2d", "3d", "1h", "15m", "30m", "1s", "2ms", "500us", "1w", "2w", "1mo", "3mo", "1q",
      "1y", "2y", "1d12h", "90m", "7h", "10s", "4mo");
  static final List<String> OFFSETS = List.of(
      "1d", "-1d", "1mo", "-1mo", "1y", "-2y", "1w", "-3w", "1q", "12h", "-90m", "1d12h", "2mo1d",
      "-1y2mo", "500ms", "-1us", "25h", "-7d", "3mo", "1y1mo1w1d1h");
  static final List<String> FORMATS = List.of(
      "%Y-%m-%d %H:%M:%S", "%H:%M:%S%.f", "%d/%m/%Y %I:%M %p", "%a %b %e %Y %T", "%A %B %j",
      "%F %T", "%D %R", "%s", "%y%m%d %f", "%.3f|%.6f|%.9f", "%G-W%V-%u", "%U %W %w", "%c",
      "%C %g", "%-d/%-m %_H %-M", "%%Y %Y", "%k %l %P", "%x %X %r", "%v", "%3f %6f %9f", "%h %e",
      "%Y-%m-%dT%H:%M:%S%.3f");
  static final List<String> DATE_FORMATS = List.of(
      "%Y-%m-%d", "%d.%m.%y", "%a %b %e %Y", "%A %B %j", "%F", "%D", "%G-W%V-%u", "%U %W %w",
      "%C %g", "%-d/%-m/%Y", "%v", "%x", "%h %e %%");
  static final List<String> ZONED_FORMATS = List.of(
      "%Y-%m-%d %H:%M:%S %z", "%Y-%m-%dT%H:%M:%S%:z", "%T %::z", "%s %z");
  final Random random;

  TemporalGen(Random random) {
    this.random = random;
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  static Gen column(String name) {
    return new Gen(col(name), "pl.col(\"" + name + "\")");
  }

  static String q(String text) {
    return "\"" + text + "\"";
  }

  // ---- temporal inputs ----

  Gen date(int depth) {
    int choice = depth <= 0 ? random.nextInt(2) : random.nextInt(9);
    return switch (choice) {
      case 0 -> column("d");
      case 1 -> column("d2");
      case 2 -> call(naive(depth - 1), "date", "date");
      case 3 -> call(zoned(depth - 1), "date", "date");
      case 4 -> window(date(depth - 1), random.nextBoolean());
      case 5 -> offset(date(depth - 1));
      case 6 -> binary(date(depth - 1), "add", "+", duration(0));
      case 7 -> binary(date(depth - 1), "sub", "-", duration(0));
      default -> binary(duration(0), "add", "+", date(depth - 1));
    };
  }

  Gen naive(int depth) {
    int choice = depth <= 0 ? random.nextInt(2) : random.nextInt(9);
    return switch (choice) {
      case 0 -> column("t");
      case 1 -> column("tn");
      case 2, 3 -> window(naive(depth - 1), choice == 2);
      case 4 -> offset(naive(depth - 1));
      case 5 -> binary(naive(depth - 1), "add", "+", duration(0));
      case 6 -> binary(naive(depth - 1), "sub", "-", duration(0));
      case 7 -> binary(duration(0), "add", "+", naive(depth - 1));
      default -> {
        Gen zoned = zoned(depth - 1);
        yield new Gen(zoned.expr().dt().replaceTimeZone(null),
            zoned.python() + ".dt.replace_time_zone(None)");
      }
    };
  }

  Gen zoned(int depth) {
    int choice = depth <= 0 ? random.nextInt(2) : random.nextInt(8);
    return switch (choice) {
      case 0 -> column("tz");
      case 1 -> column("ny");
      case 2, 3 -> window(zoned(depth - 1), choice == 2);
      case 4 -> offset(zoned(depth - 1));
      case 5 -> binary(zoned(depth - 1), "add", "+", duration(0));
      case 6 -> {
        String zone = pick(List.of("Europe/Amsterdam", "America/New_York", "UTC", "Asia/Kolkata"));
        Gen input = random.nextBoolean() ? zoned(depth - 1) : naive(depth - 1);
        yield new Gen(input.expr().dt().convertTimeZone(zone),
            input.python() + ".dt.convert_time_zone(" + q(zone) + ")");
      }
      default -> {
        String zone = pick(List.of("Europe/Amsterdam", "America/New_York", "UTC"));
        String ambiguous = pick(List.of("earliest", "latest", "null", "raise"));
        String nonExistent = pick(List.of("null", "null", "raise"));
        Gen input = random.nextBoolean() ? zoned(depth - 1) : naive(depth - 1);
        yield new Gen(input.expr().dt().replaceTimeZone(zone, ambiguous, nonExistent),
            input.python() + ".dt.replace_time_zone(" + q(zone) + ", ambiguous=" + q(ambiguous)
                + ", non_existent=" + q(nonExistent) + ")");
      }
    };
  }

  Gen datetime(int depth) {
    return random.nextBoolean() ? naive(depth) : zoned(depth);
  }

  Gen duration(int depth) {
    int choice = depth <= 0 ? 0 : random.nextInt(12);
    return switch (choice) {
      case 0, 1 -> column("du");
      case 2 -> binary(naive(depth - 1), "sub", "-", naive(depth - 1));
      case 3 -> binary(column("t"), "sub", "-", date(depth - 1));
      case 4 -> binary(date(depth - 1), "sub", "-", date(depth - 1));
      case 5 -> binary(zoned(depth - 1), "sub", "-", column(random.nextBoolean() ? "tz" : "ny"));
      case 6 -> binary(duration(depth - 1), "mul", "*", column("i"));
      case 7, 8 -> scaled(duration(depth - 1));
      case 9 -> binary(duration(depth - 1), "div", "/", column("i"));
      case 10 -> binary(duration(depth - 1), "add", "+", duration(depth - 1));
      default -> binary(duration(depth - 1), "sub", "-", duration(depth - 1));
    };
  }

  private Gen scaled(Gen duration) {
    return switch (random.nextInt(4)) {
      case 0 -> {
        int factor = random.nextInt(9) - 4;
        yield new Gen(duration.expr().mul(factor), "(" + duration.python() + " * " + factor + ")");
      }
      case 1 -> {
        int divisor = random.nextInt(5) + 1;
        yield new Gen(duration.expr().div(divisor), "(" + duration.python() + " / " + divisor + ")");
      }
      case 2 -> {
        double factor = (random.nextInt(41) - 20) / 4.0;
        yield new Gen(duration.expr().mul(factor), "(" + duration.python() + " * " + factor + ")");
      }
      default -> {
        double divisor = random.nextInt(20) / 4.0 + 0.25;
        yield new Gen(duration.expr().div(divisor), "(" + duration.python() + " / " + divisor + ")");
      }
    };
  }

  private Gen window(Gen input, boolean truncate) {
    String every = pick(EVERY);
    return truncate
        ? new Gen(input.expr().dt().truncate(every), input.python() + ".dt.truncate(" + q(every) + ")")
        : new Gen(input.expr().dt().round(every), input.python() + ".dt.round(" + q(every) + ")");
  }

  private Gen offset(Gen input) {
    switch (random.nextInt(5)) {
      case 0 -> {
        return new Gen(input.expr().dt().monthStart(), input.python() + ".dt.month_start()");
      }
      case 1 -> {
        return new Gen(input.expr().dt().monthEnd(), input.python() + ".dt.month_end()");
      }
      default -> { }
    }
    String by = pick(OFFSETS);
    return new Gen(input.expr().dt().offsetBy(by), input.python() + ".dt.offset_by(" + q(by) + ")");
  }

  static Gen call(Gen input, String method, String python) {
    Expr expr = switch (method) {
      case "date" -> input.expr().dt().date();
      case "time" -> input.expr().dt().time();
      default -> throw new IllegalArgumentException(method);
    };
    return new Gen(expr, input.python() + ".dt." + python + "()");
  }

  static Gen binary(Gen left, String method, String symbol, Gen right) {
    Expr expr = switch (method) {
      case "add" -> left.expr().add(right.expr());
      case "sub" -> left.expr().sub(right.expr());
      case "mul" -> left.expr().mul(right.expr());
      case "div" -> left.expr().div(right.expr());
      default -> throw new IllegalArgumentException(method);
    };
    return new Gen(expr, "(" + left.python() + " " + symbol + " " + right.python() + ")");
  }
}
