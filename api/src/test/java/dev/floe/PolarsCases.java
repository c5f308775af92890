package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.errors.FloeException;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A batch of differential cases against Polars: frames of typed columns, and expressions given in
 * both languages, each evaluated as {@code frame.select(expr.alias("r"))} by Floe and by Polars (one
 * Python process for the batch; results exchanged as a UTF-8 text file) and compared: the dtype's
 * display name, then every value (floats to a relative 1e-9, temporal values by their physical
 * integers, lists and structs element by element). A failure on both sides counts as agreement.
 *
 * <p>Values are given as Java objects: Long, Integer, Double, String, Boolean, BigDecimal,
 * LocalDate, LocalDateTime, LocalTime, Duration, Instant or ZonedDateTime (both passed to Python
 * as UTC instants), or null.
 */
final class PolarsCases {
  /** A column of a test frame: {@code polarsType} is Python text such as {@code pl.Int64}. */
  record TestColumn(String name, DataType type, String polarsType, List<?> values) {}

  private record Case(int frame, Expr expr, String python, boolean unordered) {}

  private final Path directory;
  private final List<List<TestColumn>> frames = new ArrayList<>();
  private final List<Case> cases = new ArrayList<>();
  private final StringBuilder script = new StringBuilder(PRELUDE);
  private int polarsErrors;

  PolarsCases(Path directory) {
    this.directory = directory;
  }

  /** Registers a frame; returns its index for {@link #add}. */
  int frame(List<TestColumn> columns) {
    frames.add(List.copyOf(columns));
    List<String> data = new ArrayList<>();
    List<String> schema = new ArrayList<>();
    for (TestColumn column : columns) {
      List<String> values = column.values().stream().map(PolarsCases::python).toList();
      data.add(pyString(column.name()) + ": [" + String.join(", ", values) + "]");
      schema.add(pyString(column.name()) + ": " + column.polarsType());
    }
    script.append("df = pl.DataFrame({").append(String.join(", ", data)).append("}, schema={")
        .append(String.join(", ", schema)).append("})\n");
    return frames.size() - 1;
  }

  /** A case over the frame most recently registered (Python sees it as {@code df}). */
  void add(int frame, Expr expr, String python) {
    add(frame, expr, python, false);
  }

  /**
   * A case whose row order is undefined in Polars (value counts without sort): the values are
   * compared as multisets.
   */
  void addUnordered(int frame, Expr expr, String python) {
    add(frame, expr, python, true);
  }

  private void add(int frame, Expr expr, String python, boolean unordered) {
    if (frame != frames.size() - 1) {
      throw new IllegalArgumentException("cases must follow their frame");
    }
    script.append("run(lambda: ").append(python).append(")\n");
    cases.add(new Case(frame, expr, python, unordered));
  }

  int size() {
    return cases.size();
  }

  /** How many cases Polars answered with an error in the last {@link #mismatches()} run. */
  int polarsErrors() {
    return polarsErrors;
  }

  /** Runs every case on both sides; returns one description per difference. */
  List<String> mismatches() throws Exception {
    List<String> expected = PolarsPython.run(directory, "cases", script.toString(), cases.size());
    polarsErrors = (int) expected.stream().filter(line -> line.startsWith("ERROR\t")).count();
    List<String> mismatches = new ArrayList<>();
    for (int index = 0; index < cases.size(); index++) {
      Case testCase = cases.get(index);
      String floe = evaluate(frames.get(testCase.frame()), testCase.expr());
      boolean same = testCase.unordered()
          ? same(sortedValues(floe), sortedValues(expected.get(index)))
          : same(floe, expected.get(index));
      if (!same) {
        mismatches.add(
            testCase.expr() + "   [" + testCase.python() + "]\n   floe:   " + floe
                + "\n   polars: " + expected.get(index));
      }
    }
    return mismatches;
  }

  // ---- Floe side ----

  static DataFrame frameOf(List<TestColumn> columns) {
    List<Series> series = new ArrayList<>();
    try {
      for (TestColumn column : columns) {
        series.add(Series.ofList(column.name(), column.type(), column.values()));
      }
      return DataFrame.of(series.toArray(Series[]::new));
    } catch (RuntimeException failure) {
      series.forEach(Series::close);
      throw failure;
    }
  }

