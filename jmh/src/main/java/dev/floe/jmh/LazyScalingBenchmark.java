package dev.floe.jmh;

import static dev.floe.Floe.col;

import dev.floe.CollectOptions;
import dev.floe.DataFrame;
import dev.floe.LazyFrame;
import dev.floe.Series;
import dev.floe.kernels.simd.Bandwidth;
import dev.floe.memory.column.FixedWidthColumn;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
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
 *
 * <p>{@link #readInputs} is the machine's ceiling for the same shape of work: the same morsels of
 * {@code a} and {@code b} read (vector sums of their bytes, no engine, no filter, nothing written)
 * on a pool of {@code threads}. The query cannot scale better from 1 to 2 threads than this does
 * in the same run, since it must read the same bytes.
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
  private MemorySegment aValues;
  private MemorySegment bValues;
  private long expectedBytesSum;
  private ForkJoinPool pool;

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
    aValues = values("a");
    bValues = values("b");
    expectedBytesSum = Bandwidth.readLongs(aValues) + Bandwidth.readLongs(bValues);
    pool = new ForkJoinPool(threads);
  }

  private MemorySegment values(String name) {
    FixedWidthColumn column = (FixedWidthColumn) frame.column(name).chunks().getFirst();
    return column.valuesBuffer().segment().asSlice(column.offset() * 8L, column.length() * 8L);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.close();
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

  @Benchmark
  public long readInputs() {
    long step = Math.min(morselRows, rows) * 8L;
    List<ForkJoinTask<Long>> tasks = new ArrayList<>();
    for (long at = 0; at < rows * 8L; at += step) {
      long from = at;
      long bytes = Math.min(step, rows * 8L - at);
      tasks.add(pool.submit(() -> Bandwidth.readLongs(aValues.asSlice(from, bytes))
          + Bandwidth.readLongs(bValues.asSlice(from, bytes))));
    }
    long sum = 0;
    for (ForkJoinTask<Long> task : tasks) {
      sum += task.join();
    }
    if (sum != expectedBytesSum) {
      throw new IllegalStateException("read " + sum + ", expected " + expectedBytesSum);
    }
    return sum;
  }
}
