package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.PolarsCases.pyString;
import static dev.floe.StringParsingData.pick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.IntegerParseOptions;
import dev.floe.planner.expr.SplitOptions;
import dev.floe.planner.expr.StrptimeOptions;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of the parsing and splitting {@code str} functions against Polars 1.44.2:
 * seeded random frames of realistic text (numbers, decimals, dates and datetimes in many formats,
 * words with separators) in all three string layouts, and random expressions over split,
 * extract, extractAll, countMatches, toInteger, toDecimal, strptime, toDate and toDatetime
 * (strict and not, formats given and inferred), chained with other str functions. More frames
 * or another seed: {@code -Dfloe.test.jvm="-Dfloe.test.frames=300 -Dfloe.test.seed=7"}.
 */
@LeakChecked
class StringParsingDifferentialTest {
  private static final int FRAMES = Integer.getInteger("floe.test.frames", 24);
  private static final int EXPRESSIONS_PER_FRAME = 80;
  private static final int ROWS = 12;

  private record Gen(Expr expr, String python) {}

  private record Layout(DataType type, String polars) {}

  private static final List<Layout> LAYOUTS = List.of(
      new Layout(DataType.UTF8, "pl.String"),
      new Layout(DataType.LARGE_UTF8, "pl.String"),
      new Layout(DataType.UTF8_VIEW, "pl.String"));

  private static final List<String> REGEXES = List.of(
      "\\d+", "[a-z]+", "\\w+", "(\\d)(\\d)", "\\d*", "[,;]", "é|ß", "(?<y>\\d{4})-(\\d\\d)",
      "([A-Z])(\\w)?", "^\\s*(\\S+)", "(\\d+)\\.(\\d+)", ".", "", "(?P<n>\\d)\\d$", "[$]|\\d$",
      "(?m)\\w$");
  private static final List<String> LITERALS = List.of(",", ";", " ", "-", "", "ab", "é", "1");
  private static final List<String> ZONES =
      Arrays.asList(null, null, "UTC", "Europe/Paris", "Asia/Tokyo", "America/New_York");

  @TempDir Path directory;

