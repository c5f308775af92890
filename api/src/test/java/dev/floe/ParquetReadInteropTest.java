package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.io.parquet.ParquetReadOptions;
import dev.floe.io.parquet.ParquetReader;
import dev.floe.io.parquet.ParquetTable;
import dev.floe.io.parquet.RowGroupFilter;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parquet reading compared with Polars 1.44 (src/test/python/parquet_read_interop.py): pyarrow 25
 * and polars write files with every type, codec, dictionary on/off, data page V1/V2 and the DELTA
 * and BYTE_STREAM_SPLIT encodings; polars reads each and writes what it read as Arrow IPC. Floe's
 * {@code readParquet} must give the same names, types (as Polars prints them) and values (canonical
 * text of {@link IpcCanonical}) as Floe's {@code readIpc} of polars' result.
 */
@LeakChecked
class ParquetReadInteropTest {
  private static final Path SCRIPT = Path.of("src/test/python/parquet_read_interop.py").toAbsolutePath();

  @TempDir static Path directory;

  @BeforeAll
  static void writeWithPyarrowAndPolars() throws Exception {
    List<String> command = List.of(PolarsPython.executable(), SCRIPT.toString(), "write", directory.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("python " + command + " failed:\n" + output);
    }
  }

  static Stream<Arguments> mainCases() throws IOException {
    return cases("main");
  }

  /**
   * BYTE_STREAM_SPLIT and DELTA_*: their decoders (dev.floe.io.parquet.decode) come from a parallel
   * branch; until it is merged they throw UnsupportedOperationException, and
   * {@link #readsDeltaAndByteStreamSplitLikePolars} is reported as skipped (an assumption, visible in
   * the test report), never passed.
   */
  static Stream<Arguments> deltaCases() throws IOException {
    return cases("delta");
  }

  private static Stream<Arguments> cases(String group) throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String line : Files.readAllLines(directory.resolve("cases.tsv"), StandardCharsets.UTF_8)) {
      String[] parts = line.split("\t");
      if (parts.length == 3 && parts[1].equals(group)) {
        out.add(Arguments.of(parts[0], Integer.parseInt(parts[2])));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mainCases")
  void readsLikePolars(String name, int rowGroups) {
    compare(name, rowGroups, ParquetReadOptions.DEFAULT, name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deltaCases")
  void readsDeltaAndByteStreamSplitLikePolars(String name, int rowGroups) {
    org.junit.jupiter.api.Assumptions.assumeTrue(decodersMerged(),
        "DELTA_*/BYTE_STREAM_SPLIT decoders not merged yet (they throw UnsupportedOperationException)");
    compare(name, rowGroups, ParquetReadOptions.DEFAULT, name);
  }

  private static boolean decodersMerged() {
    try {
      dev.floe.io.parquet.decode.ByteStreamSplit.decode(java.lang.foreign.MemorySegment.ofArray(new byte[0]), 0, 0,
          0, 4, java.lang.foreign.MemorySegment.ofArray(new byte[0]), 0, "probe");
      return true;
    } catch (UnsupportedOperationException missing) {
      return false;
    } catch (RuntimeException other) {
      return true;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ParquetReadOptions.Parallel.class)
  void everyParallelModeReadsTheSame(ParquetReadOptions.Parallel parallel) {
    compare("pa_snappy_dict_v2", 5, ParquetReadOptions.DEFAULT.withParallel(parallel), "pa_snappy_dict_v2");
  }

  @Test
  void projectsColumnsInTheRequestedOrder() {
    compare("pa_zstd_dict_v1", -1, ParquetReadOptions.DEFAULT.withColumns("utf8", "i8", "list"), "opt_columns");
  }

  @Test
  void stopsAfterNRows() {
    compare("pa_zstd_dict_v1", 3, ParquetReadOptions.DEFAULT.withNRows(17L), "opt_n_rows");
  }

  @Test
  void addsARowIndex() {
    compare("pa_zstd_dict_v1", 2,
        ParquetReadOptions.DEFAULT.withRowIndex("idx", 5).withNRows(9L), "opt_row_index");
  }

  @Test
  void readsZeroRows() {
    compare("pa_zstd_dict_v1", 0, ParquetReadOptions.DEFAULT.withNRows(0L).withColumns("i64"), "opt_zero_rows");
  }

  @Test
  void aProjectedScanReadsOnlyItsColumnChunks() {
    Path file = directory.resolve("wide16.parquet");
    try (ParquetTable table = ParquetReader.read(file, ParquetReadOptions.DEFAULT.withColumns("c03", "c11"),
        RowGroupFilter.ALL, BufferAllocator.current())) {
      assertThat(table.statistics().rowGroupsTotal()).isEqualTo(4);
      assertThat(table.statistics().rowGroupsRead()).isEqualTo(4);
      assertThat(table.statistics().fileSize()).isEqualTo(file.toFile().length());
      assertThat(table.statistics().fractionRead()).isLessThan(0.25).isGreaterThan(0.0);
      assertThat(table.rowCount()).isEqualTo(20000);
    }
    compareFrames(Floe.readParquet(file, ParquetReadOptions.DEFAULT.withColumns("c03", "c11")),
        Floe.readIpc(directory.resolve("wide16_proj.arrow")), 4);
  }

  @Test
  void readsADirectoryWithHivePartitions() {
    compareFrames(Floe.readParquet(directory.resolve("hive").toString()),
        Floe.readIpc(directory.resolve("multi_dir.arrow")), -1);
  }

  @Test
  void continuesTheRowIndexAndRowLimitAcrossGlobbedFiles() {
    compareFrames(Floe.readParquet(directory.resolve("hive") + "/*/*.parquet",
        ParquetReadOptions.DEFAULT.withRowIndex("r", 3).withNRows(20L), dev.floe.io.files.MultiFileOptions.DEFAULT),
        Floe.readIpc(directory.resolve("multi_glob.arrow")), -1);
  }

  @Test
  void readsTheSchemaFromTheFooter() {
    try (DataFrame expected = Floe.readParquet(directory.resolve("pa_none_plain_v1.parquet"))) {
      assertThat(Floe.readParquetSchema(directory.resolve("pa_none_plain_v1.parquet"))).isEqualTo(expected.schema());
    }
  }

  private static void compare(String file, int rowGroups, ParquetReadOptions options, String reference) {
    compareFrames(Floe.readParquet(directory.resolve(file + ".parquet"), options),
        Floe.readIpc(directory.resolve(reference + ".arrow")), rowGroups);
  }

  private static void compareFrames(DataFrame parquet, DataFrame polars, int rowGroups) {
    try (DataFrame actual = parquet; DataFrame expected = polars) {
      assertThat(actual.columns()).containsExactlyElementsOf(expected.columns());
      assertThat(types(actual)).containsExactlyElementsOf(types(expected));
      assertThat(actual.height()).isEqualTo(expected.height());
      if (rowGroups >= 0 && actual.width() > 0) {
        assertThat(actual.getColumns().getFirst().chunks()).hasSize(rowGroups);
      }
      assertThat(canonical(actual)).containsExactlyElementsOf(canonical(expected));
    }
  }

  private static List<String> types(DataFrame frame) {
    List<String> out = new ArrayList<>();
    for (Series series : frame.getColumns()) {
      out.add(series.name() + ": " + series.dtype());
    }
    return out;
  }

  static List<String> canonical(DataFrame frame) {
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
}
