package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import dev.floe.io.parquet.ParquetCompression;
import dev.floe.io.parquet.ParquetWriteOptions;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parquet files written by Floe, read back by pyarrow 25 and polars 1.44.2
 * (src/test/python/parquet_write_interop.py): pyarrow makes a frame of every Floe type with nulls
 * in three chunks; Floe writes it as Parquet with each codec, dictionaries and statistics on and
 * off and several row-group sizes, and as an Arrow IPC file; both Python libraries read the Parquet
 * file and must find exactly the IPC file's data. The file layout (row groups, codecs, statistics,
 * pages from the page headers) must follow the options.
 */
@LeakChecked
class ParquetWriteInteropTest {
  static final Path SCRIPT = Path.of("src/test/python/parquet_write_interop.py").toAbsolutePath();

  @TempDir static Path directory;

  @BeforeAll
  static void writeSources() throws Exception {
    python("source", directory.toString());
  }

  static String python(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(PolarsPython.executable(), SCRIPT.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("python " + command + " failed:\n" + output);
    }
    return output.strip();
  }

  static Map<String, String> summary(Path parquet) throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : python("summary", parquet.toString()).split("\n")) {
      int equals = line.indexOf('=');
      values.put(line.substring(0, equals), line.substring(equals + 1));
    }
    return values;
  }

  /** Writes {@code frame} as Parquet and IPC; asserts pyarrow and polars read the same data back. */
  static Path writeAndCheck(DataFrame frame, String name, ParquetWriteOptions options) throws Exception {
    Path parquet = directory.resolve(name + ".parquet");
    Path arrow = directory.resolve(name + ".arrow");
    frame.writeParquet(parquet, options);
    frame.writeIpc(arrow);
    assertThat(python("check", parquet.toString(), arrow.toString())).isEqualTo("EQUAL");
    // and Floe's own reader gets the frame back (string layouts may differ: Utf8 is its default;
    // times are left out: the source has times beyond 24:00, which read back as null as in Polars)
    List<String> comparable = new ArrayList<>();
    for (dev.floe.memory.types.Field field : frame.schema().fields()) {
      if (!(field.type() instanceof dev.floe.memory.types.DataType.Time64)) {
        comparable.add(field.name());
      }
    }
    try (DataFrame back = Floe.readParquet(parquet);
        DataFrame actual = back.select(comparable.toArray(String[]::new));
        DataFrame expected = frame.select(comparable.toArray(String[]::new))) {
      dev.floe.testing.FrameAssertions.assertFrameEqual(actual, expected,
          dev.floe.testing.AssertFrameOptions.DEFAULTS.withCheckDtypes(false));
    }
    return parquet;
  }

  @ParameterizedTest(name = "{0} level={1} dictionary={2} statistics={3} rowGroup={4}")
  @CsvSource({
    "ZSTD, , true, true, 262144",
    "ZSTD, 19, false, true, 7",
    "SNAPPY, , true, false, 10",
    "GZIP, 9, true, true, 30",
    "GZIP, 0, false, false, 1",
    "LZ4_RAW, , true, true, 16",
    "UNCOMPRESSED, , false, true, 13",
    "BROTLI, 5, true, true, 11"
  })
  void pyarrowAndPolarsReadEveryType(ParquetCompression codec, Integer level, boolean dictionary,
      boolean statistics, int rowGroupSize) throws Exception {
    assumeTrue(codec != ParquetCompression.BROTLI || Brotli4jLoader.isAvailable(), "brotli4j's native library");
    ParquetWriteOptions options = ParquetWriteOptions.DEFAULT.withCompression(codec).withCompressionLevel(level)
        .withDictionary(dictionary).withStatistics(statistics).withRowGroupSize(rowGroupSize);
    Path parquet;
    try (DataFrame frame = Floe.readIpc(directory.resolve("src.arrow"))) {
      assertThat(frame.column("i64").chunks()).hasSize(3);
      parquet = writeAndCheck(frame, "all_" + codec + "_" + dictionary + "_" + statistics + "_" + rowGroupSize,
          options);
    }
    Map<String, String> layout = summary(parquet);
    assertThat(layout).containsEntry("rows", "30")
        .containsEntry("row_groups", "" + (30 + rowGroupSize - 1) / rowGroupSize)
        .containsEntry("codecs", codec == ParquetCompression.LZ4_RAW ? "LZ4" : codec.name()) // pyarrow's name
        .containsEntry("arrow_schema", "true")
        .containsEntry("statistics", "" + statistics)
        .containsEntry("i64.row_group_rows", rowGroups(30, rowGroupSize));
    // 4 distinct values: dictionary-encoded when enabled (30 distinct strings in "utf8" are not
    // worth a dictionary, and parquet-mr falls back to plain after the first page)
    assertThat(layout.get("dict.page_encodings")).isEqualTo(dictionary ? "RLE_DICTIONARY" : "PLAIN");
    assertThat(layout.get("dict.dictionary_pages")).isEqualTo(dictionary ? layout.get("row_groups") : "0");
    assertThat(layout.get("bool.page_encodings")).isEqualTo("PLAIN");
  }

  private static String rowGroups(int rows, int size) {
    List<String> counts = new ArrayList<>();
    for (int start = 0; start < rows; start += size) {
      counts.add("" + Math.min(size, rows - start));
    }
    return String.join(",", counts);
  }

  @ParameterizedTest(name = "{0} dictionary={1} rowGroup={2}")
  @CsvSource({"ZSTD, true, 100", "SNAPPY, false, 5", "UNCOMPRESSED, true, 1"})
  void nullTypeDecimalsAndDeepNesting(ParquetCompression codec, boolean dictionary, int rowGroupSize)
      throws Exception {
    ParquetWriteOptions options = ParquetWriteOptions.DEFAULT.withCompression(codec).withDictionary(dictionary)
        .withRowGroupSize(rowGroupSize);
    Path parquet;
    try (DataFrame frame = Floe.readIpc(directory.resolve("extra.arrow"))) {
      parquet = writeAndCheck(frame, "extra_" + codec + "_" + dictionary + "_" + rowGroupSize, options);
      try (DataFrame slice = frame.slice(7, 13)) {
        writeAndCheck(slice, "extra_slice_" + codec, options);
      }
    }
    String schema = summary(parquet).get("schema");
    assertThat(schema).contains("optional int32 field_id=-1 nothing (Null)")
        .contains("optional int32 field_id=-1 dec_small (Decimal(precision=5, scale=2))")
        .contains("optional fixed_len_byte_array(16) field_id=-1 dec_wide (Decimal(precision=38, scale=10))")
        .contains("optional int64 field_id=-1 u64_edges (Int(bitWidth=64, isSigned=false))");
  }

  @Test
  void columnsWithDifferentChunkBoundaries() throws Exception {
    try (DataFrame frame = Floe.readIpc(directory.resolve("src.arrow"));
        Series utf8 = frame.column("utf8").rechunk();
        Series nestedSlice = frame.column("nested").slice(0, 30);
        Series nested = nestedSlice.rechunk();
        DataFrame mixed = frame.hstack(utf8.rename("utf8_one_chunk"), nested.rename("nested_one_chunk"))) {
      assertThat(mixed.column("utf8_one_chunk").chunks()).hasSize(1);
      assertThat(mixed.column("utf8").chunks()).hasSize(3);
      Path parquet = writeAndCheck(mixed, "mixed_chunks", ParquetWriteOptions.DEFAULT.withRowGroupSize(12));
      assertThat(summary(parquet)).containsEntry("row_groups", "3").containsEntry("utf8_one_chunk.row_group_rows",
          "12,12,6");
    }
  }

  @ParameterizedTest(name = "rows {0}+{1}")
  @CsvSource({"5, 20", "11, 19", "0, 0", "29, 1"})
  void slicedFramesWriteTheirOwnRows(int offset, int length) throws Exception {
    try (DataFrame frame = Floe.readIpc(directory.resolve("src.arrow"));
        DataFrame slice = frame.slice(offset, length)) {
      Path parquet = writeAndCheck(slice, "slice_" + offset + "_" + length,
          ParquetWriteOptions.DEFAULT.withRowGroupSize(6));
      assertThat(summary(parquet)).containsEntry("rows", "" + length);
    }
  }

  @Test
  void pagesFollowTheDataPageSize() throws Exception {
    ParquetWriteOptions small = ParquetWriteOptions.DEFAULT.withCompression(ParquetCompression.UNCOMPRESSED)
        .withDictionary(false).withDataPageSize(16 * 1024);
    Map<String, String> smallPages;
    Map<String, String> defaultPages;
    try (DataFrame big = Floe.readIpc(directory.resolve("big.arrow"))) {
      smallPages = summary(writeAndCheck(big, "big_small_pages", small));
      defaultPages = summary(writeAndCheck(big, "big_default", ParquetWriteOptions.DEFAULT));
    }
    // 200,000 doubles are 1.6 MB of plain values: ~98 pages of 16 KiB, each at most one block
    // (256 rows, 2 KiB of doubles) over the size
    int pages = Integer.parseInt(smallPages.get("d.data_pages"));
    assertThat(pages).isBetween(85, 100);
    assertThat(Integer.parseInt(smallPages.get("d.max_page"))).isBetween(15 * 1024, 16 * 1024 + 256 * 8 + 64);
    assertThat(Integer.parseInt(smallPages.get("d.min_page"))).isGreaterThan(12 * 1024);
    assertThat(Integer.parseInt(defaultPages.get("d.data_pages"))).isBetween(1, 3);
    assertThat(Integer.parseInt(defaultPages.get("d.max_page"))).isLessThanOrEqualTo(1024 * 1024 + 4096 * 8 + 64);
    assertThat(defaultPages).containsEntry("row_groups", "1").containsEntry("codecs", "ZSTD");
  }

  @Test
  void dictionaryFallsBackToPlainWhenItOutgrowsItsPage() throws Exception {
    Map<String, String> layout;
    try (DataFrame big = Floe.readIpc(directory.resolve("big.arrow"))) {
      layout = summary(writeAndCheck(big, "big_dictionary", ParquetWriteOptions.DEFAULT));
    }
    // 50 distinct values stay dictionary-encoded; 100,000 distinct ones (each twice, ~4 MB) overflow
    // the 1 MiB dictionary page, and parquet-mr falls back to plain encoding for the rest of the chunk
    assertThat(layout.get("s.page_encodings")).isEqualTo("RLE_DICTIONARY");
    assertThat(layout.get("s.dictionary_pages")).isEqualTo("1");
    assertThat(layout.get("u.page_encodings")).isEqualTo("PLAIN,RLE_DICTIONARY");
    assertThat(layout.get("u.dictionary_pages")).isEqualTo("1");
    assertThat(Integer.parseInt(layout.get("u.data_pages"))).isGreaterThan(3);
  }
}
