package dev.floe.jmh;

import dev.floe.kernels.FilterKernels;
import dev.floe.kernels.scalar.FilterScalar;
import dev.floe.kernels.simd.FilterSimd;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
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
 * Filtering 8-byte values (Int64 / Float64 bits) by a random mask of 1%, 50% and 99% selectivity,
 * SIMD kernel (compress) and scalar twin called directly in the same run into a preallocated
 * output. Quote against BandwidthBenchmark at the same rows.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class FilterBenchmark {
  @Param({"65536", "8388608"})
  public int rows;

  @Param({"INT64", "FLOAT64"})
  public String type;

  @Param({"0.01", "0.5", "0.99"})
  public double selectivity;

  private BufferAllocator allocator;
  private Buffer valuesBuffer;
  private Buffer maskBuffer;
  private Buffer outBuffer;
  private MemorySegment values;
  private MemorySegment mask;
  private MemorySegment out;

  @Setup(Level.Trial)
  public void setUp() {
    allocator = BufferAllocator.newRoot("filter", Long.MAX_VALUE);
    valuesBuffer = allocator.allocate((long) rows * 8);
    maskBuffer = allocator.allocateZeroed(((rows + 63L) >>> 6) << 3);
    outBuffer = allocator.allocate((long) rows * 8 + 64);
    values = valuesBuffer.segment();
    mask = maskBuffer.segment();
    out = outBuffer.segment();
    Random random = new Random(42);
    long expectedCount = 0;
    for (int row = 0; row < rows; row++) {
      if (type.equals("INT64")) {
        values.setAtIndex(ValueLayout.JAVA_LONG, row, random.nextLong());
      } else {
        values.setAtIndex(ValueLayout.JAVA_DOUBLE, row, random.nextGaussian());
      }
      if (random.nextDouble() < selectivity) {
        Bitmaps.set(mask, row);
        expectedCount++;
      }
    }
    int scalarCount = scalar();
    long[] scalarValues = out.asSlice(0, scalarCount * 8L).toArray(ValueLayout.JAVA_LONG);
    int simdCount = simd();
    long[] simdValues = out.asSlice(0, simdCount * 8L).toArray(ValueLayout.JAVA_LONG);
    if (scalarCount != expectedCount || simdCount != expectedCount
        || !java.util.Arrays.equals(scalarValues, simdValues)) {
      throw new IllegalStateException("SIMD and scalar filter disagree");
    }
    for (int row = 0, position = 0; row < rows; row++) {
      if (Bitmaps.get(mask, row)) {
        if (simdValues[position++] != values.getAtIndex(ValueLayout.JAVA_LONG, row)) {
          throw new IllegalStateException("wrong value at row " + row);
        }
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    valuesBuffer.release();
    maskBuffer.release();
    outBuffer.release();
    allocator.close();
  }

  private int run(FilterKernels kernels) {
    return kernels.filterLongs(values, 0, mask, 0, rows, out);
  }

  @Benchmark
  public int simd() {
    return run(FilterSimd.INSTANCE);
  }

  @Benchmark
  public int scalar() {
    return run(FilterScalar.INSTANCE);
  }
}
