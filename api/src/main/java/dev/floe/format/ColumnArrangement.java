package dev.floe.format;

import dev.floe.format.TableLayout.Constraint;

/**
 * comfy-table's "dynamic" arrangement of column content widths (padding excluded), step by step as
 * in its {@code utils/arrangement} module, so that wrapped tables match Polars' output:
 *
 * <ol>
 *   <li>Exact constraints, and lower bounds above the content width, fix a column at once.
 *   <li>The space left (table width minus borders, paddings and fixed columns) is averaged over the
 *       open columns; lower bounds above the average fix their columns.
 *   <li>Columns whose content (or upper bound) fits the average are fixed, which raises the
 *       average; repeated until nothing more fits.
 *   <li>Columns whose content, once wrapped at the average, leaves at least 3 columns spare are
 *       fixed at that wrapped width (comfy-table measures these wrapped lines in UTF-8 bytes).
 *   <li>The rest share the remaining space equally, extra columns going to the leftmost.
 * </ol>
 */
final class ColumnArrangement {
  private static final int PADDING = 2;

  private final TableLayout table;
  private final int columns;
  private final int[] maxContent;
  private final int[] widths;
  private final boolean[] fixed;
  private int remainingWidth;
  private int remainingColumns;

  ColumnArrangement(TableLayout table) {
    this.table = table;
    this.columns = table.columnCount();
    this.maxContent = new int[columns];
    this.widths = new int[columns];
    this.fixed = new boolean[columns];
  }

  int[] arrange() {
    for (int column = 0; column < columns; column++) {
      maxContent[column] = table.maxContentWidth(column);
      evaluate(column);
    }
    int borders = 2 + Math.max(0, columns - 1);
    remainingWidth = Math.max(0, table.tableWidth() - borders);
    for (int column = 0; column < columns; column++) {
      int taken = fixed[column] ? widths[column] + PADDING : PADDING;
      remainingWidth = Math.max(0, remainingWidth - taken);
      if (!fixed[column]) {
        remainingColumns++;
      }
    }
    if (remainingColumns > 0) {
      enforceLowerBounds();
    }
    fitIntoAverage();
    if (remainingColumns > 0) {
      optimizeAfterSplit();
    }
    if (remainingColumns > 0) {
      distributeRemaining();
    }
    return widths;
  }

  private void evaluate(int column) {
    switch (table.constraint(column)) {
      case Constraint.Absolute absolute -> fix(column, contentWidth(absolute.width()));
      case Constraint.Boundaries bounds -> {
        if (maxContent[column] + PADDING <= bounds.lower()) {
          fix(column, contentWidth(bounds.lower()));
        }
      }
    }
  }

  private void enforceLowerBounds() {
    int average = remainingWidth / remainingColumns;
    boolean again = true;
    while (again) {
      again = false;
      for (int column = 0; column < columns; column++) {
        if (fixed[column] || !(table.constraint(column) instanceof Constraint.Boundaries bounds)
            || average >= bounds.lower()) {
          continue;
        }
        int width = contentWidth(bounds.lower());
        if (takeColumn(column, width)) {
          break;
        }
        average = remainingWidth / remainingColumns;
        again = true;
      }
    }
  }

  private void fitIntoAverage() {
    boolean foundSmaller = true;
    while (foundSmaller) {
      foundSmaller = false;
      if (remainingColumns == 0) {
        break;
      }
      int average = remainingWidth / remainingColumns;
      if (average == 0) {
        break;
      }
      for (int column = 0; column < columns; column++) {
        if (fixed[column]) {
          continue;
        }
        if (table.constraint(column) instanceof Constraint.Boundaries bounds
            && bounds.upper() <= average + PADDING
            && maxContent[column] + PADDING >= bounds.upper()) {
          if (takeColumn(column, contentWidth(bounds.upper()))) {
            break;
          }
          average = remainingWidth / remainingColumns;
          foundSmaller = true;
          continue;
        }
        if (maxContent[column] <= average) {
          if (takeColumn(column, maxContent[column])) {
            break;
          }
          average = remainingWidth / remainingColumns;
          foundSmaller = true;
        }
      }
    }
  }

  private void optimizeAfterSplit() {
    int average = remainingWidth / remainingColumns;
    boolean foundSmaller = true;
    while (foundSmaller) {
      foundSmaller = false;
      for (int column = 0; column < columns; column++) {
        if (fixed[column]) {
          continue;
        }
        int longest = longestLineAfterSplit(column, average);
        if (Math.max(0, average - longest) >= 3) {
          if (takeColumn(column, longest)) {
            break;
          }
          average = remainingWidth / remainingColumns;
          foundSmaller = true;
        }
      }
    }
  }

  /** comfy-table measures these lines in UTF-8 bytes, not in display width; kept for fidelity. */
  private int longestLineAfterSplit(int column, int average) {
    int longest = 0;
    for (String cell : table.columnCells(column)) {
      for (String line : TableLayout.lines(cell)) {
        if (DisplayWidth.of(line) > average) {
          for (String part : LineSplitter.split(line, average)) {
            longest = Math.max(longest, DisplayWidth.utf8Length(part));
          }
        } else {
          longest = Math.max(longest, DisplayWidth.utf8Length(line));
        }
      }
    }
    return longest;
  }

  private void distributeRemaining() {
    int space = Math.max(remainingWidth, remainingColumns);
    int average = space / remainingColumns;
    int excess = space - average * remainingColumns;
    for (int column = 0; column < columns; column++) {
      if (!fixed[column]) {
        fix(column, excess-- > 0 ? average + 1 : average);
      }
    }
  }

  /** Fixes a column and takes its width from the remaining space; true when none are left. */
  private boolean takeColumn(int column, int width) {
    fix(column, width);
    remainingWidth = Math.max(0, remainingWidth - width);
    remainingColumns--;
    return remainingColumns == 0;
  }

  private void fix(int column, int width) {
    widths[column] = width;
    fixed[column] = true;
  }

  private static int contentWidth(int widthWithPadding) {
    return Math.max(1, widthWithPadding - PADDING);
  }
}
