package dev.floe.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out and draws a table the way Polars does, which is the Rust {@code comfy-table} crate with
 * its {@code UTF8_FULL_CONDENSED} preset, one column of padding each side, "dynamic" content
 * arrangement and a total width (100 when not printing to a terminal).
 *
 * <p>Column widths: each column carries a constraint (an exact width, or lower and upper bounds;
 * both include the padding). Columns whose content fits are given their content width; when the
 * table would be wider than allowed, the remaining space is shared out as comfy-table shares it
 * and long cells wrap onto several lines ({@link LineSplitter}).
 */
public final class TableLayout {
  private static final int PADDING = 2;

  /** A column width constraint, padding included. */
  public sealed interface Constraint {
    /** Exactly {@code width} columns. */
    record Absolute(int width) implements Constraint {}

    /** Between {@code lower} and {@code upper} columns. */
    record Boundaries(int lower, int upper) implements Constraint {}
  }

  private final List<String> header;
  private final List<List<String>> rows;
  private final List<Constraint> constraints;
  private final int tableWidth;

  /**
   * @param header one cell per column; a cell may hold several lines separated by {@code \n}
   * @param rows body rows with as many cells as the header
   * @param constraints one per column
   * @param tableWidth the total width available, borders included
   */
  public TableLayout(
      List<String> header, List<List<String>> rows, List<Constraint> constraints, int tableWidth) {
    this.header = header;
    this.rows = rows;
    this.constraints = constraints;
    this.tableWidth = tableWidth;
  }

  /** The drawn table, lines separated by {@code \n}, without a trailing newline. */
  public String render() {
    int[] widths = new ColumnArrangement(this).arrange();
    List<String> lines = new ArrayList<>();
    lines.add(border('┌', '─', '┬', '┐', widths));
    for (List<String> line : formatRow(header, widths)) {
      lines.add(embed(line));
    }
    lines.add(border('╞', '═', '╪', '╡', widths));
    for (List<String> row : rows) {
      for (List<String> line : formatRow(row, widths)) {
        lines.add(embed(line));
      }
    }
    lines.add(border('└', '─', '┴', '┘', widths));
    return String.join("\n", lines);
  }

  int columnCount() {
    return header.size();
  }

  Constraint constraint(int column) {
    return constraints.get(column);
  }

  int tableWidth() {
    return tableWidth;
  }

  /** The cells of one column, header first. */
  List<String> columnCells(int column) {
    List<String> cells = new ArrayList<>(rows.size() + 1);
    cells.add(header.get(column));
    for (List<String> row : rows) {
      cells.add(row.get(column));
    }
    return cells;
  }

  /** The widest line of any cell of the column (at least 1). */
  int maxContentWidth(int column) {
    int widest = 1;
    for (String cell : columnCells(column)) {
      for (String line : lines(cell)) {
        widest = Math.max(widest, DisplayWidth.of(line));
      }
    }
    return widest;
  }

  static List<String> lines(String cell) {
    return LineSplitter.splitKeepingEmpty(cell, '\n');
  }

  /** The lines of one row: each cell wrapped, left-aligned, padded; short cells filled. */
  private static List<List<String>> formatRow(List<String> cells, int[] widths) {
    List<List<String>> cellLines = new ArrayList<>(cells.size());
    int height = 0;
    for (int column = 0; column < cells.size(); column++) {
      int width = widths[column];
      List<String> lines = new ArrayList<>();
      for (String line : lines(cells.get(column))) {
        if (DisplayWidth.of(line) > width) {
          lines.addAll(LineSplitter.split(line, width));
        } else {
          lines.add(line);
        }
      }
      List<String> aligned = new ArrayList<>(lines.size());
      for (String line : lines) {
        int fill = Math.max(0, width - DisplayWidth.of(line));
        aligned.add(" " + line + " ".repeat(fill) + " ");
      }
      cellLines.add(aligned);
      height = Math.max(height, aligned.size());
    }
    List<List<String>> result = new ArrayList<>(height);
    for (int lineIndex = 0; lineIndex < height; lineIndex++) {
      List<String> line = new ArrayList<>(cells.size());
      for (int column = 0; column < cells.size(); column++) {
        List<String> lines = cellLines.get(column);
        line.add(lineIndex < lines.size()
            ? lines.get(lineIndex)
            : " ".repeat(widths[column] + PADDING));
      }
      result.add(line);
    }
    return result;
  }

  private static String embed(List<String> parts) {
    StringBuilder line = new StringBuilder("│");
    for (int index = 0; index < parts.size(); index++) {
      line.append(parts.get(index)).append(index + 1 < parts.size() ? '┆' : '│');
    }
    return line.toString();
  }

  private static String border(char left, char fill, char middle, char right, int[] widths) {
    StringBuilder line = new StringBuilder().append(left);
    for (int column = 0; column < widths.length; column++) {
      if (column > 0) {
        line.append(middle);
      }
      line.append(String.valueOf(fill).repeat(widths[column] + PADDING));
    }
    return line.append(right).toString();
  }
}
