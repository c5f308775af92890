package dev.floe.jmh;

import dev.floe.DataFrame;
import dev.floe.Series;
import dev.floe.io.parquet.ParquetCompression;
import dev.floe.io.parquet.ParquetWriteOptions;
import dev.floe.memory.BufferAllocator;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Writing a Parquet file of 1M or 2M rows (an Int64 id, a Float64 price, a Utf8 category with
 * 1,000 distinct values and a Utf8 of distinct values) with Polars' defaults: ZSTD level 3,
 * statistics, dictionaries, 512^2-row groups, 1 MiB pages; and the same uncompressed without
 * dictionaries (the cost of the encoding path without the codec). Setup checks that the output is
 * a complete Parquet file (magic at both ends). Compare with {@code polars.DataFrame.write_parquet}
 * of the same frame (printed by PolarsSideBySide-style scripts, not here).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class ParquetWriteBenchmark {
  @Param({"1048576", "2097152"})
  public int rows;

  private BufferAllocator allocator;
  private Path directory;
  private Path file;
  private DataFrame frame;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    allocator = BufferAllocator.newRoot("parquet-write-benchmark", Long.MAX_VALUE);
    directory = Files.createTempDirectory("floe-parquet-bench");
    file = directory.resolve("data.parquet");
    long[] ids = new long[rows];
    double[] prices = new double[rows];
    String[] categories = new String[rows];
    String[] names = new String[rows];
    for (int row = 0; row < rows; row++) {
      ids[row] = row * 7L;
      prices[row] = (row % 10_000) * 0.25;
      categories[row] = "category-" + (row * 31 % 1000);
      names[row] = "name-" + row;
    }
    frame = BufferAllocator.callWith(allocator, () -> DataFrame.of(Series.ofLongs("id", ids),
        Series.ofDoubles("price", prices), Series.ofStrings("category", categories), Series.ofStrings("name", names)));
    writeDefault();
    try (RandomAccessFile written = new RandomAccessFile(file.toFile(), "r")) {
      byte[] head = new byte[4];
      byte[] tail = new byte[4];
      written.readFully(head);
      written.seek(written.length() - 4);
      written.readFully(tail);
      if (!new String(head, "US-ASCII").equals("PAR1") || !new String(tail, "US-ASCII").equals("PAR1")) {
        throw new IllegalStateException("the Parquet writer did not produce a complete file");
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    frame.close();
    Files.deleteIfExists(file);
    Files.deleteIfExists(directory);
    allocator.close();
  }

  /** Polars' defaults: ZSTD 3, statistics, dictionary encoding with plain fallback. */
  @Benchmark
  public long writeDefault() throws IOException {
    BufferAllocator.callWith(allocator, () -> {
      frame.writeParquet(file);
      return null;
    });
    return Files.size(file);
  }

  /** No codec and no dictionary: levels, plain encoding, statistics and the file. */
  @Benchmark
  public long writePlainUncompressed() throws IOException {
    BufferAllocator.callWith(allocator, () -> {
      frame.writeParquet(file, ParquetWriteOptions.DEFAULT.withCompression(ParquetCompression.UNCOMPRESSED)
          .withDictionary(false));
      return null;
    });
    return Files.size(file);
  }
}
