package dev.floe.jmh;

import static dev.floe.Floe.col;

import dev.floe.CollectOptions;
import dev.floe.DataFrame;
import dev.floe.LazyFrame;
import dev.floe.Series;
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
 * The lazy engine's scaling (issue 5): {@code filter(a > t).select(b * 2).select(sum)} over an
 * in-memory frame of {@code rows} rows (int64 a uniform in [0, 1000), float64 b), collected with
 * 1 and 2 threads, and with morsels of 65,536 rows against one morsel per query (the per-morsel
 * scheduling overhead). Each invocation checks the sum against one computed in setup.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "-Xmx6g"})
public class LazyScalingBenchmark {
  @Param({"50000000"})
  public int rows;

  @Param({"1", "2"})
  public int threads;

  @Param({"65536", "2147483647"})
  public int morselRows;

  private DataFrame frame;
  private double expected;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    long[] a = new long[rows];
    double[] b = new double[rows];
    double sum = 0;
    for (int row = 0; row < rows; row++) {
      a[row] = random.nextInt(1000);
      b[row] = random.nextInt(10_000) / 100.0;
      if (a[row] > 500) {
        sum += b[row] * 2;
      }
    }
    expected = sum;
    frame = DataFrame.of(Series.ofLongs("a", a), Series.ofDoubles("b", b));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    frame.close();
  }

  @Benchmark
  public double filterProjectSum() {
    LazyFrame query = frame.lazy().filter(col("a").gt(500)).select(col("b").mul(2).alias("c"))
        .select(col("c").sum());
    try (DataFrame result = query.collect(CollectOptions.DEFAULT.withThreads(threads).withMorselRows(morselRows))) {
      double sum = (Double) result.row(0).getFirst();
      if (Math.abs(sum - expected) > 1e-6 * Math.abs(expected)) {
        throw new IllegalStateException("sum " + sum + ", expected " + expected);
      }
      return sum;
    }
  }
}
