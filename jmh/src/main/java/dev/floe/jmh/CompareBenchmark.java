package dev.floe.jmh;

import dev.floe.kernels.BooleanOpsKernels;
import dev.floe.kernels.CompareKernels;
import dev.floe.kernels.scalar.BooleanOpsScalar;
import dev.floe.kernels.scalar.CompareScalar;
import dev.floe.kernels.simd.BooleanOpsSimd;
import dev.floe.kernels.simd.CompareSimd;
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
 * {@code x > c} over Int64 / Float64 to a bitmap (about half the rows pass), SIMD kernel and its
 * scalar twin called directly in the same run. With nulls (10%), the validity is folded into the
 * result word-wise afterwards (what the facade's output carries). Output buffers are preallocated:
 * the kernels themselves allocate nothing (check {@code -prof gc}). Quote against
 * BandwidthBenchmark.vectorRead at the same rows: bytes read per op = {@code 8 * rows}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class CompareBenchmark {
  @Param({"65536", "8388608"})
  public int rows;

  @Param({"INT64", "FLOAT64"})
  public String type;

  @Param({"0.0", "0.1"})
  public double nulls;

  private BufferAllocator allocator;
  private Buffer valuesBuffer;
  private Buffer validityBuffer;
  private Buffer outBuffer;
  private MemorySegment values;
  private MemorySegment validity;
  private MemorySegment out;
  private boolean isLong;

  @Setup(Level.Trial)
  public void setUp() {
    allocator = BufferAllocator.newRoot("compare", Long.MAX_VALUE);
    isLong = type.equals("INT64");
    valuesBuffer = allocator.allocate((long) rows * 8);
    validityBuffer = allocator.allocateZeroed(((rows + 63L) >>> 6) << 3);
    outBuffer = allocator.allocate(((rows + 63L) >>> 6) << 3);
    values = valuesBuffer.segment();
    validity = nulls > 0 ? validityBuffer.segment() : null;
    out = outBuffer.segment();
    Random random = new Random(42);
    for (int row = 0; row < rows; row++) {
      long value = random.nextLong(1_000_000);
      if (isLong) {
        values.setAtIndex(ValueLayout.JAVA_LONG, row, value);
      } else {
        values.setAtIndex(ValueLayout.JAVA_DOUBLE, row, value / 7.0);
      }
      if (random.nextDouble() >= nulls) {
        Bitmaps.set(validityBuffer.segment(), row);
      }
    }
    checkAnswer();
  }

  private void checkAnswer() {
    run(CompareScalar.INSTANCE, BooleanOpsScalar.INSTANCE);
    long[] scalar = out.asSlice(0, ((rows + 63L) >>> 6) << 3).toArray(ValueLayout.JAVA_LONG);
    run(CompareSimd.INSTANCE, BooleanOpsSimd.INSTANCE);
    long[] simd = out.asSlice(0, ((rows + 63L) >>> 6) << 3).toArray(ValueLayout.JAVA_LONG);
    if (!java.util.Arrays.equals(scalar, simd)) {
      throw new IllegalStateException("SIMD and scalar compare disagree");
    }
    for (int row = 0; row < rows; row += 997) {
      boolean expected = (validity == null || Bitmaps.get(validity, row))
          && (isLong ? values.getAtIndex(ValueLayout.JAVA_LONG, row) > 500_000
              : values.getAtIndex(ValueLayout.JAVA_DOUBLE, row) > 500_000 / 7.0);
      if (Bitmaps.get(out, row) != expected) {
        throw new IllegalStateException("wrong bit at row " + row);
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    valuesBuffer.release();
    validityBuffer.release();
    outBuffer.release();
    allocator.close();
  }

  private MemorySegment run(CompareKernels kernels, BooleanOpsKernels bits) {
    if (isLong) {
      kernels.gtLong(values, 0, rows, 500_000L, out);
    } else {
      kernels.gtDouble(values, 0, rows, 500_000 / 7.0, out);
    }
    if (validity != null) {
      bits.and(out, 0, validity, 0, rows, out);
    }
    return out;
  }

  @Benchmark
  public MemorySegment simd() {
    return run(CompareSimd.INSTANCE, BooleanOpsSimd.INSTANCE);
  }

  @Benchmark
  public MemorySegment scalar() {
    return run(CompareScalar.INSTANCE, BooleanOpsScalar.INSTANCE);
  }
}
