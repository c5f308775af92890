package dev.floe.io.csv;

import dev.floe.errors.FloeIoException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.io.AtomicFileWrite;
import dev.floe.io.IoProgress;
import dev.floe.io.ProgressOutputStream;
import dev.floe.io.ProgressReporter;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes columns as CSV with Polars' formats and quoting rules. Atomic: the text goes to a
 * temporary file next to the target, which replaces the target only when everything was written;
 * on any failure the temporary file is deleted and the target is untouched.
 */
public final class CsvWriter {
  private CsvWriter() {}

  /** Writes the named columns (all of the same length) to {@code path}. */
  public static void write(Path path, List<String> names, List<ChunkedColumn> columns,
      CsvWriteOptions options) {
    ProgressReporter progress = IoProgress.reporter("write csv", path, -1);
    try {
      AtomicFileWrite.write(path, temporary -> {
        try (OutputStream file = new ProgressOutputStream(Files.newOutputStream(temporary), progress);
            OutputStream compressed = switch (options.compression()) {
              case GZIP -> new GZIPOutputStream(file, 1 << 16);
              case ZSTD -> new com.github.luben.zstd.ZstdOutputStream(file);
              case NONE -> file;
            };
            OutputStream out = new BufferedOutputStream(compressed, 1 << 16)) {
          writeAll(out, names, columns, options);
        }
        progress.advance(0, columns.isEmpty() ? 0 : columns.get(0).length());
        progress.finish(); // a listener that throws here cancels: nothing is renamed
      });
    } catch (IOException failure) {
      throw new FloeIoException("could not write " + path + ": " + failure.getMessage(), failure);
    } catch (java.time.DateTimeException failure) {
      throw new InvalidOperationException(
          "could not write " + path + ": " + failure.getMessage());
    } finally {
      progress.finish();
    }
  }

  private static void writeAll(OutputStream out, List<String> names, List<ChunkedColumn> columns,
      CsvWriteOptions options) throws IOException {
    CsvValueFormat format = new CsvValueFormat(options);
    byte[] separator = String.valueOf(options.separator()).getBytes(StandardCharsets.UTF_8);
    byte[] terminator = options.lineTerminator().getBytes(StandardCharsets.UTF_8);
    byte[] nullText = options.nullValue().getBytes(StandardCharsets.UTF_8);
    CsvQuoting quoting = new CsvQuoting(options);
    if (options.includeHeader()) {
      for (int column = 0; column < names.size(); column++) {
        if (column > 0) {
          out.write(separator);
        }
        quoting.write(out, names.get(column), false, true);
      }
      out.write(terminator);
    }
    int width = columns.size();
    long rows = width == 0 ? 0 : columns.get(0).length();
    int[] chunk = new int[width];
    int[] offset = new int[width];
    for (long row = 0; row < rows; row++) {
      for (int column = 0; column < width; column++) {
        List<Column> chunks = columns.get(column).chunks();
        while (offset[column] >= chunks.get(chunk[column]).length()) {
          chunk[column]++;
          offset[column] = 0;
        }
        Column data = chunks.get(chunk[column]);
        int index = offset[column]++;
        if (column > 0) {
          out.write(separator);
        }
        if (data.isNull(index)) {
          if (options.quoteStyle() == CsvWriteOptions.QuoteStyle.ALWAYS) {
            quoting.write(out, options.nullValue(), false, true);
          } else {
            out.write(nullText);
          }
          continue;
        }
        quoting.write(out, format.format(data, index), CsvValueFormat.numeric(data.type()),
            data.type().isString());
      }
      out.write(terminator);
    }
  }
}
