package dev.floe.jmh;

import dev.floe.io.csv.CsvReadOptions;
import dev.floe.io.csv.CsvReader;
import dev.floe.io.csv.CsvTable;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.VarBinaryColumn;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a generated CSV file (i64 id, f64 price, i64 qty, str name with some quoted values
 * holding separators, bool flag; ~44 bytes per row, so 2.5M rows is ~110 MB) with type inference,
 * in parallel chunks and on one thread. MB/s = file size / time. Setup checks the answer (sums of
 * the numeric columns and of the string lengths) against the values it wrote.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class CsvReadBenchmark {
  @Param({"10000", "2500000"})
  public int rows;

  private BufferAllocator allocator;
  private Path file;
  private long idSum;
  private long qtySum;
  private double priceSum;
  private long nameBytes;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    allocator = BufferAllocator.newRoot("csv", Long.MAX_VALUE);
    file = Files.createTempFile("floe-csv-bench", ".csv");
    Random random = new Random(42);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("id,price,qty,name,flag\n");
      for (int row = 0; row < rows; row++) {
        long qty = random.nextInt(1_000_000) - 500_000;
        double price = random.nextInt(10_000_000) / 100.0;
        String name = random.nextInt(10) == 0 ? "a, b " + row : "name_" + random.nextInt(100_000);
        idSum += row;
        qtySum += qty;
        priceSum += price;
        nameBytes += name.length();
        out.write(row + "," + price + "," + qty + ","
            + (name.contains(",") ? "\"" + name + "\"" : name) + "," + random.nextBoolean() + "\n");
      }
    }
    check(CsvReader.read(file, CsvReadOptions.DEFAULT, allocator));
    check(CsvReader.read(file, CsvReadOptions.DEFAULT.withParallel(false), allocator));
  }

  private void check(CsvTable table) {
    try (table) {
      long ids = 0;
      long qtys = 0;
      double prices = 0;
      long bytes = 0;
      for (Column chunk : table.columns().get(0).chunks()) {
        for (int row = 0; row < chunk.length(); row++) {
          ids += ((FixedWidthColumn) chunk).getLong(row);
        }
      }
      for (Column chunk : table.columns().get(1).chunks()) {
        for (int row = 0; row < chunk.length(); row++) {
          prices += ((FixedWidthColumn) chunk).getDouble(row);
        }
      }
      for (Column chunk : table.columns().get(2).chunks()) {
        for (int row = 0; row < chunk.length(); row++) {
          qtys += ((FixedWidthColumn) chunk).getLong(row);
        }
      }
      for (Column chunk : table.columns().get(3).chunks()) {
        for (int row = 0; row < chunk.length(); row++) {
          bytes += ((VarBinaryColumn) chunk).valueLength(row);
        }
      }
      ChunkedColumn flags = table.columns().get(4);
      if (ids != idSum || qtys != qtySum || Math.abs(prices - priceSum) > 1e-6 * Math.abs(priceSum)
          || bytes != nameBytes || flags.length() != rows || !flags.type().toString().equals("bool")) {
        throw new IllegalStateException("CSV read gave wrong values");
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
    allocator.close();
  }

  /** The default read: chunks parsed on the pool. */
  @Benchmark
  public CsvTable parallel() {
    CsvTable table = CsvReader.read(file, CsvReadOptions.DEFAULT, allocator);
    table.close();
    return table;
  }

  /** One thread, for MB/s per core. */
  @Benchmark
  public CsvTable serial() {
    CsvTable table = CsvReader.read(file, CsvReadOptions.DEFAULT.withParallel(false), allocator);
    table.close();
    return table;
  }
}
