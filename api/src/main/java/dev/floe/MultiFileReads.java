package dev.floe;

import dev.floe.io.csv.CsvReadOptions;
import dev.floe.io.files.FileSet;
import dev.floe.io.files.HivePartitions;
import dev.floe.io.files.MultiFileOptions;
import dev.floe.io.ipc.IpcReadOptions;
import dev.floe.io.json.JsonReadOptions;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a glob, directory or list of files with a single-file reader per file and stacks the
 * frames, as Polars' {@code scan_csv/scan_ipc/scan_ndjson(...).collect()}: CSV widens a column's
 * type across files (integers and floats to {@code f64}, anything else to {@code str}) by re-reading
 * with a schema override; NDJSON reads every file with the first file's schema; Arrow IPC requires
 * equal schemas. A row index continues across files and {@code nRows} limits the total (files
 * past the limit are still read with no rows: their types count, as in Polars). Hive partition columns follow the file's columns, the file path column is last.
 */
final class MultiFileReads {
  private MultiFileReads() {}

  static DataFrame csv(FileSet set, CsvReadOptions options, MultiFileOptions multi) {
    List<DataFrame> frames = new ArrayList<>();
    List<CsvReadOptions> perFile = new ArrayList<>();
    try {
      long rows = 0;
      for (Path path : set.files()) {
        CsvReadOptions fileOptions = options;
        if (options.rowIndexName() != null) {
          fileOptions = fileOptions.withRowIndex(options.rowIndexName(), options.rowIndexOffset() + rows);
        }
        if (options.nRows() != null) {
          fileOptions = fileOptions.withNRows(Math.max(0, options.nRows() - rows));
        }
        perFile.add(fileOptions);
        frames.add(CsvFrames.read(path, fileOptions));
        rows += frames.getLast().height();
      }
      FileSchemas.requireSameNames(set.files(), frames);
      Map<String, DataType> widened = widenedTypes(frames);
      for (int index = 0; index < frames.size() && !widened.isEmpty(); index++) {
        if (needsReread(frames.get(index), widened)) {
          CsvReadOptions fileOptions = perFile.get(index);
          Map<String, DataType> overrides = new LinkedHashMap<>(
              fileOptions.schemaOverrides() == null ? Map.of() : fileOptions.schemaOverrides());
          overrides.putAll(widened);
          DataFrame again = CsvFrames.read(set.files().get(index), fileOptions.withSchemaOverrides(overrides));
          frames.set(index, again).close();
        }
      }
    } catch (RuntimeException failure) {
      frames.forEach(DataFrame::close);
      throw failure;
    }
    return assemble(set, frames, multi, false, false);
  }

  static DataFrame ipc(FileSet set, IpcReadOptions options, MultiFileOptions multi) {
    IpcReadOptions unnumbered = options.withRowIndex(null, 0);
    List<DataFrame> frames = readAll(set.files(), path -> IpcFrames.read(path, unnumbered, false));
    return numbered(set, frames, multi, true, true, options.rowIndexName(), options.rowIndexOffset());
  }

  /** {@link #assemble} after numbering the rows across files (before the hive and path columns, as Polars). */
  private static DataFrame numbered(FileSet set, List<DataFrame> frames, MultiFileOptions multi, boolean exact,
      boolean autoHive, String rowIndexName, long rowIndexOffset) {
    if (rowIndexName != null) {
      try {
        FrameRowIndex.numberAcross(frames, rowIndexName, rowIndexOffset);
      } catch (RuntimeException failure) {
        frames.forEach(DataFrame::close);
        throw failure;
      }
    }
    return assemble(set, frames, multi, exact, autoHive);
  }

  static DataFrame ndjson(FileSet set, JsonReadOptions numberedOptions, MultiFileOptions multi) {
    JsonReadOptions options = numberedOptions.withRowIndex(null, 0);
    List<DataFrame> frames = new ArrayList<>();
    try {
      DataFrame first = JsonIo.readNdjson(set.files().getFirst(), options);
      frames.add(first);
      List<Field> fields = new ArrayList<>();
      for (Series series : first.getColumns()) {
        fields.add(new Field(series.name(), series.dtype(), true, Map.of()));
      }
      JsonReadOptions rest = options.withSchema(new Schema(fields));
      long rows = first.height();
      for (Path path : set.files().subList(1, set.files().size())) {
        if (options.nRows() != null && rows >= options.nRows()) {
          break;
        }
        JsonReadOptions fileOptions = options.nRows() == null ? rest : rest.withNRows(options.nRows() - rows);
        frames.add(JsonIo.readNdjson(path, fileOptions));
        rows += frames.getLast().height();
      }
    } catch (RuntimeException failure) {
      frames.forEach(DataFrame::close);
      throw failure;
    }
    return numbered(set, frames, multi, false, false, numberedOptions.rowIndexName(),
        numberedOptions.rowIndexOffset());
  }

