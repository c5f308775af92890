package dev.floe.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.FloeIoException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@LeakChecked
class CsvReaderTest {
  @TempDir Path directory;

  private Path file(String text) throws IOException {
    return file(text.getBytes(StandardCharsets.UTF_8));
  }

  private Path file(byte[] bytes) throws IOException {
    Path path = directory.resolve("data.csv");
    Files.write(path, bytes);
    return path;
  }

  /** "name: type = [values]" per column. */
  private static List<String> describe(CsvTable table) {
    List<String> lines = new ArrayList<>();
    for (int index = 0; index < table.names().size(); index++) {
      ChunkedColumn column = table.columns().get(index);
      List<Object> values = new ArrayList<>();
      for (long row = 0; row < column.length(); row++) {
        values.add(column.getObject(row));
      }
      lines.add(table.names().get(index) + ": " + column.type() + " = " + values);
    }
    return lines;
  }

  private List<String> read(String text, CsvReadOptions options) throws IOException {
    try (CsvTable table = CsvReader.read(file(text), options, BufferAllocator.current())) {
      return describe(table);
    }
  }

  @Test
  void infersPolarsTypes() throws IOException {
    assertThat(read("i,f,b,s,n,m\n1,1.5,true,x,,1\n-2,1e5,False,\"\",,2.5\n", CsvReadOptions.DEFAULT))
        .containsExactly("i: i64 = [1, -2]", "f: f64 = [1.5, 100000.0]",
            "b: bool = [true, false]", "s: str = [x, ]", "n: str = [null, null]",
            "m: f64 = [1.0, 2.5]");
  }

  @Test
  void widensAfterTheInferenceWindowInsteadOfFailing() throws IOException {
    CsvReadOptions options = CsvReadOptions.DEFAULT.withInferSchemaLength(1);
    assertThat(read("a,b\n1,1\n2.5,x\n", options))
        .containsExactly("a: f64 = [1.0, 2.5]", "b: str = [1, x]");
  }

  @Test
  void inferSchemaLengthZeroReadsStrings() throws IOException {
    assertThat(read("a\n1\n", CsvReadOptions.DEFAULT.withInferSchemaLength(0)))
        .containsExactly("a: str = [1]");
  }

  @Test
  void datesOnlyWithTryParseDates() throws IOException {
    String text = "d,t,z\n2020-01-02,2020-01-02 03:04:05.5,2020-01-02T00:00:00Z\n";
    assertThat(read(text, CsvReadOptions.DEFAULT)).allMatch(line -> line.contains(": str"));
    assertThat(read(text, CsvReadOptions.DEFAULT.withTryParseDates(true))).containsExactly(
        "d: date = [2020-01-02]", "t: datetime[μs] = [2020-01-02T03:04:05.500]",
        "z: datetime[μs, UTC] = [2020-01-02T00:00Z[UTC]]");
  }

  @Test
  void optionsOneByOne() throws IOException {
    assertThat(read("x;y\n1,5;2\n", CsvReadOptions.DEFAULT.withSeparator(';').withDecimalComma(true)))
        .containsExactly("x: f64 = [1.5]", "y: i64 = [2]");
    assertThat(read("junk\njunk\na,b\n1,2\n", CsvReadOptions.DEFAULT.withSkipRows(2)))
        .containsExactly("a: i64 = [1]", "b: i64 = [2]");
    assertThat(read("1,2\n3,4\n", CsvReadOptions.DEFAULT.withHasHeader(false)))
        .containsExactly("column_1: i64 = [1, 3]", "column_2: i64 = [2, 4]");
    assertThat(read("a,b,c\n1,2,3\n4,5,6\n", CsvReadOptions.DEFAULT.withColumns("c", "a").withNRows(1L)))
        .containsExactly("a: i64 = [1]", "c: i64 = [3]");
    assertThat(read("a\nNA\n1\n", CsvReadOptions.DEFAULT.withNullValues("NA")))
        .containsExactly("a: i64 = [null, 1]");
    assertThat(read("a\n'x,y'\n", CsvReadOptions.DEFAULT.withQuoteChar('\'')))
        .containsExactly("a: str = [x,y]");
    assertThat(read("a\n5\n", CsvReadOptions.DEFAULT.withRowIndex("idx", 10)))
        .containsExactly("idx: u32 = [10]", "a: i64 = [5]");
    assertThat(read("a,b\n1,2,3\n", CsvReadOptions.DEFAULT.withTruncateRaggedLines(true)))
        .containsExactly("a: i64 = [1]", "b: i64 = [2]");
    assertThat(read("a,b\n1\n", CsvReadOptions.DEFAULT)).containsExactly("a: i64 = [1]", "b: str = [null]");
    assertThat(read("a,a\n1,2\n", CsvReadOptions.DEFAULT))
        .containsExactly("a: i64 = [1]", "a_duplicated_0: i64 = [2]");
    Schema schema = Schema.of(Field.of("p", DataType.INT32), Field.of("q", DataType.UTF8));
    assertThat(read("a,b\n1,2\n", CsvReadOptions.DEFAULT.withSchema(schema)))
        .containsExactly("p: i32 = [1]", "q: str = [2]");
    assertThat(read("a,b\n2020-01-01 00:00:01,x\n", CsvReadOptions.DEFAULT.withSchemaOverrides(
        Map.of("a", new DataType.Timestamp(TimeUnit.MILLISECOND, null)))).getFirst())
        .startsWith("a: datetime[ms]");
  }

