package dev.floe.jmh;

import dev.floe.kernels.simd.Bandwidth;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
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
 * The single-thread memory yardstick other kernel benchmarks are quoted against in the same run:
 * reading {@code rows} off-heap longs (a plain scalar sum, and a 4-accumulator {@code LongVector}
 * sum, {@link Bandwidth#readLongs}) and copying them ({@code MemorySegment.copy}). Bytes per op:
 * {@code 8 * rows} read (copy: plus as many written). 64K rows (512 KiB) sit in L2; 8M rows (64
 * MiB) stream from memory.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class BandwidthBenchmark {
  @Param({"65536", "8388608"})
  public int rows;

  private BufferAllocator allocator;
  private Buffer source;
  private Buffer target;
  private MemorySegment values;
  private MemorySegment copy;

  @Setup(Level.Trial)
  public void setUp() {
    allocator = BufferAllocator.newRoot("bandwidth", Long.MAX_VALUE);
    source = allocator.allocate((long) rows * 8);
    target = allocator.allocate((long) rows * 8);
    values = source.segment().asSlice(0, (long) rows * 8);
    copy = target.segment().asSlice(0, (long) rows * 8);
    long expected = 0;
    for (int row = 0; row < rows; row++) {
      values.setAtIndex(ValueLayout.JAVA_LONG, row, row * 31L - 7);
      expected += row * 31L - 7;
    }
    if (scalarRead() != expected || vectorRead() != expected) {
      throw new IllegalStateException("bandwidth sums disagree with " + expected);
    }
    copy();
    if (copy.mismatch(values) != -1) {
      throw new IllegalStateException("copy differs");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    source.release();
    target.release();
    allocator.close();
  }

  /** A plain loop; C2 unrolls and vectorises integer sums on its own. */
  @Benchmark
  public long scalarRead() {
    long sum = 0;
    MemorySegment segment = values;
    long count = segment.byteSize() >>> 3;
    for (long index = 0; index < count; index++) {
      sum += segment.getAtIndex(ValueLayout.JAVA_LONG, index);
    }
    return sum;
  }

  @Benchmark
  public long vectorRead() {
    return Bandwidth.readLongs(values);
  }

  @Benchmark
  public MemorySegment copy() {
    MemorySegment.copy(values, 0, copy, 0, values.byteSize());
    return copy;
  }
}
