package dev.floe.format;

import dev.floe.format.TableLayout.Constraint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A frame as Polars 1.x prints it ({@code impl Display for DataFrame} in {@code polars-core}): the
 * shape, then a box-drawn table whose header shows each column's name, {@code ---} and type.
 * Frames taller than {@link DisplayOptions#tblRows()} show the first and last rows around a row of
 * {@code …}; frames wider than {@link DisplayOptions#tblCols()} show the first and last columns
 * around a column of {@code …}; cells longer than {@link DisplayOptions#strLen()} characters are
 * cut with {@code …}. Column widths follow Polars' estimates and comfy-table's arrangement
 * ({@link TableLayout}).
 */
public final class FrameFormatter {
  private static final String ELLIPSIS = "…";
  private static final int PADDING = 2;
  private static final int MIN_COLUMN_WIDTH = 5;

  private FrameFormatter() {}

  public static String format(FrameView frame, DisplayOptions options) {
    long height = frame.height();
    int width = frame.width();
    int columnLimit = options.columnLimit();
    int first = width > columnLimit ? (columnLimit + 1) / 2 : width;
    int last = width > columnLimit ? columnLimit / 2 : 0;
    boolean reduceColumns = first + last < width;
    List<Integer> shown = new ArrayList<>();
    for (int column = 0; column < first; column++) {
      shown.add(column);
    }
    if (reduceColumns) {
      shown.add(-1);
    }
    for (int column = width - last; column < width; column++) {
      shown.add(column);
    }
    int stringLimit = options.stringLimit();
    List<String> names = new ArrayList<>();
    int[] nameLengths = new int[shown.size()];
    int[] elementLengths = new int[shown.size()];
    for (int index = 0; index < shown.size(); index++) {
      int column = shown.get(index);
      if (column < 0) {
        names.add(ELLIPSIS);
        nameLengths[index] = 1;
      } else {
        String name = cut(frame.name(column), stringLimit);
        String dtype = frame.type(column).toString();
        names.add(name + "\n---\n" + dtype);
        // Polars measures the type name in UTF-8 bytes (so μ counts twice).
        int length = Math.max(DisplayWidth.estimate(name), DisplayWidth.utf8Length(dtype));
        length = Math.max(length, 3);
        nameLengths[index] = length + PADDING;
      }
    }
    long rowLimit = options.rowLimit();
    boolean truncated = rowLimit > 0 && height > rowLimit;
    List<List<String>> rows = new ArrayList<>();
    if (rowLimit > 0 && width > 0) {
      if (truncated) {
        long half = rowLimit / 2;
        long head = half + rowLimit % 2;
        for (long row = 0; row < head; row++) {
          rows.add(row(frame, row, shown, stringLimit, elementLengths, options));
        }
        rows.add(Collections.nCopies(shown.size(), ELLIPSIS));
        for (long row = height - half; row < height; row++) {
          rows.add(row(frame, row, shown, stringLimit, elementLengths, options));
        }
      } else {
        for (long row = 0; row < height; row++) {
          rows.add(row(frame, row, shown, stringLimit, elementLengths, options));
        }
      }
    } else if (height > 0) {
      rows.add(Collections.nCopies(shown.size(), ELLIPSIS));
    }
    List<Constraint> constraints = new ArrayList<>(shown.size());
    long widest = (long) stringLimit + 1 + PADDING;
    for (int index = 0; index < shown.size(); index++) {
      int bound = (int) Math.min(widest, Math.max(nameLengths[index], elementLengths[index]));
      if (bound <= MIN_COLUMN_WIDTH && !truncated) {
        constraints.add(new Constraint.Absolute(bound));
      } else if (bound <= MIN_COLUMN_WIDTH) {
        constraints.add(new Constraint.Boundaries(bound, MIN_COLUMN_WIDTH));
      } else {
        constraints.add(new Constraint.Boundaries(MIN_COLUMN_WIDTH, bound));
      }
    }
    String table = new TableLayout(names, rows, constraints, options.widthLimit()).render();
    return "shape: (" + groupDigits(height) + ", " + groupDigits(width) + ")\n" + table;
  }

  private static List<String> row(
      FrameView frame, long row, List<Integer> shown, int stringLimit, int[] elementLengths,
      DisplayOptions options) {
    List<String> cells = new ArrayList<>(shown.size());
    for (int index = 0; index < shown.size(); index++) {
      int column = shown.get(index);
      if (column < 0) {
        cells.add(ELLIPSIS);
        elementLengths[index] = 1 + PADDING;
        continue;
      }
      String text =
          cut(CellFormat.cell(frame.value(column, row), frame.type(column), options), stringLimit);
      int length = DisplayWidth.estimate(text) + PADDING;
      elementLengths[index] = Math.max(elementLengths[index], length);
      cells.add(text);
    }
    return cells;
  }

  /** Polars' {@code make_str_val}: the first {@code limit} characters and {@code …} if cut. */
  static String cut(String text, int limit) {
    String prefix = DisplayWidth.prefix(text, limit);
    return prefix.length() == text.length() ? text : prefix + ELLIPSIS;
  }

  /** {@code 1234567} as {@code 1_234_567}, as Polars prints shapes. */
  public static String groupDigits(long value) {
    String digits = Long.toString(Math.abs(value));
    StringBuilder grouped = new StringBuilder();
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    grouped.append(digits, 0, lead);
    for (int index = lead; index < digits.length(); index += 3) {
      grouped.append('_').append(digits, index, index + 3);
    }
    return (value < 0 ? "-" : "") + grouped;
  }
}
