package dev.floe.io.csv;

import dev.floe.memory.column.ChunkedColumn;
import java.util.ArrayList;
import java.util.List;

/** Test text of a read table: one line per column, its name, type and values, to compare reads. */
final class CsvTables {
  private CsvTables() {}

  static String describe(CsvTable table) {
    List<String> lines = new ArrayList<>();
    for (int index = 0; index < table.names().size(); index++) {
      ChunkedColumn column = table.columns().get(index);
      List<Object> values = new ArrayList<>();
      for (long row = 0; row < column.length(); row++) {
        values.add(column.getObject(row));
      }
      lines.add(table.names().get(index) + ": " + column.type() + " = " + values);
    }
    return String.join("\n", lines);
  }
}
