package dev.floe.io.csv;

import dev.floe.memory.column.ChunkedColumn;
import java.util.List;

/**
 * The columns read from a CSV file, one chunk per parsed part of the file; owns them until handed
 * on (the api's {@code DataFrame} adopts them). Closing releases whatever was not handed on.
 *
 * @param names the column names, in order
 * @param columns the columns, one per name
 */
public record CsvTable(List<String> names, List<ChunkedColumn> columns) implements AutoCloseable {
  public CsvTable {
    names = List.copyOf(names);
    columns = List.copyOf(columns);
  }

  @Override
  public void close() {
    columns.forEach(ChunkedColumn::close);
  }
}
