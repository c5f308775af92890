package dev.floe.jmh.lineitem;

import static dev.floe.Floe.col;

import dev.floe.DataFrame;
import dev.floe.Floe;
import dev.floe.io.csv.CsvReadOptions;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Floe's half of {@code scripts/compare_io.py}: a long-lived process that runs one I/O operation on
 * the lineitem files per command, so the script can alternate Floe and Polars repetition by
 * repetition. Each line read from standard input names an operation; the answer is one line
 * {@code millis \t check \t rchar \t read_bytes \t faults \t reported}, or {@code n/a} when the operation does not exist on
 * this build (the Parquet API, reached by reflection in {@link ParquetApi}), or {@code error \t
 * message}. The check ({@code rows:sum(l_quantity)} for reads, the file size for writes) and the
 * I/O counters of {@code /proc/self/io} and {@code /proc/self/stat} are taken outside the timed
 * region; {@code reported} is the byte count the Parquet reader reported ({@link
 * ParquetApi#lastBytes()}), -1 for other operations or when it reports none.
 *
 * <p>Operations: {@code csv_read} (explicit TPC-H schema, see {@link #SCHEMA}), {@code ipc_read}
 * (memory-mapped), {@code ipc_write}, {@code parquet_read}, {@code parquet_read_2} (columns {@link
 * #PROJECTION}), {@code parquet_write}; {@code csv_read:COL,COL,...} reads only those CSV columns (for
 * cost breakdowns: the tokenizer still splits every field). Writes take the frame read once from {@code lineitem.arrow}.
 * Thread count: {@code -Dfloe.io.threads=N} for the shared I/O pool and {@code
 * -XX:ActiveProcessorCount=N} for the CSV reader, whose chunk pool sizes itself from the processor
 * count.
 *
 * <p>Usage: {@code java ... dev.floe.jmh.lineitem.IoSideBySide DATA_DIR SCRATCH_DIR}.
 */
public final class IoSideBySide {
  /** lineitem as Polars' TPC-H benchmarks type it: keys Int64, amounts Float64, dates Date. */
  public static final Schema SCHEMA = Schema.of(
      Field.of("l_orderkey", DataType.INT64), Field.of("l_partkey", DataType.INT64),
      Field.of("l_suppkey", DataType.INT64), Field.of("l_linenumber", DataType.INT64),
      Field.of("l_quantity", DataType.FLOAT64), Field.of("l_extendedprice", DataType.FLOAT64),
      Field.of("l_discount", DataType.FLOAT64), Field.of("l_tax", DataType.FLOAT64),
      Field.of("l_returnflag", DataType.UTF8), Field.of("l_linestatus", DataType.UTF8),
      Field.of("l_shipdate", DataType.DATE32), Field.of("l_commitdate", DataType.DATE32),
      Field.of("l_receiptdate", DataType.DATE32), Field.of("l_shipinstruct", DataType.UTF8),
      Field.of("l_shipmode", DataType.UTF8), Field.of("l_comment", DataType.UTF8));

  /** The two columns of the projected Parquet scan. */
  public static final List<String> PROJECTION = List.of("l_quantity", "l_extendedprice");

  private final Path data;
  private final Path scratch;
  private final ParquetApi parquet = ParquetApi.find();
  private DataFrame source;

  private IoSideBySide(Path data, Path scratch) {
    this.data = data;
    this.scratch = scratch;
  }

  public static void main(String[] args) throws IOException {
    IoSideBySide server = new IoSideBySide(Path.of(args[0]), Path.of(args[1]));
    BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      for (String line = input.readLine(); line != null && !line.equals("quit"); line = input.readLine()) {
        System.out.println(server.answer(line.strip()));
        System.out.flush();
      }
    } finally {
      if (server.source != null) {
        server.source.close();
      }
    }
  }

  /** Runs one operation and formats the answer line. */
  private String answer(String operation) {
    try {
      if (operation.startsWith("parquet_read") && !parquet.canRead()
          || operation.equals("parquet_write") && !parquet.canWrite()) {
        return "n/a";
      }
      Path output = scratch.resolve("floe-" + operation + (operation.startsWith("ipc") ? ".arrow" : ".parquet"));
      if (operation.endsWith("_write")) {
        Files.deleteIfExists(output);
        if (source == null) {
          source = Floe.readIpc(data.resolve("lineitem.arrow"));
        }
      }
      long[] before = ProcIo.read();
      long start = System.nanoTime();
      DataFrame result = run(operation, output);
      long elapsed = System.nanoTime() - start;
      long[] after = ProcIo.read();
      String check;
      if (result == null) {
        check = Long.toString(Files.size(output));
      } else {
        try (result) {
          check = check(result);
        }
      }
      long reported = operation.startsWith("parquet_read") ? parquet.lastBytes() : -1;
      return String.format(Locale.ROOT, "%.3f\t%s\t%d\t%d\t%d\t%d", elapsed / 1e6, check,
          after[0] - before[0], after[1] - before[1], after[2] - before[2], reported);
    } catch (RuntimeException | IOException | LinkageError failure) {
      return "error\t" + failure.toString().replace('\n', ' ').replace('\t', ' ');
    }
  }

  /** The timed part: a read returns its frame, a write returns null. */
  private DataFrame run(String operation, Path output) {
    if (operation.startsWith("csv_read:")) {
      return Floe.readCsv(data.resolve("lineitem.csv"), CsvReadOptions.DEFAULT.withSchema(SCHEMA)
          .withColumns(operation.substring("csv_read:".length()).split(",")));
    }
    return switch (operation) {
      case "csv_read" -> Floe.readCsv(data.resolve("lineitem.csv"),
          CsvReadOptions.DEFAULT.withSchema(SCHEMA));
      case "ipc_read" -> Floe.readIpc(data.resolve("lineitem.arrow"));
      case "parquet_read" -> parquet.read(data.resolve("lineitem.parquet"), null);
      case "parquet_read_2" -> parquet.read(data.resolve("lineitem.parquet"), PROJECTION);
      case "ipc_write" -> {
        source.writeIpc(output);
        yield null;
      }
      case "parquet_write" -> {
        parquet.write(source, output);
        yield null;
      }
      default -> throw new IllegalArgumentException("unknown operation " + operation);
    };
  }

  /** {@code rows:sum(l_quantity)}, the same string {@code compare_io.py} computes with Polars. */
  static String check(DataFrame frame) {
    if (frame.schema().fields().stream().noneMatch(field -> field.name().equals("l_quantity"))) {
      return Long.toString(frame.height());
    }
    try (DataFrame sum = frame.select(col("l_quantity").sum())) {
      double total = ((Number) sum.column(0).get(0)).doubleValue();
      return String.format(Locale.ROOT, "%d:%.1f", frame.height(), total);
    }
  }
}
