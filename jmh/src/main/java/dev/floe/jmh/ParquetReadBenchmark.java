package dev.floe.jmh;

import dev.floe.io.parquet.ParquetReadOptions;
import dev.floe.io.parquet.ParquetReader;
import dev.floe.io.parquet.ParquetTable;
import dev.floe.io.parquet.RowGroupFilter;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.RecordBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * Reading a generated Parquet file (zstd; i64 id, i32 qty with nulls, f64 price, str name from
 * 1,000 distinct values so dictionary-encoded, str note of unique values so PLAIN; 8 row groups)
 * in parallel and on one thread, all columns and a 2-column projection. The file is written in
 * setup by pyarrow (the project's venv, see {@link BenchPython}), which also prints the
 * sum of the id column that setup checks Floe's read against.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class ParquetReadBenchmark {
  private static final String SCRIPT = String.join("\n",
      "import sys, pyarrow as pa, pyarrow.parquet as pq, numpy as np",
      "n = int(sys.argv[2]); rng = np.random.default_rng(42)",
      "ids = np.arange(n, dtype=np.int64)",
      "qty = pa.array(rng.integers(-500000, 500000, n, dtype=np.int32), mask=rng.random(n) < 0.1)",
      "names = np.array(['name_%d' % i for i in range(1000)], dtype=object)[rng.integers(0, 1000, n)]",
      "notes = ['note %d %d' % (i, i * 7919 % 100003) for i in range(n)]",
      "t = pa.table({'id': ids, 'qty': qty, 'price': rng.random(n) * 1000, 'name': names, 'note': notes})",
      "pq.write_table(t, sys.argv[1], compression='zstd', row_group_size=max(1, n // 8))",
      "print(int(ids.sum()))");

  @Param({"2000000"})
  public int rows;

  @Param({"AUTO", "NONE"})
  public ParquetReadOptions.Parallel parallel;

  private BufferAllocator allocator;
  private Path file;

  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    allocator = BufferAllocator.newRoot("parquet", Long.MAX_VALUE);
    file = Files.createTempFile("floe-parquet-bench", ".parquet");
    Path script = Files.createTempFile("floe-parquet-bench", ".py");
    Files.writeString(script, SCRIPT);
    String python = BenchPython.executable();
    Process process = new ProcessBuilder(python, script.toString(), file.toString(), Integer.toString(rows))
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pyarrow could not write the benchmark file: " + output);
    }
    Files.delete(script);
    long expected = Long.parseLong(output.lines().reduce((a, b) -> b).orElseThrow());
    try (ParquetTable table = read(ParquetReadOptions.DEFAULT.withParallel(parallel))) {
      long sum = 0;
      for (RecordBatch batch : table.batches()) {
        FixedWidthColumn ids = (FixedWidthColumn) batch.column(0);
        for (int row = 0; row < ids.length(); row++) {
          sum += ids.getLong(row);
        }
      }
      if (sum != expected || table.rowCount() != rows) {
        throw new IllegalStateException("read " + table.rowCount() + " rows, id sum " + sum + ", expected "
            + expected);
      }
      System.out.println("file " + Files.size(file) + " bytes, " + table.batches().size() + " row groups");
    }
  }

  private ParquetTable read(ParquetReadOptions options) {
    return ParquetReader.read(file, options, RowGroupFilter.ALL, allocator);
  }

  @Benchmark
  public long allColumns() {
    try (ParquetTable table = read(ParquetReadOptions.DEFAULT.withParallel(parallel))) {
      return table.rowCount();
    }
  }

  @Benchmark
  public long twoColumns() {
    try (ParquetTable table = read(ParquetReadOptions.DEFAULT.withParallel(parallel)
        .withColumns(List.of("price", "name")))) {
      return table.rowCount();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    allocator.close();
    Files.deleteIfExists(file);
  }
}
