package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.FloeIoException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.io.json.JsonReadOptions;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakChecked;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each JSON read option on its own, the JSON array layout, and files that must not be read. */
@LeakChecked
class JsonReadOptionsTest {
  @TempDir Path directory;

  private Path file(String text) throws Exception {
    Path path = directory.resolve("data.ndjson");
    Files.writeString(path, text, StandardCharsets.UTF_8);
    return path;
  }

  private Path bytes(byte[] content) throws Exception {
    Path path = directory.resolve("data.ndjson");
    Files.write(path, content);
    return path;
  }

  private static List<List<Object>> rows(DataFrame frame) {
    return frame.rows();
  }

  @Test
  void infersWithPolarsRules() throws Exception {
    Path path = file("{\"a\":1,\"b\":\"x\",\"c\":[1],\"s\":{\"x\":1}}\n\n"
        + "{\"a\":2.5,\"b\":3,\"c\":[2.5,null],\"s\":{\"y\":\"s\",\"x\":2},\"n\":null}\r\n");
    try (DataFrame frame = Floe.readNdjson(path)) {
      assertThat(frame.columns()).containsExactly("a", "b", "c", "s", "n");
      assertThat(frame.dtypes().toString())
          .isEqualTo("[f64, str, list[f64], struct[2], null]");
      assertThat(frame.dtypes().get(3)).isEqualTo(DataType.StructType.of(
          Field.of("y", DataType.UTF8), Field.of("x", DataType.INT64)));
      assertThat(rows(frame).toString()).isEqualTo(
          "[[1.0, x, [1.0], {y=null, x=1}, null], [2.5, 3, [2.5, null], {y=s, x=2}, null]]");
    }
  }

  @Test
  void readsJsonArraysAndSingleObjects() throws Exception {
    Path path = directory.resolve("data.json");
    Files.writeString(path, " [ {\"a\": 1}, {\"a\": null, \"b\": true} ] \n");
    try (DataFrame frame = Floe.readJson(path)) {
      assertThat(frame.columns()).containsExactly("a", "b"); // the longer row's order first
      assertThat(rows(frame)).containsExactly(Arrays.asList(1L, null), Arrays.asList(null, true));
    }
    Files.writeString(path, "{\"a\": [1, 2]}");
    try (DataFrame frame = Floe.readJson(path)) {
      assertThat(rows(frame)).containsExactly(List.of(List.of(1L, 2L)));
    }
    Files.writeString(path, "[]");
    try (DataFrame frame = Floe.readJson(path)) {
      assertThat(frame.shape().toString()).isEqualTo("(0, 0)");
    }
  }

  @Test
  void schemaReplacesInference() throws Exception {
    Path path = file("{\"a\":1,\"b\":2,\"d\":\"2020-01-02\",\"t\":\"2020-01-02 03:04:05.5\"}\n");
    Schema schema = Schema.of(Field.of("t", new DataType.Timestamp(TimeUnit.MILLISECOND, null)),
        Field.of("b", DataType.INT32), Field.of("a", DataType.UTF8), Field.of("d", DataType.DATE32),
        Field.of("missing", DataType.FLOAT64));
    try (DataFrame frame = Floe.readNdjson(path, JsonReadOptions.DEFAULT.withSchema(schema))) {
      assertThat(frame.schema()).isEqualTo(schema);
      assertThat(rows(frame)).containsExactly(Arrays.asList(
          LocalDateTime.of(2020, 1, 2, 3, 4, 5, 500_000_000), 2, "1", LocalDate.of(2020, 1, 2), null));
    }
  }

  @Test
  void schemaOverridesReplaceInferredTypes() throws Exception {
    Path path = file("{\"a\":1,\"b\":2}\n");
    JsonReadOptions options = JsonReadOptions.DEFAULT.withSchemaOverrides(
        Map.of("b", DataType.FLOAT32, "c", DataType.BOOLEAN));
    try (DataFrame frame = Floe.readNdjson(path, options)) {
      assertThat(frame.dtypes().toString()).isEqualTo("[i64, f32, bool]");
      assertThat(rows(frame)).containsExactly(Arrays.asList(1L, 2.0f, null));
    }
  }

  @Test
  void inferSchemaLengthLimitsInference() throws Exception {
    Path path = file("{\"a\":1}\n{\"a\":2.5}\n");
    assertThatThrownBy(() -> Floe.readNdjson(path, JsonReadOptions.DEFAULT.withInferSchemaLength(1)))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage("cannot read 2.5 as i64 in column 'a' of " + path + " at row 1, line 2, column"
            + " 6 (byte offset 13): not an integer; give the column another type in the schema,"
            + " or set ignoreErrors");
    try (DataFrame frame = Floe.readNdjson(path, JsonReadOptions.DEFAULT.withInferSchemaLength(null))) {
      assertThat(frame.dtypes()).containsExactly(DataType.FLOAT64);
    }
  }

