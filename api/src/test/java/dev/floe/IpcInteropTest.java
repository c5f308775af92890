package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.io.ipc.IpcCompression;
import dev.floe.io.ipc.IpcReadOptions;
import dev.floe.io.ipc.IpcWriteOptions;
import dev.floe.memory.column.Column;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Arrow IPC interop with pyarrow 25 (src/test/python/ipc_interop.py): pyarrow writes every type
 * Floe supports (nulls, three record batches) as files and streams, uncompressed, lz4 and zstd;
 * Floe reads them and compares each value with what pyarrow reports. Then Floe writes them back
 * (sliced, in small record batches, with each compression) and pyarrow compares what it reads with
 * its own table.
 */
@LeakChecked
class IpcInteropTest {
  private static final Path SCRIPT = Path.of("src/test/python/ipc_interop.py").toAbsolutePath();

  @TempDir static Path directory;

  private static List<String> expected;

  @BeforeAll
  static void writeWithPyarrow() throws Exception {
    python("write", directory.toString());
    expected = Files.readAllLines(directory.resolve("expected.tsv"), StandardCharsets.UTF_8);
  }

  static String python(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(PolarsPython.executable(), SCRIPT.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("python " + command + " failed:\n" + output);
    }
    return output.strip();
  }

  private static List<String> canonical(DataFrame frame) {
    List<String> lines = new ArrayList<>();
    for (Series series : frame.getColumns()) {
      long row = 0;
      for (Column chunk : series.chunks()) {
        for (int index = 0; index < chunk.length(); index++) {
          lines.add(series.name() + "\t" + row++ + "\t" + IpcCanonical.of(chunk, index));
        }
      }
    }
    return lines;
  }

  @ParameterizedTest(name = "{0} {1} memoryMap={2}")
  @CsvSource({
    "file, none, true", "file, lz4, true", "file, zstd, true",
    "stream, none, true", "stream, lz4, true", "stream, zstd, true",
    "file, none, false", "stream, zstd, false", "stream, legacy, true"
  })
  void readsWhatPyarrowWrote(String kind, String codec, boolean memoryMap) {
    Path path = directory.resolve("src_" + kind + "_" + codec + ".arrow");
    IpcReadOptions options = IpcReadOptions.DEFAULT.withMemoryMap(memoryMap);
    try (DataFrame frame = kind.equals("file") ? Floe.readIpc(path, options) : Floe.readIpcStream(path, options)) {
      assertThat(frame.height()).isEqualTo(30);
      assertThat(frame.column("i64").chunks()).hasSize(3);
      assertThat(canonical(frame)).containsExactlyElementsOf(expected);
    }
  }

  @ParameterizedTest(name = "{0} {1} rows {2}+{3} batch {4}")
  @CsvSource({
    "file, NONE, 0, 30, 1048576", "file, LZ4, 0, 30, 7", "file, ZSTD, 0, 30, 7",
    "stream, NONE, 0, 30, 1048576", "stream, LZ4, 5, 20, 4", "stream, ZSTD, 3, 17, 5",
    "file, NONE, 3, 17, 4", "file, NONE, 11, 0, 4"
  })
  void pyarrowReadsWhatFloeWrote(String kind, IpcCompression codec, int offset, int length, int batchSize)
      throws Exception {
    Path source = directory.resolve("src_file_none.arrow");
    Path target = directory.resolve("floe_" + kind + "_" + codec + "_" + offset + "_" + batchSize + ".arrow");
    IpcWriteOptions options = IpcWriteOptions.DEFAULT.withCompression(codec).withRecordBatchSize(batchSize);
    try (DataFrame frame = Floe.readIpc(source); DataFrame slice = frame.slice(offset, length)) {
      if (kind.equals("file")) {
        slice.writeIpc(target, options);
      } else {
        slice.writeIpcStream(target, options);
      }
    }
    assertThat(python("check", target.toString(), kind, source.toString(), "" + offset, "" + length))
        .isEqualTo("EQUAL");
    try (DataFrame back = kind.equals("file") ? Floe.readIpc(target) : Floe.readIpcStream(target)) {
      assertThat(canonical(back)).hasSize(length * 37);
    }
  }

  @org.junit.jupiter.api.Test
  void readsAnEmptyFileFromPyarrow() {
    try (DataFrame frame = Floe.readIpc(directory.resolve("src_file_empty.arrow"))) {
      assertThat(frame.height()).isZero();
      assertThat(frame.width()).isEqualTo(37);
      assertThat(frame.schema().field("ts_ns_berlin").type().toString()).isEqualTo("datetime[ns, Europe/Berlin]");
    }
  }
}
