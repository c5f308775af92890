package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;
import static dev.floe.Floe.when;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against Polars: seeded random frames (i64, f64, str, bool, with nulls, NaN and
 * infinities) and random expression trees, each evaluated by Floe and by Polars (the same
 * expression generated as Python text, run in one Python process; results exchanged as a text
 * file), compared value by value, type included. Python comes from {@code scripts/python-env.sh},
 * which creates the project's pinned venv on first use (or from {@code -Dfloe.polars.python=...}).
 */
@LeakChecked
class PolarsDifferentialTest {
  private static final int FRAMES = 20;
  private static final int EXPRESSIONS_PER_FRAME = 100;
  private static final int ROWS = 12;

  /** An expression in both languages. */
  private record Gen(Expr expr, String python) {}

  @TempDir Path directory;

  @Test
  void floeAgreesWithPolarsOnRandomExpressions() throws Exception {
    Random random = new Random(20251124);
    PolarsCases cases = new PolarsCases(directory);
    for (int frame = 0; frame < FRAMES; frame++) {
      int index = cases.frame(columns(randomFrame(random)));
      for (int expression = 0; expression < EXPRESSIONS_PER_FRAME; expression++) {
        Gen gen = random.nextInt(10) < 6 ? numeric(random, 3) : bool(random, 3);
        cases.add(index, gen.expr(), gen.python());
      }
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  /** The str namespace on random non-ASCII string columns (é, ß, CJK, emoji, spaces, empty). */
  @Test
  void floeAgreesWithPolarsOnStringFunctions() throws Exception {
    Random random = new Random(20251125);
    PolarsCases cases = new PolarsCases(directory);
    for (int frame = 0; frame < 10; frame++) {
      List<List<Object>> data = randomFrame(random);
      List<Object> strings = new ArrayList<>();
      for (int row = 0; row < ROWS; row++) {
        strings.add(random.nextInt(6) == 0 ? null : randomString(random));
      }
      int index = cases.frame(columns(List.of(data.get(0), data.get(1), strings, data.get(3))));
      for (int expression = 0; expression < 120; expression++) {
        Gen gen = StringGen.any(random);
        cases.add(index, gen.expr(), gen.python());
      }
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  /**
   * isIn with numbers the column's type cannot hold (they never match, as in Polars) and string
   * concatenation with +, on fixed columns (nested in when/then, Polars 1.44 returns one row for a
   * float list on an integer column, so these stay top-level).
   */
  @Test
  void isInWithUnrepresentableValuesStringPlusAndLen() throws Exception {
    PolarsCases cases = new PolarsCases(directory);
    int frame = cases.frame(List.of(
        new PolarsCases.TestColumn("u", DataType.UINT32, "pl.UInt32", Arrays.asList(1L, 2L, null, 7L)),
        new PolarsCases.TestColumn("i", DataType.INT64, "pl.Int64", Arrays.asList(1L, 2L, 3L, null)),
        new PolarsCases.TestColumn("s", DataType.UTF8, "pl.String", Arrays.asList("a", null, "é", ""))));
    cases.add(frame, col("u").isIn(1, -2), "pl.col('u').is_in([1, -2])");
    cases.add(frame, col("u").isIn(5_000_000_000L), "pl.col('u').is_in([5000000000])");
    cases.add(frame, col("u").isIn(-2), "pl.col('u').is_in([-2])");
    cases.add(frame, col("i").isIn(1.5, 2.0), "pl.col('i').is_in([1.5, 2.0])");
    cases.add(frame, col("i").isIn(1.5), "pl.col('i').is_in([1.5])");
    cases.add(frame, col("s").add(col("s")), "pl.col('s') + pl.col('s')");
    cases.add(frame, col("s").add("x"), "pl.col('s') + 'x'");
    cases.add(frame, lit("x").add(col("s")), "pl.lit('x') + pl.col('s')");
    cases.add(frame, col("s").sub(col("s")), "pl.col('s') - pl.col('s')");
    cases.add(frame, Floe.len(), "pl.len()");
    cases.add(frame, col("i").sum().div(Floe.len()), "pl.col('i').sum() / pl.len()");
    cases.add(frame, col("u").add(Floe.len()), "pl.col('u') + pl.len()");
    cases.add(frame, col("i").diff(1, "drop"), "pl.col('i').diff(1, null_behavior='drop')");
    cases.add(frame, col("i").diff(1, "drop").add(col("i")), "pl.col('i').diff(1, null_behavior='drop') + pl.col('i')");
    int sigma = cases.frame(List.of(new PolarsCases.TestColumn("s", DataType.UTF8, "pl.String",
        List.of("a-\u03a3", "a\u03a3", "\u03a3\u03a3", "a'\u03a3", "a\u03a3'b", "\u03a3", "a \u03a3",
            "\u00e9\u03a3\u0301", "A\u03a3.", "a\u00ad\u03a3"))));
    cases.add(sigma, col("s").str().toLowercase(), "pl.col('s').str.to_lowercase()");
    int temporal = cases.frame(List.of(
        new PolarsCases.TestColumn("t", new DataType.Timestamp(dev.floe.memory.types.TimeUnit.MICROSECOND, null),
            "pl.Datetime('us')", Arrays.asList(java.time.LocalDateTime.of(2024, 1, 1, 0, 0),
                java.time.LocalDateTime.of(2024, 3, 5, 12, 30), null, java.time.LocalDateTime.of(2024, 6, 1, 0, 0))),
        new PolarsCases.TestColumn("d", DataType.DATE32, "pl.Date", Arrays.asList(
            java.time.LocalDate.of(2023, 12, 31), null, java.time.LocalDate.of(2024, 2, 29),
            java.time.LocalDate.of(2024, 6, 1))),
        new PolarsCases.TestColumn("du", new DataType.Duration(dev.floe.memory.types.TimeUnit.MICROSECOND),
            "pl.Duration('us')", Arrays.asList(java.time.Duration.ofHours(-5), java.time.Duration.ofMinutes(3),
                null, java.time.Duration.ZERO))));
    cases.add(temporal, col("du").neg(), "-pl.col('du')");
    cases.add(temporal, col("du").abs(), "pl.col('du').abs()");
    cases.add(temporal, col("t").isBetween(java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 6, 1)),
        "pl.col('t').is_between(dt.date(2024, 1, 1), dt.date(2024, 6, 1))");
    cases.add(temporal, col("d").isBetween(java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 6, 1),
        dev.floe.planner.expr.ClosedInterval.RIGHT),
        "pl.col('d').is_between(dt.date(2024, 1, 1), dt.date(2024, 6, 1), closed='right')");
    cases.add(temporal, col("t").isBetween(col("d"), java.time.LocalDateTime.of(2024, 5, 1, 0, 0)),
        "pl.col('t').is_between(pl.col('d'), dt.datetime(2024, 5, 1))");
    assertThat(cases.mismatches()).isEmpty();
  }

  /** The i, f, s, b columns of a random frame. */
  static List<PolarsCases.TestColumn> columns(List<List<Object>> data) {
    return List.of(
        new PolarsCases.TestColumn("i", DataType.INT64, "pl.Int64", data.get(0)),
        new PolarsCases.TestColumn("f", DataType.FLOAT64, "pl.Float64", data.get(1)),
        new PolarsCases.TestColumn("s", DataType.UTF8, "pl.String", data.get(2)),
        new PolarsCases.TestColumn("b", DataType.BOOLEAN, "pl.Boolean", data.get(3)));
  }

  private static final List<String> STRING_PARTS =
      List.of("a", "b", "ab", "é", "ß", "日本", "😀", " ", "\u3000", "\u00a0", "-", "+", "1", "A",
          "Σ", "xyz");

  private static String randomString(Random random) {
    int parts = random.nextInt(5);
    StringBuilder text = new StringBuilder();
    for (int part = 0; part < parts; part++) {
      text.append(STRING_PARTS.get(random.nextInt(STRING_PARTS.size())));
    }
    return text.toString();
  }

  /** Random str-namespace expressions over col("s"). */
  private static final class StringGen {
    private static final List<String> LITERALS = List.of("a", "é", "日", "😀", "", " ", "ab", "-");
    private static final List<String> REGEXES =
        List.of("[a-c]", "^a", "b$", "é+", "a|é", ".", "[^a]", "😀", "(a)(b)?", "[ßΣ]");
    private static final List<String> VALUES = List.of("X", "", "é", "$0", "<$1$2>", "$1_", "$$");

    static Gen any(Random random) {
      Gen input = string(random, 2);
      int choice = random.nextInt(8);
      return switch (choice) {
        case 5 -> {
          Gen other =
              random.nextBoolean()
                  ? string(random, 1)
                  : new Gen(lit("é😀"), "pl.lit(" + PolarsCases.pyString("é😀") + ")");
          String separator = pick(random, List.of("", "-", "é"));
          yield new Gen(
              dev.floe.planner.expr.Exprs.concatStr(List.of(input.expr(), other.expr()), separator),
              "pl.concat_str([" + input.python() + ", " + other.python() + "], separator="
                  + PolarsCases.pyString(separator) + ")");
        }
        case 6 -> {
          Gen other = random.nextBoolean() ? string(random, 1) : new Gen(lit("é"), "pl.lit('\\u00e9')");
          yield new Gen(input.expr().add(other.expr()), "(" + input.python() + " + " + other.python() + ")");
        }
        case 0 -> new Gen(input.expr().str().lenChars(), input.python() + ".str.len_chars()");
        case 1 -> new Gen(input.expr().str().lenBytes(), input.python() + ".str.len_bytes()");
        case 2 -> {
          boolean literal = random.nextBoolean();
          String pattern = pick(random, literal ? LITERALS : REGEXES);
          yield new Gen(
              input.expr().str().contains(pattern, literal),
              input.python() + ".str.contains(" + PolarsCases.pyString(pattern) + ", literal="
                  + (literal ? "True" : "False") + ")");
        }
        case 3 -> {
          String prefix = pick(random, LITERALS);
          yield new Gen(
              input.expr().str().startsWith(prefix),
              input.python() + ".str.starts_with(" + PolarsCases.pyString(prefix) + ")");
        }
        case 4 -> {
          String suffix = pick(random, LITERALS);
          yield new Gen(
              input.expr().str().endsWith(suffix),
              input.python() + ".str.ends_with(" + PolarsCases.pyString(suffix) + ")");
        }
        default -> input;
      };
    }

    static Gen string(Random random, int depth) {
      Gen input = depth <= 0 || random.nextInt(3) == 0
          ? new Gen(col("s"), "pl.col('s')")
          : string(random, depth - 1);
      String py = input.python();
      Expr e = input.expr();
      return switch (random.nextInt(12)) {
        case 0 -> new Gen(e.str().toLowercase(), py + ".str.to_lowercase()");
        case 1 -> new Gen(e.str().toUppercase(), py + ".str.to_uppercase()");
        case 2 -> new Gen(e.str().strip(), py + ".str.strip_chars()");
        case 3 -> {
          String prefix = pick(random, LITERALS);
          yield new Gen(e.str().stripPrefix(prefix), py + ".str.strip_prefix(" + PolarsCases.pyString(prefix) + ")");
        }
        case 4 -> {
          String suffix = pick(random, LITERALS);
          yield new Gen(e.str().stripSuffix(suffix), py + ".str.strip_suffix(" + PolarsCases.pyString(suffix) + ")");
        }
        case 5, 6 -> {
          boolean all = random.nextBoolean();
          boolean literal = random.nextBoolean();
          String pattern = pick(random, literal ? LITERALS : REGEXES);
          String value = pick(random, VALUES);
          yield new Gen(
              all
                  ? e.str().replaceAll(pattern, value, literal)
                  : e.str().replace(pattern, value, literal),
              py + ".str." + (all ? "replace_all(" : "replace(") + PolarsCases.pyString(pattern) + ", "
                  + PolarsCases.pyString(value) + ", literal=" + (literal ? "True" : "False") + ")");
        }
        case 7 -> {
          long offset = random.nextInt(9) - 4;
          Long length = random.nextInt(3) == 0 ? null : (long) random.nextInt(4);
          yield new Gen(
              e.str().slice(offset, length),
              py + ".str.slice(" + offset + ", " + (length == null ? "None" : length) + ")");
        }
        case 8 -> {
          int width = random.nextInt(7);
          char fill = random.nextBoolean() ? '*' : 'é';
          yield new Gen(
              e.str().padStart(width, fill),
              py + ".str.pad_start(" + width + ", " + PolarsCases.pyString(String.valueOf(fill)) + ")");
        }
        case 9 -> {
          int width = random.nextInt(7);
          char fill = random.nextBoolean() ? '*' : 'é';
          yield new Gen(
              e.str().padEnd(width, fill),
              py + ".str.pad_end(" + width + ", " + PolarsCases.pyString(String.valueOf(fill)) + ")");
        }
        case 10 -> {
          int width = random.nextInt(8);
          yield new Gen(e.str().zfill(width), py + ".str.zfill(" + width + ")");
        }
        default -> input;
      };
    }

    private static String pick(Random random, List<String> values) {
      return values.get(random.nextInt(values.size()));
    }
  }

  @Test
  void floeSortsLikePolars() throws Exception {
    String python = PolarsPython.executable();
    Random random = new Random(7);
    String[] names = {"i", "f", "s", "b"};
    StringBuilder script = new StringBuilder(PRELUDE);
    List<String> floeResults = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    for (int index = 0; index < 300; index++) {
      List<List<Object>> data = randomFrame(random);
      int keyCount = 1 + random.nextInt(3);
      List<String> keys = new ArrayList<>();
      boolean[] descending = new boolean[keyCount];
      List<String> pythonDescending = new ArrayList<>();
      for (int key = 0; key < keyCount; key++) {
        keys.add(names[random.nextInt(names.length)]);
        descending[key] = random.nextBoolean();
        pythonDescending.add(descending[key] ? "True" : "False");
      }
      keys = List.copyOf(new java.util.LinkedHashSet<>(keys));
      boolean[] used = Arrays.copyOf(descending, keys.size());
      pythonDescending = pythonDescending.subList(0, keys.size());
      boolean nullsLast = random.nextBoolean();
      // every fourth case sorts a one-column frame by itself (the values-only path)
      boolean alone = index % 4 == 0 && keys.size() == 1;
      script.append("df = frame(").append(pythonFrame(data)).append(")\n")
          .append(alone ? "sort_rows(df.select(" + "'" + keys.getFirst() + "'), " : "sort_rows(df, ").append(keys.stream().map(k -> "'" + k + "'").toList())
          .append(", ").append(pythonDescending)
          .append(", ").append(nullsLast ? "True" : "False").append(")\n");
      SortOptions options = SortOptions.DEFAULT.withDescending(used).withNullsLast(nullsLast);
      try (DataFrame all = PolarsCases.frameOf(columns(data));
          DataFrame frame = alone ? all.select(keys.getFirst()) : all.clone();
          DataFrame sorted = frame.sort(keys.stream().map(Floe::col).toList(), options)) {
        List<String> rows = new ArrayList<>();
        for (List<Object> row : sorted.rows()) {
          rows.add(String.join(",", row.stream().map(PolarsCases::format).toList()));
        }
        floeResults.add(String.join(";", rows));
      }
      descriptions.add("sort by " + keys + " descending " + Arrays.toString(used) + " nullsLast " + nullsLast);
    }
    script.append("out.close()\n");
    Path scriptFile = directory.resolve("sorts.py");
    Path results = directory.resolve("sorts.txt");
    Files.writeString(scriptFile, script.toString().replace("RESULTS", results.toString()));
    Process process = new ProcessBuilder(python, scriptFile.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("the Polars script failed: %s", output).isZero();
    List<String> expected = Files.readAllLines(results);
    List<String> mismatches = new ArrayList<>();
    for (int index = 0; index < floeResults.size(); index++) {
      if (!floeResults.get(index).equals(expected.get(index))) {
        mismatches.add(descriptions.get(index) + "\n   floe:   " + floeResults.get(index)
            + "\n   polars: " + expected.get(index));
      }
    }
    assertThat(mismatches).as("sorts differing from Polars").isEmpty();
  }

  // ---- Floe side ----

  // ---- random data ----

  private static List<List<Object>> randomFrame(Random random) {
    List<Object> ints = new ArrayList<>();
    List<Object> floats = new ArrayList<>();
    List<Object> strings = new ArrayList<>();
    List<Object> bools = new ArrayList<>();
    double[] specialFloats = {Double.NaN, Double.POSITIVE_INFINITY, -0.0, 0.0};
    for (int row = 0; row < ROWS; row++) {
      ints.add(random.nextInt(5) == 0 ? null : (long) random.nextInt(11) - 5);
      int pick = random.nextInt(12);
      floats.add(
          pick == 0 ? null : pick == 1 ? specialFloats[random.nextInt(4)] : (random.nextInt(41) - 20) / 4.0);
      strings.add(random.nextInt(5) == 0 ? null : List.of("a", "b", "ab", "", "é").get(random.nextInt(5)));
      bools.add(random.nextInt(4) == 0 ? null : random.nextBoolean());
    }
    return List.of(ints, floats, strings, bools);
  }

  private static String pythonFrame(List<List<Object>> data) {
    List<String> columns = new ArrayList<>();
    for (List<Object> column : data) {
      columns.add("[" + String.join(", ", column.stream().map(PolarsCases::python).toList()) + "]");
    }
    return String.join(", ", columns);
  }

  // ---- random expressions ----

  private static Gen numeric(Random random, int depth) {
    int choice = random.nextInt(depth <= 0 ? 4 : 17);
    return switch (choice) {
      case 0 -> new Gen(col("i"), "pl.col('i')");
      case 1 -> new Gen(col("f"), "pl.col('f')");
      case 2 -> {
        int value = random.nextInt(7) - 3;
        yield new Gen(lit(value), "pl.lit(" + value + ")");
      }
      case 3 -> {
        double value = List.of(0.5, -1.5, 2.0).get(random.nextInt(3));
        yield new Gen(lit(value), "pl.lit(" + value + ")");
      }
      case 4, 5, 6 -> {
        Gen left = numeric(random, depth - 1);
        Gen right = numeric(random, depth - 1);
        String[] ops = {"+", "-", "*", "//", "%"};
        int op = random.nextInt(ops.length);
        Expr expr =
            switch (op) {
              case 0 -> left.expr().add(right.expr());
              case 1 -> left.expr().sub(right.expr());
              case 2 -> left.expr().mul(right.expr());
              case 3 -> left.expr().floordiv(right.expr());
              default -> left.expr().mod(right.expr());
            };
        yield new Gen(expr, "(" + left.python() + " " + ops[op] + " " + right.python() + ")");
      }
      case 7 -> {
        Gen left = numeric(random, depth - 1);
        Gen right = numeric(random, depth - 1);
        yield new Gen(left.expr().div(right.expr()), "(" + left.python() + " / " + right.python() + ")");
      }
      case 8 -> {
        Gen input = numeric(random, depth - 1);
        yield random.nextBoolean()
            ? new Gen(input.expr().abs(), input.python() + ".abs()")
            : new Gen(input.expr().neg(), "(-" + input.python() + ")");
      }
      case 9 -> {
        Gen condition = bool(random, depth - 1);
        Gen then = numeric(random, depth - 1);
        Gen otherwise = numeric(random, depth - 1);
        yield new Gen(
            when(condition.expr()).then(then.expr()).otherwise(otherwise.expr()),
            "pl.when(" + condition.python() + ").then(" + then.python() + ").otherwise("
                + otherwise.python() + ")");
      }
      case 10 -> {
        Gen input = numeric(random, depth - 1);
        int value = random.nextInt(5);
        yield new Gen(input.expr().fillNull(value), input.python() + ".fill_null(" + value + ")");
      }
      case 11 -> {
        String column = random.nextBoolean() ? "i" : "f";
        String[] names = {"sum", "min", "max", "mean", "count"};
        int which = random.nextInt(names.length);
        Expr base = col(column);
        Expr expr =
            switch (which) {
              case 0 -> base.sum();
              case 1 -> base.min();
              case 2 -> base.max();
              case 3 -> base.mean();
              default -> base.count();
            };
        yield new Gen(expr, "pl.col('" + column + "')." + names[which] + "()");
      }
      case 12 -> {
        Gen input = numeric(random, depth - 1);
        yield new Gen(input.expr().abs().sqrt(), input.python() + ".abs().sqrt()");
      }
      case 13 -> {
        Gen input = numeric(random, depth - 1);
        yield new Gen(input.expr().floor(), input.python() + ".floor()");
      }
      case 14 -> {
        Gen input = numeric(random, depth - 1);
        yield new Gen(input.expr().round(1), input.python() + ".round(1)");
      }
      case 15 -> {
        Gen input = numeric(random, depth - 1);
        yield random.nextBoolean()
            ? new Gen(input.expr().cast(DataType.FLOAT64), input.python() + ".cast(pl.Float64)")
            : new Gen(
                input.expr().cast(DataType.INT32, false),
                input.python() + ".cast(pl.Int32, strict=False)");
      }
      default -> {
        Gen input = numeric(random, depth - 1);
        if (input.expr() instanceof dev.floe.planner.expr.Literal) {
          // Polars 1.44 fails on lit(2).clip(-2, 3) added to a u32 count (it casts the bounds
          // to u32); Floe gives the i64 answer. Clip columns only.
          input = new Gen(col("f"), "pl.col('f')");
        }
        yield new Gen(input.expr().clip(-2, 3), input.python() + ".clip(-2, 3)");
      }
    };
  }

  private static Gen bool(Random random, int depth) {
    int choice = random.nextInt(depth <= 0 ? 3 : 10);
    return switch (choice) {
      case 0 -> new Gen(col("b"), "pl.col('b')");
      case 1 -> {
        String value = List.of("a", "ab", "", "é").get(random.nextInt(4));
        boolean equal = random.nextBoolean();
        yield new Gen(
            equal ? col("s").eq(value) : col("s").ge(value),
            "(pl.col('s') " + (equal ? "==" : ">=") + " '" + value + "')");
      }
      case 2 -> {
        // a fractional value never matches an integer column, as in Polars
        List<Object> values = List.of(random.nextInt(5) - 2, random.nextInt(5) - 2);
        yield new Gen(
            col("i").isIn(values.toArray()),
            "pl.col('i').is_in([" + values.get(0) + ", " + values.get(1) + "])");
      }
      case 3, 4 -> {
        Gen left = numeric(random, depth - 1);
        Gen right = numeric(random, depth - 1);
        String[] ops = {">", ">=", "<", "<=", "==", "!="};
        int op = random.nextInt(ops.length);
        Expr expr =
            switch (op) {
              case 0 -> left.expr().gt(right.expr());
              case 1 -> left.expr().ge(right.expr());
              case 2 -> left.expr().lt(right.expr());
              case 3 -> left.expr().le(right.expr());
              case 4 -> left.expr().eq(right.expr());
              default -> left.expr().ne(right.expr());
            };
        yield new Gen(expr, "(" + left.python() + " " + ops[op] + " " + right.python() + ")");
      }
      case 5, 6 -> {
        Gen left = bool(random, depth - 1);
        Gen right = bool(random, depth - 1);
        boolean and = random.nextBoolean();
        yield new Gen(
            and ? left.expr().and(right.expr()) : left.expr().or(right.expr()),
            "(" + left.python() + (and ? " & " : " | ") + right.python() + ")");
      }
      case 7 -> {
        Gen input = bool(random, depth - 1);
        yield new Gen(input.expr().not(), input.python() + ".not_()");
      }
      case 8 -> {
        Gen input = numeric(random, depth - 1);
        yield random.nextBoolean()
            ? new Gen(input.expr().isNull(), input.python() + ".is_null()")
            : new Gen(input.expr().isNotNull(), input.python() + ".is_not_null()");
      }
      default -> {
        Gen input = numeric(random, depth - 1);
        yield new Gen(input.expr().isBetween(-1, 2), input.python() + ".is_between(-1, 2)");
      }
    };
  }

  private static final String PRELUDE =
      """
      import math
      import polars as pl
      out = open(r"RESULTS", "w")
      def frame(i, f, s, b):
          return pl.DataFrame({"i": i, "f": f, "s": s, "b": b},
              schema={"i": pl.Int64, "f": pl.Float64, "s": pl.String, "b": pl.Boolean})
      def fmt(v):
          if v is None: return "null"
          if isinstance(v, float):
              if math.isnan(v): return "nan"
              if math.isinf(v): return "inf" if v > 0 else "-inf"
              return repr(v)
          return str(v)
      def sort_rows(df, keys, descending, nulls_last):
          r = df.sort(keys, descending=descending, nulls_last=nulls_last, maintain_order=True)
          out.write(";".join(",".join(fmt(v) for v in row) for row in r.rows()) + "\\n")
      """;
}
