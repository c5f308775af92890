package dev.floe.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Number and temporal formats (checked against Polars 1.44.2's output) and atomic writes. */
@LeakChecked
class JsonWriterTest {
  @TempDir Path directory;

  private static String f64(double value) {
    return NumberFormat.layout(Double.toString(value), 16, -5);
  }

  @Test
  void formatsDoublesAsPolars() {
    assertThat(f64(0.1)).isEqualTo("0.1");
    assertThat(f64(1e-7)).isEqualTo("1e-7");
    assertThat(f64(1.2345e-5)).isEqualTo("0.000012345");
    assertThat(f64(1e-6)).isEqualTo("1e-6");
    assertThat(f64(1e-5)).isEqualTo("0.00001");
    assertThat(f64(123456789012345680000.0)).isEqualTo("1.2345678901234568e+20");
    assertThat(f64(1e15)).isEqualTo("1000000000000000.0");
    assertThat(f64(1e16)).isEqualTo("1e+16");
    assertThat(f64(1.5e300)).isEqualTo("1.5e+300");
    assertThat(f64(100.0)).isEqualTo("100.0");
    assertThat(f64(-1.0)).isEqualTo("-1.0");
    assertThat(f64(-0.0)).isEqualTo("-0.0");
    assertThat(f64(12345.678)).isEqualTo("12345.678");
    assertThat(f64(9007199254740992.0)).isEqualTo("9007199254740992.0");
    assertThat(f64(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
  }

  @Test
  void formatsFloatsAsPolars() {
    assertThat(NumberFormat.layout(Float.toString(1e13f), 13, -6)).isEqualTo("1e+13");
    assertThat(NumberFormat.layout(Float.toString(1e10f), 13, -6)).isEqualTo("10000000000.0");
    assertThat(NumberFormat.layout(Float.toString(1e-6f), 13, -6)).isEqualTo("0.000001");
    assertThat(NumberFormat.layout(Float.toString(1e-7f), 13, -6)).isEqualTo("1e-7");
    assertThat(NumberFormat.layout(Float.toString(3.4e38f), 13, -6)).isEqualTo("3.4e+38");
  }

  @Test
  void formatsTemporalValuesAsPolars() {
    assertThat(TemporalText.duration(-5, TimeUnit.MICROSECOND)).isEqualTo("-PT0.000005S");
    assertThat(TemporalText.duration(90_061_000_005L, TimeUnit.MICROSECOND)).isEqualTo("PT90061.000005S");
    assertThat(TemporalText.duration(-86_395_000L, TimeUnit.MILLISECOND)).isEqualTo("-PT86395S");
    assertThat(TemporalText.duration(832_251_934_940L, TimeUnit.MICROSECOND)).isEqualTo("PT832251.93494S");
    assertThat(TemporalText.time(3_723_000_004_000L, TimeUnit.NANOSECOND)).isEqualTo("01:02:03.000004");
    assertThat(TemporalText.timestamp(1_577_934_245_120L,
        new DataType.Timestamp(TimeUnit.MILLISECOND, null))).isEqualTo("2020-01-02 03:04:05.120");
    assertThat(TemporalText.timestamp(1_577_934_245L,
        new DataType.Timestamp(TimeUnit.SECOND, "Europe/Paris"))).isEqualTo("2020-01-02T04:04:05+01:00");
    assertThat(TemporalText.date(-719162)).isEqualTo("0001-01-01");
  }

  private static RecordBatch batch(Field field, List<?> values) {
    Column column = JavaValues.toColumn(BufferAllocator.current(), field.type(), values);
    return new RecordBatch(Schema.of(field), List.of(column), values.size());
  }

  @Test
  void writesRowsAndEscapes() throws Exception {
    Path target = directory.resolve("out.ndjson");
    try (RecordBatch batch = batch(Field.of("s\"", DataType.UTF8),
        Arrays.asList("a\"\\\n\t\r\b\f\u0001\u007f/é😀", null))) {
      JsonWriter.writeNdjson(batch, target);
      assertThat(Files.readString(target))
          .isEqualTo("{\"s\\\"\":\"a\\\"\\\\\\n\\t\\r\\b\\f\\u0001\u007f/é😀\"}\n{\"s\\\"\":null}\n");
      JsonWriter.writeJson(batch, target);
      assertThat(Files.readString(target))
          .isEqualTo("[{\"s\\\"\":\"a\\\"\\\\\\n\\t\\r\\b\\f\\u0001\u007f/é😀\"},{\"s\\\"\":null}]");
    }
  }

  @Test
  void failedWritesLeaveNothingBehind() throws Exception {
    Path target = directory.resolve("out.json");
    Files.writeString(target, "before");
    try (RecordBatch batch = batch(Field.of("b", DataType.BINARY), List.of(new byte[] {1}))) {
      assertThatThrownBy(() -> JsonWriter.writeJson(batch, target))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessage("cannot write a column of binary as JSON");
    }
    assertThat(Files.readString(target)).isEqualTo("before");
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files).containsExactly(target);
    }
    try (RecordBatch batch = batch(Field.of("a", DataType.INT64), List.of(1L))) {
      Path missing = directory.resolve("no/such/dir.json");
      assertThatThrownBy(() -> JsonWriter.writeJson(batch, missing))
          .isInstanceOf(FloeIoException.class)
          .hasMessageStartingWith("cannot write " + missing);
    }
  }

  @Test
  void gzipCompressesAndExtensionsAreChecked() throws Exception {
    try (RecordBatch batch = batch(Field.of("a", DataType.INT64), List.of(1L, 2L))) {
      Path gz = directory.resolve("out.ndjson.gz");
      JsonWriter.writeNdjson(batch, gz, JsonWriteOptions.DEFAULT
          .withCompression(JsonWriteOptions.Compression.GZIP).withCompressionLevel(9));
      try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
        assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
            .isEqualTo("{\"a\":1}\n{\"a\":2}\n");
      }
      Path plain = directory.resolve("out.ndjson");
      assertThatThrownBy(() -> JsonWriter.writeNdjson(batch, plain,
          JsonWriteOptions.DEFAULT.withCompression(JsonWriteOptions.Compression.GZIP)))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessage("the path (" + plain + ") does not conform to standard naming, expected"
              + " suffix: (.gz), set `checkExtension` to false if you don't want this behavior");
      assertThatThrownBy(() -> JsonWriter.writeNdjson(batch, directory.resolve("x.gz"),
          JsonWriteOptions.DEFAULT))
          .hasMessageStartingWith("use the compression option to control compression");
      JsonWriter.writeNdjson(batch, directory.resolve("x.gz"),
          JsonWriteOptions.DEFAULT.withCheckExtension(false));
      assertThat(Files.readString(directory.resolve("x.gz"))).isEqualTo("{\"a\":1}\n{\"a\":2}\n");
      Path zst = directory.resolve("x.zst");
      JsonWriter.writeNdjson(batch, zst, JsonWriteOptions.DEFAULT
          .withCompression(JsonWriteOptions.Compression.ZSTD).withCompressionLevel(19));
      try (var in = new com.github.luben.zstd.ZstdInputStream(Files.newInputStream(zst))) {
        assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
            .isEqualTo("{\"a\":1}\n{\"a\":2}\n");
      }
      assertThatThrownBy(() -> JsonWriter.writeNdjson(batch, directory.resolve("y.ndjson"),
          JsonWriteOptions.DEFAULT.withCompression(JsonWriteOptions.Compression.ZSTD)))
          .hasMessageContaining("expected suffix: (.zst)");
    }
  }

  @Test
  void compressionLevelsAreCheckedPerCodec() {
    assertThatThrownBy(() -> JsonWriteOptions.DEFAULT.withCompression(JsonWriteOptions.Compression.ZSTD)
        .withCompressionLevel(23))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zstd compressionLevel must be 0..22, got 23");
    assertThatThrownBy(() -> JsonWriteOptions.DEFAULT.withCompression(JsonWriteOptions.Compression.GZIP)
        .withCompressionLevel(10))
        .hasMessage("gzip compressionLevel must be 0..9, got 10");
    assertThat(JsonWriteOptions.DEFAULT.withCompression(JsonWriteOptions.Compression.ZSTD)
        .withCompressionLevel(22).compressionLevel()).isEqualTo(22);
  }
}
