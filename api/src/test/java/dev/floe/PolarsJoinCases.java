package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.errors.FloeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Differential cases over two frames (the two-input twin of {@link PolarsFrameCases}): a Java
 * operation on {@code (left, right)} and the same operation as Python text over {@code df} and
 * {@code other}, compared by column names, dtypes and rows. A failure on both sides counts as
 * agreement (validation violations must fail on both); unordered cases compare rows as multisets.
 */
final class PolarsJoinCases {
  private record Case(List<PolarsCases.TestColumn> left, List<PolarsCases.TestColumn> right,
      BiFunction<DataFrame, DataFrame, DataFrame> floe, String python, boolean unordered) {}

  private final Path directory;
  private final List<Case> cases = new ArrayList<>();
  private final StringBuilder script = new StringBuilder(PRELUDE);

  PolarsJoinCases(Path directory) {
    this.directory = directory;
  }

  void add(List<PolarsCases.TestColumn> left, List<PolarsCases.TestColumn> right,
      BiFunction<DataFrame, DataFrame, DataFrame> floe, String python, boolean unordered) {
    // the same inputs as the case before are still df and other in Python (large frames written once)
    boolean same = !cases.isEmpty() && cases.getLast().left() == left && cases.getLast().right() == right;
    if (!same) {
      script.append("df = ").append(PolarsCases.frameLiteral(left)).append('\n');
      script.append("other = ").append(PolarsCases.frameLiteral(right)).append('\n');
    }
    script.append("run(lambda: ").append(python).append(")\n");
    cases.add(new Case(left, right, floe, python, unordered));
  }

  /** How many cases failed on both sides (after {@link #mismatches}). */
  private int failedOnBoth;

  int size() {
    return cases.size();
  }

  int failedOnBoth() {
    return failedOnBoth;
  }

  /** Runs every case on both sides; one description per difference. */
  List<String> mismatches() throws Exception {
    List<String> expected = PolarsPython.run(directory, "joins", script.toString(), cases.size());
    List<String> mismatches = new ArrayList<>();
    for (int index = 0; index < cases.size(); index++) {
      Case testCase = cases.get(index);
      String floe = evaluate(testCase);
      String polars = expected.get(index);
      boolean bothFail = floe.startsWith("ERROR") && polars.startsWith("ERROR");
      failedOnBoth += bothFail ? 1 : 0;
      boolean same = testCase.unordered() ? sorted(floe).equals(sorted(polars)) : floe.equals(polars);
      if (!same && !bothFail) {
        mismatches.add("#" + index + " " + testCase.python() + "\n   left:   " + describe(testCase.left())
            + "\n   right:  " + describe(testCase.right()) + "\n   floe:   " + floe + "\n   polars: " + polars);
      }
    }
    return mismatches;
  }

  private static String describe(List<PolarsCases.TestColumn> frame) {
    List<String> columns = new ArrayList<>();
    for (PolarsCases.TestColumn column : frame) {
      columns.add(column.name() + ":" + column.polarsType() + "=" + column.values());
    }
    return String.join(" ", columns);
  }

  /** The header, then the rows sorted (-0.0 as 0.0). */
  private static String sorted(String line) {
    if (line.startsWith("ERROR")) {
      return "ERROR";
    }
    String[] parts = line.split("\t", -1);
    List<String> rows = new ArrayList<>();
    for (int index = 1; index < parts.length; index++) {
      rows.add(parts[index].replace("-0.0", "0.0"));
    }
    rows.sort(null);
    return parts[0] + "\t" + String.join("\t", rows);
  }

  private static String evaluate(Case testCase) {
    try (DataFrame left = PolarsCases.frameOf(testCase.left());
        DataFrame right = PolarsCases.frameOf(testCase.right());
        DataFrame result = testCase.floe().apply(left, right)) {
      List<String> header = new ArrayList<>();
      for (Series series : result.getColumns()) {
        header.add(series.name() + ":" + series.dtype());
      }
      StringBuilder line = new StringBuilder(String.join(",", header));
      for (List<Object> row : result.rows()) {
        line.append('\t').append(String.join(",", row.stream().map(PolarsCases::format).toList()));
      }
      return line.toString();
    } catch (FloeException failure) {
      return "ERROR " + failure.getClass().getSimpleName() + " " + failure.getMessage();
    }
  }

  private static final String PRELUDE = PolarsCases.PYTHON_FORMAT + """
      def run(build):
          try:
              r = build()
              line = ",".join(n + ":" + d._string_repr() for n, d in r.schema.items())
              for row in r.rows():
                  line += "\\t" + ",".join(fmt(v) for v in row)
              out.write(line + "\\n")
          except BaseException as e:  # a Polars panic counts as an error too
              out.write("ERROR " + type(e).__name__ + " " + str(e).replace("\\n", " ") + "\\n")
      """;
}
