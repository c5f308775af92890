package dev.floe;

import dev.floe.io.csv.CsvReadOptions;
import dev.floe.io.csv.CsvReader;
import dev.floe.io.csv.CsvTable;
import dev.floe.io.csv.CsvWriteOptions;
import dev.floe.io.csv.CsvWriter;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CSV entry points behind {@code Floe.readCsv} and {@code DataFrame.writeCsv}. */
final class CsvFrames {
  private CsvFrames() {}

  /** Reads {@code path} into a frame allocated from {@link BufferAllocator#current()}. */
  static DataFrame read(Path path, CsvReadOptions options) {
    CsvTable table = CsvReader.read(path, options, BufferAllocator.current());
    List<Series> series = new ArrayList<>(table.names().size());
    for (int index = 0; index < table.names().size(); index++) {
      series.add(Series.fromChunked(table.names().get(index), table.columns().get(index)));
    }
    return DataFrame.of(series);
  }

  /** Writes every column of {@code frame} to {@code path}. */
  static void write(DataFrame frame, Path path, CsvWriteOptions options) {
    List<ChunkedColumn> columns = new ArrayList<>(frame.width());
    for (Series series : frame.getColumns()) {
      columns.add(series.column());
    }
    CsvWriter.write(path, frame.columns(), columns, options);
  }
}