  @Test
  void badValuesNameFileLineColumnAndValue() throws IOException {
    Path path = file("price\n1\nabc\n");
    CsvReadOptions options =
        CsvReadOptions.DEFAULT.withSchemaOverrides(Map.of("price", DataType.FLOAT64));
    assertThatThrownBy(() -> CsvReader.read(path, options, BufferAllocator.current()))
        .isInstanceOf(FloeIoException.class)
        .hasMessage(path + ":3: column 'price': cannot parse 'abc' as Float64");
    assertThat(read("price\n1\nabc\n", options.withIgnoreErrors(true)))
        .containsExactly("price: f64 = [1.0, null]");
  }

  @Test
  void badFilesFailWithTypedErrors() throws IOException {
    Path unclosed = file("a,b\n1,\"x\n");
    assertThatThrownBy(() -> CsvReader.read(unclosed, CsvReadOptions.DEFAULT, BufferAllocator.current()))
        .isInstanceOf(FloeIoException.class)
        .hasMessage(unclosed + ":2: a quoted field never closes (quote opened at byte 6)");
    Path ragged = file("a,b\n1,2\n1,2,3\n");
    assertThatThrownBy(() -> CsvReader.read(ragged, CsvReadOptions.DEFAULT, BufferAllocator.current()))
        .isInstanceOf(FloeIoException.class)
        .hasMessage(ragged + ":3: found 3 fields but expected 2; set truncateRaggedLines to drop the extra fields");
    Path invalid = file(new byte[] {'a', '\n', 'x', (byte) 0xFF, '\n'});
    assertThatThrownBy(() -> CsvReader.read(invalid, CsvReadOptions.DEFAULT, BufferAllocator.current()))
        .isInstanceOf(FloeIoException.class)
        .hasMessageStartingWith(invalid + ":2: column 'a': invalid UTF-8");
    try (CsvTable table = CsvReader.read(invalid,
        CsvReadOptions.DEFAULT.withEncoding(CsvReadOptions.Encoding.UTF8_LOSSY), BufferAllocator.current())) {
      assertThat(describe(table)).containsExactly("a: str = [x\uFFFD]");
    }
    assertThat(read("a\nx\u00e9\n", CsvReadOptions.DEFAULT)).containsExactly("a: str = [x\u00e9]");
    Path empty = file("");
    assertThatThrownBy(() -> CsvReader.read(empty, CsvReadOptions.DEFAULT, BufferAllocator.current()))
        .isInstanceOf(FloeIoException.class).hasMessage(empty + ": empty CSV data (no header and no rows)");
    Path missing = directory.resolve("missing.csv");
    assertThatThrownBy(() -> CsvReader.read(missing, CsvReadOptions.DEFAULT, BufferAllocator.current()))
        .isInstanceOf(FloeIoException.class).hasMessage("could not read " + missing + ": no such file");
    assertThatThrownBy(() -> read("a\n1\n", CsvReadOptions.DEFAULT.withColumns("zz")))
        .isInstanceOf(ColumnNotFoundException.class);
  }

  @Test
  void parallelChunksGiveTheSameColumns() throws IOException {
    StringBuilder text = new StringBuilder("i,f,s\n");
    for (int row = 0; row < 400_000; row++) {
      text.append(row).append(',').append(row * 0.25).append(",\"s,").append(row % 13).append("\"\n");
    }
    Path path = file(text.toString());
    try (CsvTable parallel = CsvReader.read(path, CsvReadOptions.DEFAULT, BufferAllocator.current());
        CsvTable serial = CsvReader.read(path, CsvReadOptions.DEFAULT.withParallel(false),
            BufferAllocator.current())) {
      assertThat(parallel.columns().getFirst().chunkCount()).isGreaterThan(1);
      for (int column = 0; column < 3; column++) {
        ChunkedColumn left = parallel.columns().get(column);
        ChunkedColumn right = serial.columns().get(column);
        assertThat(left.length()).isEqualTo(400_000);
        for (long row = 0; row < left.length(); row += 997) {
          assertThat(left.getObject(row)).isEqualTo(right.getObject(row));
        }
      }
    }
  }
}
