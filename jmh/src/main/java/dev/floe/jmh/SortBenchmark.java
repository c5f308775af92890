package dev.floe.jmh;

import dev.floe.CollectOptions;
import dev.floe.DataFrame;
import dev.floe.Series;
import dev.floe.SortOptions;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
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
 * The parallel stable sort (issue 6): a frame of {@code rows} rows sorted by one int64 key
 * (uniform over 2^40, few ties) or by two keys (int64 in [0, 1000), so many ties, then a random
 * float64), with 1 and 2 threads, through the lazy engine's sort (runs sorted per thread on
 * normalized composite keys, then merged). A payload column {@code id} (the input row) rides along,
 * so the sort is an argsort and a gather. Each invocation checks that the result is the stable
 * sort: keys in order, ids ascending among equal keys, and the ids a permutation of the rows.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "-Xmx8g"})
public class SortBenchmark {
  @Param({"100000", "10000000"})
  public int rows;

  @Param({"int64", "int64_float64"})
  public String keys;

  @Param({"1", "2"})
  public int threads;

  private DataFrame frame;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    long[] a = new long[rows];
    double[] b = new double[rows];
    long[] id = new long[rows];
    boolean two = keys.equals("int64_float64");
    for (int row = 0; row < rows; row++) {
      a[row] = two ? random.nextInt(1000) : random.nextLong(1L << 40) - (1L << 39);
      b[row] = random.nextInt(1_000_000) / 8.0 - 50_000;
      id[row] = row;
    }
    frame = DataFrame.of(Series.ofLongs("a", a), Series.ofDoubles("b", b), Series.ofLongs("id", id));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    frame.close();
  }

  @Benchmark
  public long sort() {
    boolean two = keys.equals("int64_float64");
    String[] by = two ? new String[] {"a", "b"} : new String[] {"a"};
    try (DataFrame sorted = frame.lazy().sort(SortOptions.DEFAULT, by)
        .collect(CollectOptions.DEFAULT.withThreads(threads))) {
      return check(sorted, two);
    }
  }

  /** Throws unless {@code sorted} is the stable sort of the frame; returns a checksum. */
  private long check(DataFrame sorted, boolean two) {
    long[] a = longs(sorted.column("a"));
    long[] id = longs(sorted.column("id"));
    double[] b = two ? doubles(sorted.column("b")) : null;
    if (a.length != rows) {
      throw new IllegalStateException(a.length + " rows, expected " + rows);
    }
    long idSum = 0;
    long checksum = 0;
    for (int row = 0; row < rows; row++) {
      idSum += id[row];
      checksum = checksum * 31 + id[row];
      if (row == 0) {
        continue;
      }
      int order = Long.compare(a[row - 1], a[row]);
      if (order == 0 && two) {
        order = Double.compare(b[row - 1], b[row]);
      }
      if (order > 0 || (order == 0 && id[row - 1] >= id[row])) {
        throw new IllegalStateException("not a stable sort at row " + row);
      }
    }
    if (idSum != (long) rows * (rows - 1) / 2) {
      throw new IllegalStateException("the ids are not a permutation of the rows");
    }
    return checksum;
  }

  private static long[] longs(Series series) {
    long[] values = new long[Math.toIntExact(series.len())];
    int at = 0;
    for (Column chunk : series.chunks()) {
      FixedWidthColumn fixed = (FixedWidthColumn) chunk;
      for (int row = 0; row < fixed.length(); row++) {
        values[at++] = fixed.getLong(row);
      }
    }
    return values;
  }

  private static double[] doubles(Series series) {
    double[] values = new double[Math.toIntExact(series.len())];
    int at = 0;
    for (Column chunk : series.chunks()) {
      FixedWidthColumn fixed = (FixedWidthColumn) chunk;
      for (int row = 0; row < fixed.length(); row++) {
        values[at++] = fixed.getDouble(row);
      }
    }
    return values;
  }
}