  @Test
  void parsingAndSplittingAgreeWithPolars() throws Exception {
    Random random = new Random(Long.getLong("floe.test.seed", 20251126L));
    PolarsCases cases = new PolarsCases(directory);
    for (int frame = 0; frame < FRAMES; frame++) {
      String style = pick(random, StringParsingData.STYLES);
      List<PolarsCases.TestColumn> columns = List.of(
          column(random, "n", () -> StringParsingData.number(random)),
          column(random, "d", () -> StringParsingData.decimal(random)),
          column(random, "t", () -> StringParsingData.temporal(random, style)),
          column(random, "w", () -> StringParsingData.words(random)));
      int index = cases.frame(columns);
      for (int expression = 0; expression < EXPRESSIONS_PER_FRAME; expression++) {
        Gen gen = any(random, style);
        cases.add(index, gen.expr(), gen.python());
      }
    }
    assertThat(cases.size()).isGreaterThanOrEqualTo(1000);
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  private static PolarsCases.TestColumn column(
      Random random, String name, java.util.function.Supplier<String> values) {
    Layout layout = pick(random, LAYOUTS);
    return new PolarsCases.TestColumn(
        name, layout.type(), layout.polars(), StringParsingData.column(random, ROWS, values));
  }

  private static Gen source(Random random, String name) {
    Gen base = new Gen(col(name), "pl.col('" + name + "')");
    return switch (random.nextInt(6)) {
      case 0 -> new Gen(base.expr().str().strip(), base.python() + ".str.strip_chars()");
      case 1 -> new Gen(base.expr().str().toLowercase(), base.python() + ".str.to_lowercase()");
      default -> base;
    };
  }

  private static Gen any(Random random, String style) {
    return switch (random.nextInt(13)) {
      case 0 -> split(random, random.nextInt(5) == 0
          ? new Gen(col("w").str().replaceAll(",", ";", true),
              "pl.col('w').str.replace_all(',', ';', literal=True)")
          : source(random, pick(random, List.of("w", "t", "d"))));
      case 1 -> {
        Gen input = source(random, pick(random, List.of("w", "t", "n", "d")));
        String pattern = pick(random, REGEXES);
        yield new Gen(input.expr().str().extractAll(pattern),
            input.python() + ".str.extract_all(" + pyString(pattern) + ")");
      }
      case 2 -> extract(random, source(random, pick(random, List.of("w", "t", "n", "d"))));
      case 3 -> {
        Gen input = source(random, pick(random, List.of("w", "t", "n")));
        boolean literal = random.nextBoolean();
        String pattern = pick(random, literal ? LITERALS : REGEXES);
        yield new Gen(input.expr().str().countMatches(pattern, literal),
            input.python() + ".str.count_matches(" + pyString(pattern) + ", literal="
                + py(literal) + ")");
      }
      case 4 -> toInteger(random, source(random, "n"));
      case 5 -> toInteger(random, extract(random, source(random, pick(random, List.of("w", "t")))));
      case 6 -> {
        Gen input = source(random, pick(random, List.of("d", "n")));
        int scale = random.nextInt(8) == 0 ? 38 : random.nextInt(6);
        yield new Gen(input.expr().str().toDecimal(scale),
            input.python() + ".str.to_decimal(scale=" + scale + ")");
      }
      case 11 -> toTime(random, random.nextInt(3) == 0
          ? new Gen(col("t").str().extract("\\d{1,2}:\\d\\d(:\\d\\d(\\.\\d+)?)?", 0),
              "pl.col('t').str.extract(" + pyString("\\d{1,2}:\\d\\d(:\\d\\d(\\.\\d+)?)?")
                  + ", 0)")
          : source(random, "t"), style);
      case 7, 8 -> toDate(random, random.nextInt(6) == 0
          ? new Gen(col("t").str().slice(0, 10L), "pl.col('t').str.slice(0, 10)")
          : source(random, "t"), style);
      default -> toDatetime(random, source(random, "t"), style);
    };
  }

  private static Gen split(Random random, Gen input) {
    boolean inclusive = random.nextBoolean();
    if (random.nextInt(3) == 0) {
      String by = pick(random, random.nextInt(8) == 0 ? List.of("(", "[a-") : REGEXES);
      boolean strict = random.nextBoolean();
      return new Gen(input.expr().str().split(by,
          SplitOptions.DEFAULT.withInclusive(inclusive).withLiteral(false).withStrict(strict)),
          input.python() + ".str.split(" + pyString(by) + ", inclusive=" + py(inclusive)
              + ", literal=False, strict=" + py(strict) + ")");
    }
    String by = pick(random, LITERALS);
    return new Gen(input.expr().str().split(by, SplitOptions.DEFAULT.withInclusive(inclusive)),
        input.python() + ".str.split(" + pyString(by) + ", inclusive=" + py(inclusive) + ")");
  }

  private static Gen extract(Random random, Gen input) {
    String pattern = pick(random, REGEXES);
    int group = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(2);
    return new Gen(input.expr().str().extract(pattern, group),
        input.python() + ".str.extract(" + pyString(pattern) + ", " + group + ")");
  }

  private static final List<DataType> INTEGERS = List.of(DataType.INT64, DataType.INT64,
      DataType.INT8, DataType.INT16, DataType.INT32, DataType.UINT8, DataType.UINT16,
      DataType.UINT32, DataType.UINT64);
  private static final List<String> PY_INTEGERS = List.of("pl.Int64", "pl.Int64", "pl.Int8",
      "pl.Int16", "pl.Int32", "pl.UInt8", "pl.UInt16", "pl.UInt32", "pl.UInt64");

  private static Gen toInteger(Random random, Gen input) {
    int base = pick(random, List.of(2, 8, 10, 10, 16, 36));
    boolean strict = random.nextInt(4) == 0;
    int type = random.nextInt(INTEGERS.size());
    return new Gen(input.expr().str().toInteger(IntegerParseOptions.DEFAULT.withBase(base)
            .withDtype(INTEGERS.get(type)).withStrict(strict)),
        input.python() + ".str.to_integer(base=" + base + ", dtype=" + PY_INTEGERS.get(type)
            + ", strict=" + py(strict) + ")");
  }

  private static String format(Random random, String style) {
    int choice = random.nextInt(10);
    if (choice < 3) {
      return null;
    }
    return choice < 8 ? style : pick(random, StringParsingData.STYLES);
  }

  private static Gen toDate(Random random, Gen input, String style) {
    String format = format(random, style);
    boolean strict = random.nextInt(5) == 0;
    boolean exact = random.nextInt(5) != 0;
    if (random.nextInt(4) == 0) {
      return new Gen(input.expr().str().strptime(DataType.DATE32, options(format, strict, exact)),
          input.python() + ".str.strptime(pl.Date, " + pyFormat(format) + ", strict="
              + py(strict) + ", exact=" + py(exact) + ")");
    }
    return new Gen(input.expr().str().toDate(options(format, strict, exact)),
        input.python() + ".str.to_date(" + pyFormat(format) + ", strict=" + py(strict)
            + ", exact=" + py(exact) + ")");
  }

  private static final List<String> TIME_FORMATS =
      Arrays.asList(null, null, "%H:%M:%S", "%H:%M", "%T%.f", "%I:%M %p", "%H:%M:%S%.3f", "%H");

  private static Gen toTime(Random random, Gen input, String style) {
    String format = random.nextInt(5) == 0 ? style : pick(random, TIME_FORMATS);
    boolean strict = random.nextInt(5) == 0;
    if (random.nextBoolean()) {
      return new Gen(input.expr().str().toTime(options(format, strict, true)),
          input.python() + ".str.to_time(" + pyFormat(format) + ", strict=" + py(strict) + ")");
    }
    boolean exact = random.nextBoolean();
    return new Gen(
        input.expr().str().strptime(new DataType.Time64(TimeUnit.NANOSECOND),
            options(format, strict, exact)),
        input.python() + ".str.strptime(pl.Time, " + pyFormat(format) + ", strict=" + py(strict)
            + ", exact=" + py(exact) + ")");
  }

  private static StrptimeOptions options(String format, boolean strict, boolean exact) {
    return StrptimeOptions.DEFAULT.withFormat(format).withStrict(strict).withExact(exact);
  }

  private static Gen toDatetime(Random random, Gen input, String style) {
    String format = format(random, style);
    boolean strict = random.nextInt(5) == 0;
    boolean exact = random.nextInt(5) != 0;
    TimeUnit unit = pick(random, Arrays.asList(null, null, TimeUnit.MILLISECOND,
        TimeUnit.MICROSECOND, TimeUnit.NANOSECOND));
    String zone = pick(random, ZONES);
    String pyUnit = unit == null ? "None" : "'" + pyUnit(unit) + "'";
    if (unit != null && random.nextInt(4) == 0) {
      DataType type = new DataType.Timestamp(unit, zone);
      return new Gen(input.expr().str().strptime(type, options(format, strict, exact)),
          input.python() + ".str.strptime(pl.Datetime(" + pyUnit + ", "
              + (zone == null ? "None" : pyString(zone)) + "), " + pyFormat(format) + ", strict="
              + py(strict) + ", exact=" + py(exact) + ")");
    }
    return new Gen(input.expr().str().toDatetime(
        options(format, strict, exact).withTimeUnit(unit).withTimeZone(zone)),
        input.python() + ".str.to_datetime(" + pyFormat(format) + ", time_unit=" + pyUnit
            + ", time_zone=" + (zone == null ? "None" : pyString(zone)) + ", strict="
            + py(strict) + ", exact=" + py(exact) + ")");
  }

  private static String pyUnit(TimeUnit unit) {
    return switch (unit) {
      case MILLISECOND -> "ms";
      case MICROSECOND -> "us";
      case NANOSECOND -> "ns";
      case SECOND -> throw new IllegalArgumentException("no seconds in Polars");
    };
  }

  private static String pyFormat(String format) {
    return format == null ? "None" : pyString(format);
  }

  private static String py(boolean value) {
    return value ? "True" : "False";
  }
}
