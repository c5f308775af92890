package dev.floe.io.json;

import dev.floe.errors.FloeIoException;
import dev.floe.io.AtomicFileWrite;
import dev.floe.io.IoProgress;
import dev.floe.io.ProgressOutputStream;
import dev.floe.io.ProgressReporter;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a batch as Polars' {@code write_json} (one array of row objects, no line break) or
 * {@code write_ndjson} (one object per line, each ending with a line break). Atomic: the bytes go to
 * a temporary file in the target directory that is renamed over the target on success and deleted
 * on failure, so a failed write never leaves a half-written file.
 */
public final class JsonWriter {
  private JsonWriter() {}

  /** Writes {@code batch} as a JSON array of objects. */
  public static void writeJson(RecordBatch batch, Path path) {
    write(batch, path, false);
  }

  /** Writes {@code batch} as newline-delimited JSON. */
  public static void writeNdjson(RecordBatch batch, Path path) {
    write(batch, path, true, JsonWriteOptions.DEFAULT);
  }

  /**
   * Writes {@code batch} as newline-delimited JSON, compressed as the options say.
   *
   * @throws InvalidOperationException for a file name that does not match the compression
   *     while {@code checkExtension} is set (the messages are Polars')
   */
  public static void writeNdjson(RecordBatch batch, Path path, JsonWriteOptions options) {
    write(batch, path, true, options);
  }

  private static void write(RecordBatch batch, Path path, boolean ndjson) {
    write(batch, path, ndjson, JsonWriteOptions.DEFAULT);
  }

  private static void checkOptions(Path path, JsonWriteOptions options) {
    String suffix = switch (options.compression()) {
      case GZIP -> ".gz";
      case ZSTD -> ".zst";
      case UNCOMPRESSED -> null;
    };
    String name = path.getFileName().toString();
    if (options.checkExtension() && suffix != null && !name.endsWith(suffix)) {
      throw new InvalidOperationException("the path (" + path + ") does not conform to standard"
          + " naming, expected suffix: (" + suffix + "), set `checkExtension` to false if you don't"
          + " want this behavior");
    }
    if (options.checkExtension() && suffix == null && (name.endsWith(".gz") || name.endsWith(".zst"))) {
      throw new InvalidOperationException("use the compression option to control compression, or"
          + " set `checkExtension` to false if you want to suffix an uncompressed filename with an"
          + " ending intended for compression");
    }
  }

  private static void write(RecordBatch batch, Path path, boolean ndjson, JsonWriteOptions options) {
    checkOptions(path, options);
    ProgressReporter progress = IoProgress.reporter(ndjson ? "write ndjson" : "write json", path, -1);
    try {
      AtomicFileWrite.write(path, temporary -> {
        try (OutputStream stream = compressed(
            new ProgressOutputStream(Files.newOutputStream(temporary), progress), options)) {
          ByteSink out = new ByteSink(stream);
          rows(batch, out, ndjson);
          out.flush();
        }
        progress.advance(0, batch.rowCount());
        progress.finish(); // a listener that throws here cancels: nothing is renamed
      });
    } catch (IOException | UncheckedIOException failure) {
      throw new FloeIoException("cannot write " + path + ": " + failure.getMessage(), failure);
    } finally {
      progress.finish();
    }
  }

  private static OutputStream compressed(OutputStream file, JsonWriteOptions options)
      throws IOException {
    if (options.compression() == JsonWriteOptions.Compression.UNCOMPRESSED) {
      return file;
    }
    if (options.compression() == JsonWriteOptions.Compression.ZSTD) {
      int level = options.compressionLevel() == null || options.compressionLevel() == 0
          ? 3 : options.compressionLevel();
      return new java.io.BufferedOutputStream(new com.github.luben.zstd.ZstdOutputStream(file, level), 1 << 16);
    }
    int level = options.compressionLevel() == null ? 6 : options.compressionLevel();
    return new java.util.zip.GZIPOutputStream(file, 1 << 16) {
      {
        def.setLevel(level);
      }
    };
  }

  private static void rows(RecordBatch batch, ByteSink out, boolean ndjson) {
    JsonValueWriter writer = new JsonValueWriter(out);
    List<Column> columns = batch.columns();
    List<String> names = batch.schema().names();
    if (!ndjson) {
      out.put('[');
    }
    for (int row = 0; row < batch.rowCount(); row++) {
      if (!ndjson && row > 0) {
        out.put(',');
      }
      out.put('{');
      for (int k = 0; k < columns.size(); k++) {
        if (k > 0) {
          out.put(',');
        }
        writer.key(names.get(k));
        writer.value(columns.get(k), row);
      }
      out.put('}');
      if (ndjson) {
        out.put('\n');
      }
    }
    if (!ndjson) {
      out.put(']');
    }
  }
}
