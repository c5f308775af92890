package dev.floe.jmh;

import dev.floe.kernels.scalar.AggregateScalar;
import dev.floe.kernels.simd.AggregateSimd;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Sum and min of Int64 / Float64 columns, SIMD kernels against their scalar twins in the same run:
 * no nulls (the dense loop) and 10% random nulls (the masked loop, one validity word per 64 rows).
 * Bytes read per op: {@code 8 * rows} (+ {@code rows / 8} of validity). 64K rows sit in L2, 8M rows
 * (64 MiB) stream from memory; compare with {@link BandwidthBenchmark} in the same run. Setup checks
 * the answers: SIMD equals scalar (Float64 sums within the summation bound) and a plain reference.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class AggregateBenchmark {
  @Param({"INT64", "FLOAT64"})
  public String type;

  @Param({"0", "10"})
  public int nullPercent;

  @Param({"65536", "8388608"})
  public int rows;

  private BufferAllocator allocator;
  private Buffer valuesBuffer;
  private Buffer validityBuffer;
  private MemorySegment values;
  private MemorySegment validity;
  private boolean doubles;

  @Setup(Level.Trial)
  public void setUp() {
    allocator = BufferAllocator.newRoot("aggregate-benchmark", Long.MAX_VALUE);
    valuesBuffer = allocator.allocate((long) rows * 8);
    validityBuffer = allocator.allocateZeroed(Bitmaps.bytesFor(rows));
    values = valuesBuffer.segment();
    validity = validityBuffer.segment();
    doubles = type.equals("FLOAT64");
    SplittableRandom random = new SplittableRandom(42);
    long longSum = 0;
    double doubleSum = 0;
    double magnitudes = 0;
    long longMin = Long.MAX_VALUE;
    double doubleMin = Double.POSITIVE_INFINITY;
    for (int row = 0; row < rows; row++) {
      boolean valid = random.nextInt(100) >= nullPercent;
      long longValue = random.nextLong(-1_000_000_000L, 1_000_000_000L);
      double doubleValue = random.nextDouble(-1000, 1000);
      if (doubles) {
        values.setAtIndex(ValueLayout.JAVA_DOUBLE, row, doubleValue);
      } else {
        values.setAtIndex(ValueLayout.JAVA_LONG, row, longValue);
      }
      if (valid) {
        Bitmaps.set(validity, row);
        longSum += longValue;
        longMin = Math.min(longMin, longValue);
        doubleSum += doubleValue;
        magnitudes += Math.abs(doubleValue);
        doubleMin = Math.min(doubleMin, doubleValue);
      }
    }
    if (doubles) {
      double bound = rows * Math.ulp(1.0) * magnitudes;
      double simdSum = nullPercent == 0 ? AggregateSimd.sumDouble(values, 0, rows)
          : AggregateSimd.sumDoubleMasked(values, validity, 0, rows);
      double scalarSum = nullPercent == 0 ? AggregateScalar.sumDouble(values, 0, rows)
          : AggregateScalar.sumDoubleMasked(values, validity, 0, rows);
      double simdMin = nullPercent == 0 ? AggregateSimd.minDouble(values, 0, rows)
          : AggregateSimd.minDoubleMasked(values, validity, 0, rows);
      double scalarMin = nullPercent == 0 ? AggregateScalar.minDouble(values, 0, rows)
          : AggregateScalar.minDoubleMasked(values, validity, 0, rows);
      if (Math.abs(simdSum - doubleSum) > bound || Math.abs(scalarSum - doubleSum) > bound
          || simdMin != doubleMin || scalarMin != doubleMin) {
        throw new IllegalStateException("Float64 aggregates disagree with the reference");
      }
    } else if ((nullPercent == 0 ? AggregateSimd.sumLong(values, 0, rows)
            : AggregateSimd.sumLongMasked(values, validity, 0, rows)) != longSum
        || (nullPercent == 0 ? AggregateScalar.sumLong(values, 0, rows)
            : AggregateScalar.sumLongMasked(values, validity, 0, rows)) != longSum
        || (nullPercent == 0 ? AggregateSimd.minLong(values, 0, rows)
            : AggregateSimd.minLongMasked(values, validity, 0, rows)) != longMin
        || (nullPercent == 0 ? AggregateScalar.minLong(values, 0, rows)
            : AggregateScalar.minLongMasked(values, validity, 0, rows)) != longMin) {
      throw new IllegalStateException("Int64 aggregates disagree with the reference");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    valuesBuffer.release();
    validityBuffer.release();
    allocator.close();
  }

  @Benchmark
  public void sumSimd(Blackhole blackhole) {
    if (doubles) {
      blackhole.consume(nullPercent == 0
          ? AggregateSimd.sumDouble(values, 0, rows)
          : AggregateSimd.sumDoubleMasked(values, validity, 0, rows));
      return;
    }
    blackhole.consume(nullPercent == 0
        ? AggregateSimd.sumLong(values, 0, rows)
        : AggregateSimd.sumLongMasked(values, validity, 0, rows));
  }

  @Benchmark
  public void sumScalar(Blackhole blackhole) {
    if (doubles) {
      blackhole.consume(nullPercent == 0
          ? AggregateScalar.sumDouble(values, 0, rows)
          : AggregateScalar.sumDoubleMasked(values, validity, 0, rows));
      return;
    }
    blackhole.consume(nullPercent == 0
        ? AggregateScalar.sumLong(values, 0, rows)
        : AggregateScalar.sumLongMasked(values, validity, 0, rows));
  }

  @Benchmark
  public void minSimd(Blackhole blackhole) {
    if (doubles) {
      blackhole.consume(nullPercent == 0
          ? AggregateSimd.minDouble(values, 0, rows)
          : AggregateSimd.minDoubleMasked(values, validity, 0, rows));
      return;
    }
    blackhole.consume(nullPercent == 0
        ? AggregateSimd.minLong(values, 0, rows)
        : AggregateSimd.minLongMasked(values, validity, 0, rows));
  }

  @Benchmark
  public void minScalar(Blackhole blackhole) {
    if (doubles) {
      blackhole.consume(nullPercent == 0
          ? AggregateScalar.minDouble(values, 0, rows)
          : AggregateScalar.minDoubleMasked(values, validity, 0, rows));
      return;
    }
    blackhole.consume(nullPercent == 0
        ? AggregateScalar.minLong(values, 0, rows)
        : AggregateScalar.minLongMasked(values, validity, 0, rows));
  }
}
