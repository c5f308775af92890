package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeException;
import dev.floe.io.csv.CsvReadOptions;
import dev.floe.io.files.MultiFileOptions;
import dev.floe.io.files.MultiFileOptions.Hive;
import dev.floe.io.ipc.IpcReadOptions;
import dev.floe.io.json.JsonReadOptions;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-file reads against Polars 1.44 (src/test/resources/files/multi_file.py): the script
 * writes trees of CSV, Arrow IPC and NDJSON files (hive partition directories with integer, float,
 * boolean, date, datetime (naive and UTC), URL-escaped and default-partition values, nulls, widening and conflicting schemas), reads
 * each case with {@code scan_csv}/{@code scan_ipc}/{@code read_ndjson} (globs, directories, lists,
 * {@code hive_partitioning}, {@code include_file_paths}, a row index and {@code n_rows} across
 * files) and dumps the frame or the error; Floe
 * must read the same frame or throw the named {@link FloeException}.
 */
@LeakChecked
class MultiFileDifferentialTest {
  @TempDir Path directory;

  private record Case(String name, String format, String source, Hive hive, String paths, String error,
      String rowIndex, long offset, Long nRows) {}

  @Test
  void floeReadsWhatPolarsReadsFromManyFiles() throws Exception {
    runPython();
    List<Case> cases = new ArrayList<>();
    for (String line : Files.readAllLines(directory.resolve("cases.tsv"), StandardCharsets.UTF_8)) {
      String[] parts = line.split("\t", -1);
      Hive hive = switch (parts[3]) {
        case "True" -> Hive.TRUE;
        case "False" -> Hive.FALSE;
        default -> Hive.AUTO;
      };
      cases.add(new Case(parts[0], parts[1], parts[2], hive, parts[4].isEmpty() ? null : parts[4], parts[5],
          parts[6].isEmpty() ? null : parts[6], Long.parseLong(parts[7]),
          parts[8].isEmpty() ? null : Long.parseLong(parts[8])));
    }
    int frames = 0;
    int errors = 0;
    for (Case c : cases) {
      List<String> expected = Files.readAllLines(directory.resolve("out").resolve(c.name() + ".txt"));
      MultiFileOptions multi = MultiFileOptions.DEFAULT.withHivePartitioning(c.hive()).withIncludeFilePaths(c.paths());
      if (!c.error().isEmpty()) {
        assertThat(expected.getFirst()).as(c.name()).startsWith("E\t");
        Class<?> type = Class.forName("dev.floe.errors." + c.error());
        assertThatThrownBy(() -> read(c, multi).close()).as(c.name()).isInstanceOf(type);
        errors++;
        continue;
      }
      try (DataFrame frame = read(c, multi)) {
        assertThat(CsvDump.dump(frame)).as(c.name()).isEqualTo(expected);
      }
      frames++;
    }
    assertThat(frames).isEqualTo(24);
    assertThat(errors).isEqualTo(7);
  }

  private static DataFrame read(Case c, MultiFileOptions multi) {
    boolean list = c.source().contains("|");
    List<Path> paths = Arrays.stream(c.source().split("\\|")).map(Path::of).toList();
    CsvReadOptions csv = CsvReadOptions.DEFAULT.withNRows(c.nRows());
    if (c.rowIndex() != null) {
      csv = csv.withRowIndex(c.rowIndex(), c.offset());
    }
    JsonReadOptions json = JsonReadOptions.DEFAULT.withNRows(c.nRows());
    IpcReadOptions ipc = IpcReadOptions.DEFAULT;
    if (c.rowIndex() != null) {
      json = json.withRowIndex(c.rowIndex(), c.offset());
      ipc = ipc.withRowIndex(c.rowIndex(), c.offset());
    }
    return switch (c.format()) {
      case "csv" -> list ? Floe.readCsv(paths, csv, multi) : Floe.readCsv(c.source(), csv, multi);
      case "ipc" -> list ? Floe.readIpc(paths, ipc, multi) : Floe.readIpc(c.source(), ipc, multi);
      default -> list ? Floe.readNdjson(paths, json, multi) : Floe.readNdjson(c.source(), json, multi);
    };
  }

  private void runPython() throws IOException, InterruptedException {
    Path script = directory.resolve("multi_file.py");
    try (InputStream source = MultiFileDifferentialTest.class.getResourceAsStream("/files/multi_file.py")) {
      Files.write(script, source.readAllBytes());
    }
    Process process = new ProcessBuilder(PolarsPython.executable(), script.toString(), directory.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("multi_file.py failed:\n" + output);
    }
  }
}
