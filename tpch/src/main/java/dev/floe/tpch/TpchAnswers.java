package dev.floe.tpch;

import dev.floe.DataFrame;
import dev.floe.Floe;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Compares a query's result with a reference answer ({@code qNN.parquet}): columns by position
 * (names differ between engines), numbers with a relative tolerance of 1e-6, text and dates
 * exactly, nulls equal only to nulls, and rows in order when the query orders them fully (else
 * both sides sorted first).
 */
public final class TpchAnswers {
  /** The relative tolerance for numbers. */
  public static final double TOLERANCE = 1e-6;

  private TpchAnswers() {}

  /** The reference file of query {@code number} in {@code directory}. */
  public static Path referenceFile(Path directory, int number) {
    return directory.resolve(String.format("q%02d.parquet", number));
  }

  /**
   * The differences between {@code actual} and the answer in {@code reference} (empty when they
   * match), at most 10, each naming the row, column and both values.
   */
  public static List<String> differences(DataFrame actual, Path reference, boolean ordered) {
    try (DataFrame expected = Floe.readParquet(reference.toString())) {
      List<String> found = new ArrayList<>();
      if (actual.width() != expected.width()) {
        found.add("columns: " + actual.width() + " " + actual.schema().names() + ", expected "
            + expected.width() + " " + expected.schema().names());
        return found;
      }
      if (actual.height() != expected.height()) {
        found.add("rows: " + actual.height() + ", expected " + expected.height());
        return found;
      }
      List<List<Object>> got = actual.rows();
      List<List<Object>> want = expected.rows();
      if (!ordered) {
        got = sorted(got);
        want = sorted(want);
      }
      for (int row = 0; row < want.size() && found.size() < 10; row++) {
        for (int column = 0; column < actual.width() && found.size() < 10; column++) {
          Object a = got.get(row).get(column);
          Object e = want.get(row).get(column);
          if (!same(a, e)) {
            found.add("row " + row + ", column " + column + " (" + actual.schema().field(column).name() + "): "
                + a + ", expected " + e);
          }
        }
      }
      return found;
    }
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(TpchAnswers::key));
    return copy;
  }

  /** A sort key that orders numbers with tiny differences alike (rounded to 6 significant digits). */
  private static String key(List<Object> row) {
    StringBuilder key = new StringBuilder();
    for (Object value : row) {
      key.append(value instanceof Number number ? String.format("%.6e", number.doubleValue()) : String.valueOf(value))
          .append('\u0001');
    }
    return key.toString();
  }

  static boolean same(Object actual, Object expected) {
    if (actual == null || expected == null) {
      return actual == expected;
    }
    if (actual instanceof Number a && expected instanceof Number e) {
      double x = a.doubleValue();
      double y = e.doubleValue();
      return x == y || Math.abs(x - y) <= TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
    }
    if (actual instanceof LocalDate || expected instanceof LocalDate) {
      return Objects.equals(actual, expected);
    }
    return actual.toString().equals(expected.toString());
  }
}