  private static String evaluate(List<TestColumn> columns, Expr expr) {
    try (DataFrame frame = frameOf(columns);
        DataFrame result = frame.select(expr.alias("r"))) {
      Series series = result.column(0);
      List<String> values = new ArrayList<>();
      if (series.dtype().isTemporal()) {
        for (Column chunk : series.chunks()) {
          FixedWidthColumn fixed = (FixedWidthColumn) chunk;
          for (int row = 0; row < fixed.length(); row++) {
            long physical =
                series.dtype().byteWidth() == 4 ? fixed.getInt(row) : fixed.getLong(row);
            values.add(fixed.isNull(row) ? "null" : String.valueOf(physical));
          }
        }
      } else if (series.dtype() instanceof DataType.UInt64) {
        series.toList().forEach(value -> values.add(
            value == null ? "null" : Long.toUnsignedString(((Number) value).longValue())));
      } else {
        // u64 values are Longs holding the unsigned bits (Column.getObject): print them unsigned
        boolean unsigned64 = series.dtype() instanceof DataType.UInt64;
        series.toList().forEach(value -> values.add(
            unsigned64 && value instanceof Long bits ? Long.toUnsignedString(bits) : format(value)));
      }
      return series.dtype() + "\t" + String.join("|", values);
    } catch (FloeException failure) {
      return "ERROR\t" + failure.getClass().getSimpleName() + " " + failure.getMessage();
    }
  }

  static String format(Object value) {
    return switch (value) {
      case null -> "null";
      case Double number when number.isNaN() -> "nan";
      case Double number when number.isInfinite() -> number > 0 ? "inf" : "-inf";
      case Float number -> format(number.doubleValue());
      case Boolean bool -> bool ? "True" : "False";
      case BigDecimal decimal -> decimal.toPlainString();
      // line breaks would split the line-based result exchange
      case String text -> text.replace("\n", "\\n").replace("\r", "\\r");
      case List<?> list -> "[" + String.join(", ", list.stream().map(PolarsCases::format).toList()) + "]";
      case Map<?, ?> map -> {
        List<String> entries = new ArrayList<>();
        map.forEach((key, entry) -> entries.add(key + ": " + format(entry)));
        yield "{" + String.join(", ", entries) + "}";
      }
      default -> String.valueOf(value);
    };
  }

  /** A result line with its values sorted (for cases whose row order is undefined). */
  static String sortedValues(String line) {
    String[] parts = line.split("\t", -1);
    if (parts[0].equals("ERROR") || parts.length < 2 || parts[1].isEmpty()) {
      return line;
    }
    List<String> values = new ArrayList<>(List.of(parts[1].split("\\|", -1)));
    values.sort(null);
    return parts[0] + "\t" + String.join("|", values);
  }

