package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeException;
import dev.floe.io.csv.CsvReadOptions;
import dev.floe.io.csv.CsvWriteOptions;
import dev.floe.io.csv.CsvWriteOptions.QuoteStyle;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV against Polars 1.44.2: Polars writes random frames (every dtype CSV round-trips, nulls,
 * quotes, separators and line breaks in strings, special floats) with five write options; Floe
 * reads them and must see what Polars' own read sees (dtypes and values), and Floe's writes of
 * what it read must be byte-identical to Polars' files. Then each read option, one by one, on
 * small files, against Polars' read with the same keyword arguments.
 */
@LeakChecked
class CsvInteropTest {
  private static final int RANDOM_FRAMES = 30;
  private static final int LARGE_SEED = 1000;

  /** Floe's options for Polars' write options in csv_interop.py, in the same order. */
  private static final List<CsvWriteOptions> WRITE_OPTIONS = List.of(
      CsvWriteOptions.DEFAULT,
      CsvWriteOptions.DEFAULT.withQuoteStyle(QuoteStyle.ALWAYS),
      CsvWriteOptions.DEFAULT.withQuoteStyle(QuoteStyle.NON_NUMERIC),
      CsvWriteOptions.DEFAULT.withSeparator(';').withNullValue("NA").withFloatPrecision(3),
      CsvWriteOptions.DEFAULT.withIncludeHeader(false).withQuoteStyle(QuoteStyle.NEVER));

  private record ReadCase(String name, String text, CsvReadOptions options, String python) {}

  private static final List<ReadCase> READ_CASES = List.of(
      new ReadCase("types", "i,f,b,s,n,m,e\n1,1.5,true,x,,1,\n-2,1e5,False,\"\",,2.5,\n007,inf,TRUE,+3,,-.5,\n",
          CsvReadOptions.DEFAULT, "{}"),
      new ReadCase("numbers", "a,b,c,d,e,f\n1e5,+3, 4,1_000,nan,1.\n-inf,1,1,1,1,.5\n",
          CsvReadOptions.DEFAULT, "{}"),
      new ReadCase("separator", "a;b\n1;x,y\n", CsvReadOptions.DEFAULT.withSeparator(';'),
          "{'separator': ';'}"),
      new ReadCase("quote", "a,b\n'1,2',x\n", CsvReadOptions.DEFAULT.withQuoteChar('\''),
          "{'quote_char': \"'\"}"),
      new ReadCase("noquote", "a,b\n\"1,2\n", CsvReadOptions.DEFAULT.withQuoteChar(null),
          "{'quote_char': None}"),
      new ReadCase("comment", "a,b\n#x,y\n1,2\n#z\n3,4\n", CsvReadOptions.DEFAULT.withCommentPrefix("#"),
          "{'comment_prefix': '#'}"),
      new ReadCase("noheader", "1,x\n2,y\n", CsvReadOptions.DEFAULT.withHasHeader(false),
          "{'has_header': False}"),
      new ReadCase("skiprows", "junk\nmore junk\na,b\n1,2\n", CsvReadOptions.DEFAULT.withSkipRows(2),
          "{'skip_rows': 2}"),
      new ReadCase("infer0", "a,b\n1,2.5\n", CsvReadOptions.DEFAULT.withInferSchemaLength(0),
          "{'infer_schema_length': 0}"),
      new ReadCase("inferall", "a\n1\n2\n3\n4.5\n", CsvReadOptions.DEFAULT.withInferSchemaLength(null),
          "{'infer_schema_length': None}"),
      new ReadCase("nullvalues", "a,b\nNA,x\n1,NA\n", CsvReadOptions.DEFAULT.withNullValues("NA"),
          "{'null_values': ['NA']}"),
      new ReadCase("ragged", "a,b,c\n1\n1,2\n", CsvReadOptions.DEFAULT, "{}"),
      new ReadCase("truncate", "a,b\n1,2,3\n4,5\n", CsvReadOptions.DEFAULT.withTruncateRaggedLines(true),
          "{'truncate_ragged_lines': True}"),
      new ReadCase("toolong", "a,b\n1,2,3\n", CsvReadOptions.DEFAULT, "{}"),
      new ReadCase("ignoreerrors", "a,b\n1,x\nz,2\n",
          CsvReadOptions.DEFAULT.withSchemaOverrides(Map.of("a", DataType.INT64)).withIgnoreErrors(true),
          "{'schema_overrides': {'a': pl.Int64}, 'ignore_errors': True}"),
      new ReadCase("overrides", "a,b\n1,2\n", CsvReadOptions.DEFAULT.withSchemaOverrides(
          Map.of("a", DataType.FLOAT64, "b", DataType.UTF8)),
          "{'schema_overrides': {'a': pl.Float64, 'b': pl.String}}"),
      new ReadCase("badvalue", "a\n1\nabc\n", CsvReadOptions.DEFAULT.withSchemaOverrides(
          Map.of("a", DataType.INT64)), "{'schema_overrides': {'a': pl.Int64}}"),
      new ReadCase("schema", "a,b\n1,2\n", CsvReadOptions.DEFAULT.withSchema(
          dev.floe.memory.types.Schema.of(dev.floe.memory.types.Field.of("x", DataType.INT32),
              dev.floe.memory.types.Field.of("y", DataType.UTF8))),
          "{'schema': {'x': pl.Int32, 'y': pl.String}}"),
      new ReadCase("dates", "d,t,z,s\n2020-01-02,2020-01-02 03:04:05,2020-01-02T03:04:05.123Z,2020-01-02\n"
          + "2021-12-31,2021-12-31T23:59:59.999999,2021-01-01T00:00:00Z,x\n",
          CsvReadOptions.DEFAULT.withTryParseDates(true), "{'try_parse_dates': True}"),
      new ReadCase("nodates", "d\n2020-01-02\n", CsvReadOptions.DEFAULT, "{}"),
      new ReadCase("decimalcomma", "a;b\n1,5;2\n-0,25;3\n",
          CsvReadOptions.DEFAULT.withSeparator(';').withDecimalComma(true),
          "{'separator': ';', 'decimal_comma': True}"),
      new ReadCase("rowindex", "a\nx\ny\n", CsvReadOptions.DEFAULT.withRowIndex("idx", 7),
          "{'row_index_name': 'idx', 'row_index_offset': 7}"),
      new ReadCase("nrows", "a\n1\n2\n3\n", CsvReadOptions.DEFAULT.withNRows(2L), "{'n_rows': 2}"),
      new ReadCase("columns", "a,b,c\n1,x,2.5\n", CsvReadOptions.DEFAULT.withColumns("c", "a"),
          "{'columns': ['c', 'a']}"),
      new ReadCase("crlf", "a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n", CsvReadOptions.DEFAULT, "{}"),
      new ReadCase("emptylines", "a,b\n1,2\n\n3,4\n", CsvReadOptions.DEFAULT, "{}"),
      new ReadCase("duplicates", "a,a,b\n1,2,3\n", CsvReadOptions.DEFAULT, "{}"),
      new ReadCase("unclosed", "a,b\n\"x\n", CsvReadOptions.DEFAULT, "{}"),
      new ReadCase("bom", "\uFEFFa,b\n1,2\n", CsvReadOptions.DEFAULT, "{}"),
      new ReadCase("headeronly", "a,b\n", CsvReadOptions.DEFAULT, "{}"),
      new ReadCase("quotedempty", "a,b\n\"\",x\n,y\n", CsvReadOptions.DEFAULT, "{}"));

