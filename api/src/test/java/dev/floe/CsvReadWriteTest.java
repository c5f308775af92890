package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdInputStream;
import dev.floe.errors.FloeIoException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.io.csv.CsvReadOptions;
import dev.floe.io.csv.CsvWriteOptions;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Floe.readCsv / DataFrame.writeCsv: error texts, compression, atomic writes, formats. */
@LeakChecked
class CsvReadWriteTest {
  @TempDir Path directory;

  private DataFrame sample() {
    return DataFrame.of(
        Series.of("price", 1.5, null, 1e20),
        Series.ofStrings("name", "a,b", "", null),
        Series.ofDates("day", LocalDate.of(2020, 1, 2), null, LocalDate.of(1969, 12, 31)),
        Series.of("at", new DataType.Timestamp(TimeUnit.MILLISECOND, null),
            LocalDateTime.of(2020, 1, 2, 3, 4, 5, 6_000_000), null, null),
        Series.of("clock", new DataType.Time64(TimeUnit.MICROSECOND), LocalTime.of(1, 2, 3), null,
            null),
        Series.of("n", DataType.UINT32, 4_000_000_000L, 0L, null));
  }

  private static final String SAMPLE_CSV = """
      price,name,day,at,clock,n
      1.5,"a,b",2020-01-02,2020-01-02T03:04:05.006,01:02:03.000000000,4000000000
      ,"",,,,0
      1e+20,,1969-12-31,,,
      """;

  @Test
  void writesPolarsFormats() throws IOException {
    Path path = directory.resolve("out.csv");
    try (DataFrame frame = sample()) {
      frame.writeCsv(path);
    }
    assertThat(Files.readString(path)).isEqualTo(SAMPLE_CSV);
  }

  @Test
  void writeOptions() throws IOException {
    Path path = directory.resolve("out.csv");
    try (DataFrame frame = sample()) {
      frame.writeCsv(path, CsvWriteOptions.DEFAULT.withDateFormat("dd/MM/yyyy")
          .withDatetimeFormat("yyyy-MM-dd HH:mm").withTimeFormat("HH:mm").withNullValue("null")
          .withLineTerminator("\r\n").withQuoteChar('\'').withFloatPrecision(1));
    }
    assertThat(Files.readString(path)).isEqualTo(
        "price,name,day,at,clock,n\r\n1.5,'a,b',02/01/2020,2020-01-02 03:04,01:02,4000000000\r\n"
            + "null,'',null,null,null,0\r\n100000000000000000000.0,null,31/12/1969,null,null,null\r\n");
  }

  @Test
  void writesFloat32LikePolars() throws IOException {
    Path path = directory.resolve("f32.csv");
    try (DataFrame frame = DataFrame.of(Series.of("f", DataType.FLOAT32, 1.5e10f, 1e13f, 1.2e13f,
        1e-6f, 1e-7f, 1.234e-7f, 3.4e38f, 1.1f, 16777216f))) {
      frame.writeCsv(path);
      assertThat(Files.readString(path)).isEqualTo(
          "f\n15000000000.0\n1e+13\n1.2e+13\n0.000001\n1e-7\n1.234e-7\n3.4e+38\n1.1\n16777216.0\n");
      frame.writeCsv(path, CsvWriteOptions.DEFAULT.withFloatPrecision(2));
      assertThat(Files.readString(path)).startsWith("f\n15000000512.00\n");
    }
  }

  @Test
  void compressesWithGzipAndZstd() throws IOException {
    Path gzip = directory.resolve("out.csv.gz");
    Path zstd = directory.resolve("out.csv.zst");
    try (DataFrame frame = sample()) {
      frame.writeCsv(gzip, CsvWriteOptions.DEFAULT.withCompression(CsvWriteOptions.Compression.GZIP));
      frame.writeCsv(zstd, CsvWriteOptions.DEFAULT.withCompression(CsvWriteOptions.Compression.ZSTD));
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(SAMPLE_CSV);
    }
    try (InputStream in = new ZstdInputStream(Files.newInputStream(zstd))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(SAMPLE_CSV);
    }
  }

  @Test
  void aFailedWriteLeavesTheTargetAndNoTemporaryFile() throws IOException {
    Path path = directory.resolve("out.csv");
    Files.writeString(path, "old");
    try (DataFrame frame = sample()) {
      assertThatThrownBy(() -> frame.writeCsv(path, CsvWriteOptions.DEFAULT.withDateFormat("HH")))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageStartingWith("could not write " + path);
      assertThatThrownBy(() -> frame.writeCsv(directory.resolve("missing/out.csv")))
          .isInstanceOf(FloeIoException.class);
    }
    assertThat(Files.readString(path)).isEqualTo("old");
    try (var files = Files.list(directory)) {
      assertThat(files).containsExactly(path);
    }
  }

  @Test
  void roundTripsThroughFloe() throws IOException {
    Path path = directory.resolve("out.csv");
    try (DataFrame frame = sample()) {
      frame.writeCsv(path);
      CsvReadOptions options = CsvReadOptions.DEFAULT.withSchemaOverrides(Map.of(
          "at", new DataType.Timestamp(TimeUnit.MILLISECOND, null), "n", DataType.UINT32,
          "day", DataType.DATE32));
      try (DataFrame back = Floe.readCsv(path, options);
          DataFrame left = back.select("price", "name", "day", "at", "n");
          DataFrame right = frame.select("price", "name", "day", "at", "n")) {
        assertThat(left.rows()).isEqualTo(right.rows());
      }
    }
  }

  @Test
  void badInputNamesFileLineColumnAndValue() throws IOException {
    Path path = directory.resolve("data.csv");
    StringBuilder text = new StringBuilder("id,price\n");
    for (int row = 1; row < 1041; row++) {
      text.append(row).append(',').append(row * 0.5).append('\n');
    }
    text.append("1041,abc\n");
    Files.writeString(path, text);
    assertThatThrownBy(() -> Floe.readCsv(path,
            CsvReadOptions.DEFAULT.withSchemaOverrides(Map.of("price", DataType.FLOAT64))))
        .isInstanceOf(FloeIoException.class)
        .hasMessage(path + ":1042: column 'price': cannot parse 'abc' as Float64");
    // inferred from the first 100 rows, the column widens instead of failing late
    try (DataFrame frame = Floe.readCsv(path)) {
      assertThat(frame.dtypes()).containsExactly(DataType.INT64, DataType.UTF8);
    }
  }
}