  static boolean same(String floe, String polars) {
    String[] left = floe.split("\t", -1);
    String[] right = polars.split("\t", -1);
    if (left[0].equals("ERROR") || right[0].equals("ERROR")) {
      return left[0].equals(right[0]);
    }
    if (!left[0].equals(right[0])) {
      return false;
    }
    String[] leftValues = left[1].split("\\|", -1);
    String[] rightValues = right[1].split("\\|", -1);
    if (leftValues.length != rightValues.length) {
      return false;
    }
    for (int index = 0; index < leftValues.length; index++) {
      if (!sameValue(leftValues[index], rightValues[index])) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameValue(String left, String right) {
    if (left.equals(right)) {
      return true;
    }
    try {
      double a = Double.parseDouble(left);
      double b = Double.parseDouble(right);
      return Math.abs(a - b) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    } catch (NumberFormatException notNumbers) {
      return false;
    }
  }

  // ---- Python side ----

  /** A Python literal for a Java value. */
  static String python(Object value) {
    return switch (value) {
      case null -> "None";
      case Double number when number.isNaN() -> "float('nan')";
      case Double number when number.isInfinite() -> number > 0 ? "float('inf')" : "float('-inf')";
      case Float number -> python(number.doubleValue());
      case String text -> pyString(text);
      case Boolean bool -> bool ? "True" : "False";
      case BigDecimal decimal -> "D('" + decimal.toPlainString() + "')";
      case LocalDate date ->
          "dt.date(" + date.getYear() + ", " + date.getMonthValue() + ", " + date.getDayOfMonth()
              + ")";
      case LocalDateTime time ->
          "dt.datetime(" + time.getYear() + ", " + time.getMonthValue() + ", "
              + time.getDayOfMonth() + ", " + time.getHour() + ", " + time.getMinute() + ", "
              + time.getSecond() + ", " + time.getNano() / 1000 + ")";
      case LocalTime time ->
          "dt.time(" + time.getHour() + ", " + time.getMinute() + ", " + time.getSecond() + ", "
              + time.getNano() / 1000 + ")";
      case Duration span -> "dt.timedelta(microseconds=" + span.toNanos() / 1000 + ")";
      case java.time.ZonedDateTime zoned -> python(zoned.toInstant());
      case java.time.Instant instant -> {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
        String naive = python(utc);
        yield naive.substring(0, naive.length() - 1) + ", tzinfo=dt.timezone.utc)";
      }
      case List<?> list ->
          "[" + String.join(", ", list.stream().map(PolarsCases::python).toList()) + "]";
      default -> String.valueOf(value);
    };
  }

  /** A {@code pl.DataFrame(...)} literal of {@code columns}, with each column's Polars type. */
  static String frameLiteral(List<TestColumn> columns) {
    List<String> data = new ArrayList<>();
    List<String> schema = new ArrayList<>();
    for (TestColumn column : columns) {
      List<String> values = column.values().stream().map(PolarsCases::python).toList();
      data.add(pyString(column.name()) + ": [" + String.join(", ", values) + "]");
      schema.add(pyString(column.name()) + ": " + column.polarsType());
    }
    return "pl.DataFrame({" + String.join(", ", data) + "}, schema={" + String.join(", ", schema) + "})";
  }

  /** A Python string literal: non-ASCII and quotes escaped by code point. */
  static String pyString(String text) {
    StringBuilder literal = new StringBuilder("'");
    text.codePoints()
        .forEach(
            cp -> {
              if (cp >= 0x20 && cp < 0x7F && cp != '\'' && cp != '\\') {
                literal.append((char) cp);
              } else {
                literal.append(String.format("\\U%08x", cp));
              }
            });
    return literal.append("'").toString();
  }

  /** Python imports, the results file and {@code fmt(v)}, the text form both sides compare. */
  static final String PYTHON_FORMAT =
      """
      import math
      import datetime as dt
      from decimal import Decimal as D
      import polars as pl
      out = open(r"RESULTS", "w", encoding="utf-8")
      def fmt(v):
          if v is None: return "null"
          if isinstance(v, bool): return "True" if v else "False"
          if isinstance(v, float):
              if math.isnan(v): return "nan"
              if math.isinf(v): return "inf" if v > 0 else "-inf"
              return repr(v)
          if isinstance(v, D): return format(v, "f")
          if isinstance(v, str): return v.replace("\\n", "\\\\n").replace("\\r", "\\\\r")
          if isinstance(v, list): return "[" + ", ".join(fmt(x) for x in v) + "]"
          if isinstance(v, dict): return "{" + ", ".join(k + ": " + fmt(x) for k, x in v.items()) + "}"
          return str(v)
      """;

  private static final String PRELUDE =
      PYTHON_FORMAT
          + """
      def run(build):
          try:
              s = df.select(build().alias("r")).to_series()
              values = s.to_physical().to_list() if s.dtype.is_temporal() else s.to_list()
              out.write(s.dtype._string_repr() + "\\t" + "|".join(fmt(v) for v in values) + "\\n")
          except BaseException as e:  # Polars panics raise PanicException, a BaseException
              out.write("ERROR\\t" + type(e).__name__ + " " + str(e).replace("\\n", " ") + "\\n")
      """;
}