  private static List<DataFrame> readAll(List<Path> files, Function<Path, DataFrame> reader) {
    List<DataFrame> frames = new ArrayList<>(files.size());
    try {
      for (Path path : files) {
        frames.add(reader.apply(path));
      }
      return frames;
    } catch (RuntimeException failure) {
      frames.forEach(DataFrame::close);
      throw failure;
    }
  }

  /** Columns whose types differ between files, mapped to their common type. */
  private static Map<String, DataType> widenedTypes(List<DataFrame> frames) {
    Map<String, DataType> out = new HashMap<>();
    DataFrame first = frames.getFirst();
    for (int column = 0; column < first.width(); column++) {
      boolean numeric = true;
      boolean differs = false;
      DataType type = first.getColumns().get(column).dtype();
      for (DataFrame frame : frames) {
        DataType other = frame.getColumns().get(column).dtype();
        differs |= !FileSchemas.sameType(type, other);
        numeric &= other.equals(DataType.INT64) || other.equals(DataType.FLOAT64);
      }
      if (differs) {
        out.put(first.columns().get(column), numeric ? DataType.FLOAT64 : stringType());
      }
    }
    return out;
  }

  private static boolean needsReread(DataFrame frame, Map<String, DataType> widened) {
    for (Map.Entry<String, DataType> entry : widened.entrySet()) {
      if (!FileSchemas.sameType(frame.column(entry.getKey()).dtype(), entry.getValue())) {
        return true;
      }
    }
    return false;
  }

  private static DataType stringType() {
    try (Series probe = Series.ofStrings("s", "s")) {
      return probe.dtype();
    }
  }

  /**
   * Appends the hive and file path columns to each frame, checks and stacks; closes the frames.
   * Polars has hive partitioning for Arrow IPC only ({@code autoHive}): for CSV and NDJSON,
   * {@link MultiFileOptions.Hive#AUTO} means off and {@link MultiFileOptions.Hive#TRUE} is a Floe
   * extension.
   */
  private static DataFrame assemble(FileSet set, List<DataFrame> frames, MultiFileOptions multi, boolean exact,
      boolean autoHive) {
    try {
      if (exact) {
        FileSchemas.requireSameTypes(set.files(), frames);
      }
      HivePartitions hive = multi.hiveEnabled(autoHive && set.directory())
          ? HivePartitions.of(set.files()) : new HivePartitions(List.of(), List.of(), List.of());
      for (int index = 0; index < frames.size(); index++) {
        DataFrame frame = frames.get(index);
        List<Series> extra = extraColumns(set, hive, multi.includeFilePaths(), index, frame.height());
        if (!extra.isEmpty()) {
          frames.set(index, frame.hstack(extra.toArray(Series[]::new))).close();
        }
      }
      return frames.size() == 1 ? frames.getFirst().clone() : Floe.concat(frames);
    } finally {
      frames.forEach(DataFrame::close);
    }
  }

  /** The hive partition columns and the file path column of file {@code index}, {@code height} rows. */
  private static List<Series> extraColumns(FileSet set, HivePartitions hive, String pathColumn, int index,
      long height) {
    List<Series> extra = new ArrayList<>();
    int rows = Math.toIntExact(height);
    try {
      for (int key = 0; key < hive.names().size(); key++) {
        DataType type = hive.types().get(key) == null ? stringType() : hive.types().get(key);
        Object value = hive.values().get(index).get(key);
        extra.add(Series.ofList(hive.names().get(key), type, Collections.nCopies(rows, value)));
      }
      if (pathColumn != null) {
        extra.add(Series.ofList(pathColumn, stringType(), Collections.nCopies(rows, set.files().get(index).toString())));
      }
      return extra;
    } catch (RuntimeException failure) {
      extra.forEach(Series::close);
      throw failure;
    }
  }

  /**
   * The hive partitions of a Parquet or Arrow IPC read of {@code set} (on for directories, as {@link #parquet});
   * none when off.
   */
  static HivePartitions directoryHive(FileSet set, MultiFileOptions multi) {
    return multi.hiveEnabled(set.directory()) ? HivePartitions.of(set.files())
        : new HivePartitions(List.of(), List.of(), List.of());
  }

  /**
   * {@code frame}, rows of file {@code index} of {@code set}, with the hive partition and file path
   * columns appended as a whole read appends them (a new frame, or {@code frame} itself cloned when
   * there are none; the caller closes both).
   */
  static DataFrame withFileColumns(FileSet set, HivePartitions hive, MultiFileOptions multi, int index,
      DataFrame frame) {
    List<Series> extra = extraColumns(set, hive, multi.includeFilePaths(), index, frame.height());
    if (extra.isEmpty()) {
      return frame.clone();
    }
    return frame.hstack(extra.toArray(Series[]::new)); // takes the series
  }

  // ---- Parquet (read side) ----

  /**
   * Stacks frames already read from Parquet files (row index and nRows continued by the caller):
   * equal schemas required and hive partitions on for directories, as for Arrow IPC and as Polars'
   * {@code read_parquet(glob)}.
   */
  static DataFrame parquet(FileSet set, List<DataFrame> frames, MultiFileOptions multi) {
    return assemble(set, frames, multi, true, true);
  }
}