  @Test
  void ignoreErrorsTurnsMisfitsIntoNulls() throws Exception {
    Path path = file("{\"a\":\"x\",\"b\":[1,\"y\"],\"c\":300}\n{\"a\":5,\"b\":{\"k\":1},\"c\":7}\n");
    Schema schema = Schema.of(Field.of("a", DataType.INT64),
        Field.of("b", DataType.ListType.of(DataType.INT64)), Field.of("c", DataType.UINT8));
    JsonReadOptions options = JsonReadOptions.DEFAULT.withSchema(schema).withIgnoreErrors(true);
    try (DataFrame frame = Floe.readNdjson(path, options)) {
      assertThat(rows(frame).toString()).isEqualTo("[[null, [1, null], null], [5, null, 7]]");
    }
    assertThatThrownBy(() -> Floe.readNdjson(path, options.withIgnoreErrors(false)))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageStartingWith("cannot read \"x\" as i64 in column 'a' of " + path
            + " at row 0, line 1, column 6 (byte offset 5)");
  }

  @Test
  void nRowsStopsEarly() throws Exception {
    Path path = file("{\"a\":1}\n{\"a\":2}\n{\"a\":oops\n");
    try (DataFrame frame = Floe.readNdjson(path, JsonReadOptions.DEFAULT.withNRows(2L))) {
      assertThat(rows(frame)).containsExactly(List.of(1L), List.of(2L));
    }
  }

  @Test
  void columnsProjects() throws Exception {
    Path path = file("{\"a\":1,\"b\":\"x\",\"c\":true}\n");
    try (DataFrame frame = Floe.readNdjson(path, JsonReadOptions.DEFAULT.withColumns("c", "a"))) {
      assertThat(frame.columns()).containsExactly("c", "a");
      assertThat(rows(frame)).containsExactly(List.of(true, 1L));
    }
    assertThatThrownBy(() -> Floe.readNdjson(path, JsonReadOptions.DEFAULT.withColumns("z")))
        .isInstanceOf(ColumnNotFoundException.class);
  }

  @Test
  void malformedFilesNameFileLineOffsetAndText() throws Exception {
    Path broken = file("{\"a\":1}\n{\"a\":}\n");
    assertThatThrownBy(() -> Floe.readNdjson(broken))
        .isInstanceOf(FloeIoException.class)
        .hasMessage("malformed JSON in " + broken + " at line 2, column 6 (byte offset 13):"
            + " expected a value, found '}\\x0a'");
    Path notObject = file("{\"a\":1}\n[1]\n");
    assertThatThrownBy(() -> Floe.readNdjson(notObject))
        .hasMessage("malformed JSON in " + notObject + " at line 2, column 1 (byte offset 8): an"
            + " NDJSON line must hold a JSON object, found '[1]\\x0a'");
    Path twoPerLine = file("{\"a\":1} {\"a\":2}\n");
    assertThatThrownBy(() -> Floe.readNdjson(twoPerLine))
        .hasMessageContaining("expected a line break after the JSON object of an NDJSON line");
    Path truncated = file("{\"a\":[1,2");
    assertThatThrownBy(() -> Floe.readNdjson(truncated))
        .hasMessage("malformed JSON in " + truncated + " at line 1, column 10 (byte offset 9):"
            + " expected ',' or ']', found end of input");
    Path badUtf8 = bytes(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'});
    assertThatThrownBy(() -> Floe.readNdjson(badUtf8))
        .hasMessage("malformed JSON in " + badUtf8 + " at line 1, column 7 (byte offset 6):"
            + " invalid UTF-8 byte 0xff, found '\\xff\"}'");
    Path deep = file("{\"a\":" + "[".repeat(5000) + "}\n");
    assertThatThrownBy(() -> Floe.readNdjson(deep))
        .hasMessageContaining("nesting deeper than 256 levels");
    Path json = directory.resolve("x.json");
    Files.writeString(json, "[{\"a\":1}] x");
    assertThatThrownBy(() -> Floe.readJson(json))
        .hasMessage("malformed JSON in " + json + " at line 1, column 11 (byte offset 10):"
            + " unexpected content after the end of the JSON document, found 'x'");
    assertThatThrownBy(() -> Floe.readJson(directory.resolve("none.json")))
        .isInstanceOf(FloeIoException.class)
        .hasMessage("cannot read " + directory.resolve("none.json") + ": no such file");
  }

  @Test
  void incompatibleRowsFailInference() throws Exception {
    Path path = file("{\"a\":[1]}\n{\"a\":1}\n");
    assertThatThrownBy(() -> Floe.readNdjson(path))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage("cannot infer a schema for " + path + ": row 1 at line 2, column 1 (byte"
            + " offset 10) has types struct[1] that do not combine with struct[1] of the rows"
            + " before it; give the schema or schemaOverrides");
  }

  @Test
  void largeNdjsonFilesAreReadInParallelChunks() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int row = 0; text.length() < 17 << 20; row++) {
      text.append("{\"i\":").append(row).append(",\"s\":\"value ").append(row)
          .append("\",\"l\":[").append(row % 10).append(".5]}\n");
    }
    Path path = file(text.toString());
    try (DataFrame parallel = Floe.readNdjson(path);
        DataFrame sequential = Floe.readNdjson(path, JsonReadOptions.DEFAULT.withNRows(Long.MAX_VALUE))) {
      assertThat(parallel.column(0).chunks().size()).isEqualTo(
          (int) Math.min(Runtime.getRuntime().availableProcessors(), Files.size(path) >> 23));
      assertThat(parallel.height()).isEqualTo(sequential.height());
      assertThat(parallel.rows()).isEqualTo(sequential.rows());
    }
  }
}
