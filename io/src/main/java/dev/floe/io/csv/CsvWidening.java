package dev.floe.io.csv;

/**
 * Thrown inside a read when a value does not fit an inferred column's type: the read starts over
 * with the column widened (i64 to f64, anything else to str) instead of failing late. Never leaves
 * the reader.
 */
final class CsvWidening extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int column;
  final int found;

  CsvWidening(int column, int found) {
    super(null, null, false, false);
    this.column = column;
    this.found = found;
  }
}
