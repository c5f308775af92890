package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.errors.FloeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Differential cases whose result is a whole frame (the frame-level twin of {@link PolarsCases}):
 * a frame operation in Java and the same operation as Python text over {@code df}, compared by
 * column names, dtypes and rows (values rendered as {@link PolarsCases#format}); a failure on both
 * sides counts as agreement. Unordered cases compare the rows as multisets (-0.0 as 0.0).
 */
final class PolarsFrameCases {
  private record Case(
      List<PolarsCases.TestColumn> frame, Function<DataFrame, DataFrame> floe, String python,
      boolean unordered) {}

  private final Path directory;
  private final List<Case> cases = new ArrayList<>();
  private final StringBuilder script = new StringBuilder(PRELUDE);
  private int bothFailed;

  PolarsFrameCases(Path directory) {
    this.directory = directory;
  }

  /** A case: {@code python} is an expression over {@code df} giving a DataFrame. */
  void add(List<PolarsCases.TestColumn> frame, Function<DataFrame, DataFrame> floe, String python,
      boolean unordered) {
    // the same frame as the case before: Python's df is still it (large frames are written once)
    if (cases.isEmpty() || cases.getLast().frame() != frame) {
      script.append("df = ").append(PolarsCases.frameLiteral(frame)).append('\n');
    }
    script.append("run(lambda: ").append(python).append(")\n");
    cases.add(new Case(frame, floe, python, unordered));
  }

  int size() {
    return cases.size();
  }

  /** How many cases failed on both sides (counted by {@link #mismatches}). */
  int bothFailed() {
    return bothFailed;
  }

  /** Runs every case on both sides; returns one description per difference. */
  List<String> mismatches() throws Exception {
    List<String> expected = PolarsPython.run(directory, "frames", script.toString(), cases.size());
    List<String> mismatches = new ArrayList<>();
    for (int index = 0; index < cases.size(); index++) {
      Case testCase = cases.get(index);
      String floe = evaluate(testCase);
      String polars = expected.get(index);
      boolean same = testCase.unordered()
          ? normalized(floe).equals(normalized(polars)) || sameCells(normalized(floe), normalized(polars))
          : sameCells(floe, polars);
      if (bothErrors(floe, polars)) {
        bothFailed++;
      }
      if (!same && !bothErrors(floe, polars)) {
        mismatches.add(testCase.python() + " over " + testCase.frame().getFirst().values()
            + "\n   floe:   " + floe + "\n   polars: " + polars);
      }
    }
    return mismatches;
  }

  /** Cell by cell; numbers within a relative 1e-9. */
  private static boolean sameCells(String floe, String polars) {
    String[] left = floe.split("[\t,]", -1);
    String[] right = polars.split("[\t,]", -1);
    if (left.length != right.length) {
      return false;
    }
    for (int index = 0; index < left.length; index++) {
      if (!PolarsCases.same("x\t" + left[index], "x\t" + right[index])) {
        return false;
      }
    }
    return true;
  }

  private static boolean bothErrors(String floe, String polars) {
    return floe.startsWith("ERROR") && polars.startsWith("ERROR");
  }

  /** Rows sorted, -0.0 as 0.0 (for multiset comparison). */
  private static String normalized(String line) {
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
    try (DataFrame frame = PolarsCases.frameOf(testCase.frame());
        DataFrame result = testCase.floe().apply(frame)) {
      List<String> header = new ArrayList<>();
      for (Series series : result.getColumns()) {
        header.add(series.name() + ":" + series.dtype());
      }
      StringBuilder line = new StringBuilder(String.join(",", header));
      for (List<Object> row : result.rows()) {
        line.append('\t')
            .append(String.join(",", row.stream().map(PolarsCases::format).toList()));
      }
      return line.toString();
    } catch (FloeException failure) {
      return "ERROR " + failure.getClass().getSimpleName() + " " + failure.getMessage();
    }
  }

  private static final String PRELUDE =
      PolarsCases.PYTHON_FORMAT
          + """
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
