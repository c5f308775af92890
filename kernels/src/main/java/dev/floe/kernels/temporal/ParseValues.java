package dev.floe.kernels.temporal;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.column.ViewColumn;

/** The rows of a string column (Utf8, LargeUtf8 or Utf8View) as Java strings, null for null. */
final class ParseValues {
  private final Column column;
  private final VarBinaryColumn varBinary;
  private final ViewColumn view;

  ParseValues(Column column) {
    if (!column.type().isString()) {
      throw new InvalidOperationException("expected a string column, got " + column.type());
    }
    this.column = column;
    this.varBinary = column instanceof VarBinaryColumn bin ? bin : null;
    this.view = column instanceof ViewColumn v ? v : null;
    if (varBinary == null && view == null) {
      throw new InvalidOperationException("expected a string column, got " + column.type());
    }
  }

  int length() {
    return column.length();
  }

  String get(int row) {
    if (column.isNull(row)) {
      return null;
    }
    return varBinary != null ? varBinary.getString(row) : view.getString(row);
  }
}
