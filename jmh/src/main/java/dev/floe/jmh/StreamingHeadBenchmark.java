package dev.floe.jmh;

import static dev.floe.Floe.col;

import dev.floe.CollectOptions;
import dev.floe.DataFrame;
import dev.floe.Floe;
import dev.floe.LazyFrame;
import dev.floe.Series;
import dev.floe.io.parquet.ParquetWriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * Early stop of a streaming scan (issue 5): {@code filter(a > 990).head(10)} over a Parquet file
 * of {@code rows} rows in row groups of 100,000 (int64 a uniform in [0, 1000), so statistics prune
 * nothing; float64 b). {@code stream} is the lazy scan, which stops pulling row groups once it has
 * ten rows; {@code wholeRead} is what the engine did before streaming: read the whole file, then
 * run the query over it. Each invocation checks the ten values of b against setup's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "-Xmx4g"})
public class StreamingHeadBenchmark {
  @Param({"10000000"})
  public int rows;

  @Param({"stream", "wholeRead"})
  public String read;

  private Path file;
  private List<Object> expected;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    long[] a = new long[rows];
    double[] b = new double[rows];
    expected = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      a[row] = random.nextInt(1000);
      b[row] = random.nextInt(10_000) / 100.0;
      if (a[row] > 990 && expected.size() < 10) {
        expected.add(b[row]);
      }
    }
    file = Files.createTempFile("floe-streaming-head", ".parquet");
    try (DataFrame frame = DataFrame.of(Series.ofLongs("a", a), Series.ofDoubles("b", b))) {
      frame.writeParquet(file, ParquetWriteOptions.DEFAULT.withRowGroupSize(100_000));
    }
    check(headOfFilter());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public List<Object> headOfFilter() {
    List<Object> values;
    if (read.equals("stream")) {
      values = firstTen(Floe.scanParquet(file.toString()));
    } else {
      try (DataFrame whole = Floe.readParquet(file)) {
        values = firstTen(whole.lazy());
      }
    }
    return check(values);
  }

  private static List<Object> firstTen(LazyFrame source) {
    LazyFrame query = source.filter(col("a").gt(990)).select("b").head(10);
    try (DataFrame result = query.collect(CollectOptions.DEFAULT)) {
      return result.column("b").toList();
    }
  }

  private List<Object> check(List<Object> values) {
    if (!values.equals(expected)) {
      throw new IllegalStateException("first values of b " + values + ", expected " + expected);
    }
    return values;
  }
}
