package dev.floe.testing;

import dev.floe.DataFrame;
import dev.floe.Series;
import dev.floe.format.CellFormat;
import dev.floe.format.DisplayOptions;
import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Assertions on frames and series, as Polars' {@code polars.testing}. They throw a plain
 * {@link AssertionError} (no test framework needed) whose message names what differs: the column
 * names, the types per column, the heights, or the first differing rows with the row index, the
 * column and both values.
 *
 * <pre>{@code
 * assertFrameEqual(actual, expected);
 * assertFrameEqual(actual, expected, AssertFrameOptions.DEFAULTS.withCheckRowOrder(false));
 * }</pre>
 */
public final class FrameAssertions {
  /** At most this many differing values are listed in a message. */
  static final int MAX_REPORTED = 10;

  private FrameAssertions() {}

  public static void assertFrameEqual(DataFrame actual, DataFrame expected) {
    assertFrameEqual(actual, expected, AssertFrameOptions.DEFAULTS);
  }

  public static void assertFrameEqual(
      DataFrame actual, DataFrame expected, AssertFrameOptions options) {
    List<String> actualNames = actual.columns();
    List<String> expectedNames = expected.columns();
    checkNames(actualNames, expectedNames, options);
    List<String> mismatchedTypes = new ArrayList<>();
    for (String name : expectedNames) {
      DataType left = actual.column(name).dtype();
      DataType right = expected.column(name).dtype();
      if (options.checkDtypes() && !left.equals(right)) {
        mismatchedTypes.add("column '" + name + "': actual " + left + ", expected " + right);
      }
    }
    if (!mismatchedTypes.isEmpty()) {
      throw new AssertionError(
          "DataFrames are different (dtypes do not match)\n  "
              + String.join("\n  ", mismatchedTypes));
    }
    if (actual.height() != expected.height()) {
      throw new AssertionError(
          "DataFrames are different (number of rows does not match)\n  actual:   "
              + actual.height() + " rows\n  expected: " + expected.height() + " rows");
    }
    List<List<Object>> left = rows(actual, expectedNames);
    List<List<Object>> right = rows(expected, expectedNames);
    if (!options.checkRowOrder()) {
      left.sort(ValueComparison::compareRows);
      right.sort(ValueComparison::compareRows);
    }
    List<String> differences = new ArrayList<>();
    int differingRows = 0;
    for (int row = 0; row < left.size(); row++) {
      boolean rowDiffers = false;
      for (int column = 0; column < expectedNames.size(); column++) {
        Object leftValue = left.get(row).get(column);
        Object rightValue = right.get(row).get(column);
        if (!ValueComparison.matches(leftValue, rightValue, options)) {
          rowDiffers = true;
          if (differences.size() < MAX_REPORTED) {
            String name = expectedNames.get(column);
            differences.add(describeDifference(row, name, leftValue, rightValue,
                actual.column(name).dtype(), expected.column(name).dtype(), options));
          }
        }
      }
      differingRows += rowDiffers ? 1 : 0;
    }
    if (!differences.isEmpty()) {
      throw new AssertionError(
          "DataFrames are different (values differ in " + differingRows + " of " + left.size()
              + " rows" + (options.checkRowOrder() ? "" : ", compared after sorting the rows")
              + ")\n  " + String.join("\n  ", differences)
              + (differences.size() == MAX_REPORTED ? "\n  ..." : ""));
    }
  }

  public static void assertSeriesEqual(Series actual, Series expected) {
    assertSeriesEqual(actual, expected, AssertFrameOptions.DEFAULTS);
  }

  /** Series must have the same name, type (unless unchecked), length and values. */
  public static void assertSeriesEqual(Series actual, Series expected, AssertFrameOptions options) {
    if (!actual.name().equals(expected.name())) {
      throw new AssertionError(
          "Series are different (names do not match)\n  actual:   '" + actual.name()
              + "'\n  expected: '" + expected.name() + "'");
    }
    try (DataFrame left = DataFrame.of(actual.share());
        DataFrame right = DataFrame.of(expected.share())) {
      assertFrameEqual(left, right, options.withCheckColumnOrder(true));
    } catch (AssertionError failure) {
      throw new AssertionError(failure.getMessage().replaceFirst("^DataFrames", "Series"), failure);
    }
  }

  private static void checkNames(
      List<String> actual, List<String> expected, AssertFrameOptions options) {
    boolean same = options.checkColumnOrder()
        ? actual.equals(expected)
        : new HashSet<>(actual).equals(new HashSet<>(expected)) && actual.size() == expected.size();
    if (same) {
      return;
    }
    Set<String> missing = new HashSet<>(expected);
    missing.removeAll(actual);
    Set<String> unexpected = new HashSet<>(actual);
    unexpected.removeAll(expected);
    StringBuilder message = new StringBuilder("DataFrames are different (")
        .append(missing.isEmpty() && unexpected.isEmpty()
            ? "column order does not match"
            : "column names do not match")
        .append(")\n  actual:   ").append(actual).append("\n  expected: ").append(expected);
    if (!missing.isEmpty()) {
      message.append("\n  missing in actual: ").append(sorted(missing));
    }
    if (!unexpected.isEmpty()) {
      message.append("\n  not expected: ").append(sorted(unexpected));
    }
    throw new AssertionError(message.toString());
  }

  private static List<String> sorted(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    list.sort(null);
    return list;
  }

  private static List<List<Object>> rows(DataFrame frame, List<String> order) {
    List<List<Object>> columns = new ArrayList<>();
    for (String name : order) {
      columns.add(frame.column(name).toList());
    }
    List<List<Object>> rows = new ArrayList<>();
    for (int row = 0; row < frame.height(); row++) {
      List<Object> values = new ArrayList<>(order.size());
      for (List<Object> column : columns) {
        values.add(column.get(row));
      }
      rows.add(values);
    }
    return rows;
  }

  private static String describeDifference(
      int row, String column, Object actual, Object expected, DataType actualType,
      DataType expectedType, AssertFrameOptions options) {
    DisplayOptions display = DisplayOptions.DEFAULTS.withStrLen(-1).withListLen(-1);
    String tolerance = options.checkExact() || !(actual instanceof Number) ? ""
        : " (rtol " + options.rtol() + ", atol " + options.atol() + ")";
    return "row " + row + ", column '" + column + "': actual "
        + CellFormat.value(actual, actualType, display) + ", expected "
        + CellFormat.value(expected, expectedType, display) + tolerance;
  }
}