  @TempDir Path directory;

  @Test
  void floeReadsAndWritesWhatPolarsReadsAndWrites() throws Exception {
    StringBuilder seeds = new StringBuilder();
    for (int seed = 1; seed <= RANDOM_FRAMES; seed++) {
      seeds.append(seed).append('\n');
    }
    seeds.append(LARGE_SEED).append('\n'); // 150,000 rows, ~12 MB: parsed in parallel chunks
    Files.writeString(directory.resolve("random.txt"), seeds);
    StringBuilder cases = new StringBuilder();
    for (ReadCase readCase : READ_CASES) {
      Files.writeString(directory.resolve(readCase.name() + ".csv"), readCase.text());
      cases.append(readCase.name()).append('\t').append(readCase.python()).append('\n');
    }
    Files.writeString(directory.resolve("cases.txt"), cases);
    runPython();

    for (int seed : seeds.toString().lines().mapToInt(Integer::parseInt).toArray()) {
      Path polarsFile = directory.resolve("rand_" + seed + "_w0.csv");
      try (DataFrame frame = Floe.readCsv(polarsFile, CsvReadOptions.DEFAULT.withTryParseDates(true))) {
        if (seed == LARGE_SEED) {
          assertThat(Files.size(polarsFile)).isGreaterThan(8L << 20);
          assertThat(frame.column(0).chunks()).hasSizeGreaterThan(1);
        }
        assertThat(CsvDump.dump(frame)).as("seed %d", seed)
            .isEqualTo(Files.readAllLines(Path.of(polarsFile + ".polars")));
        for (int option = 0; option < WRITE_OPTIONS.size(); option++) {
          Path floeFile = directory.resolve("floe_" + seed + "_w" + option + ".csv");
          frame.writeCsv(floeFile, WRITE_OPTIONS.get(option));
          assertThat(Files.readString(floeFile)).as("seed %d, write options %d", seed, option)
              .isEqualTo(Files.readString(directory.resolve("rand_" + seed + "_w" + option + ".csv")));
        }
      }
    }
    int agreedErrors = 0;
    for (ReadCase readCase : READ_CASES) {
      Path file = directory.resolve(readCase.name() + ".csv");
      List<String> expected = Files.readAllLines(Path.of(file + ".polars"));
      if (expected.getFirst().startsWith("E\t")) {
        assertThatThrownBy(() -> Floe.readCsv(file, readCase.options()).close())
            .as(readCase.name()).isInstanceOf(FloeException.class);
        agreedErrors++;
        continue;
      }
      try (DataFrame frame = Floe.readCsv(file, readCase.options())) {
        assertThat(CsvDump.dump(frame)).as(readCase.name()).isEqualTo(expected);
      }
    }
    assertThat(agreedErrors).isBetween(2, 4);
  }

  private void runPython() throws IOException, InterruptedException {
    Path script = directory.resolve("csv_interop.py");
    try (InputStream source = CsvInteropTest.class.getResourceAsStream("/csv/csv_interop.py")) {
      Files.write(script, source.readAllBytes());
    }
    Process process = new ProcessBuilder(PolarsPython.executable(), script.toString(),
        directory.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  static List<String> lines(String text) {
    return new ArrayList<>(text.lines().toList());
  }
}
