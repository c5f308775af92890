package dev.floe.jmh;

import dev.floe.kernels.Hash;
import dev.floe.kernels.scalar.HashScalar;
import dev.floe.kernels.simd.HashSimd;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
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

/**
 * 64-bit hashes of an Int64 column (rrmxmx per value, one read and one write of 8 bytes per row),
 * SIMD against the scalar twin into a preallocated buffer, and the facade (allocating the UInt64
 * result). Setup checks both against {@link HashScalar#mix} per row.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class HashBenchmark {
  @Param({"65536", "8388608"})
  public int rows;

  private BufferAllocator allocator;
  private FixedWidthColumn column;
  private Buffer out;

  @Setup(Level.Trial)
  public void setUp() {
    allocator = BufferAllocator.newRoot("hash-benchmark", Long.MAX_VALUE);
    Buffer values = allocator.allocate((long) rows * 8);
    SplittableRandom random = new SplittableRandom(3);
    for (int row = 0; row < rows; row++) {
      values.segment().setAtIndex(ValueLayout.JAVA_LONG, row, random.nextLong());
    }
    column = new FixedWidthColumn(DataType.INT64, 0, rows, 0, null, values);
    out = allocator.allocate((long) rows * 8);
    check(simd(), "SIMD");
    check(scalar(), "scalar");
    try (FixedWidthColumn hashes = Hash.hash64(column, allocator)) {
      check(hashes.valuesBuffer().segment(), "facade");
    }
  }

  private void check(MemorySegment hashes, String what) {
    for (int row = 0; row < rows; row++) {
      if (hashes.getAtIndex(ValueLayout.JAVA_LONG, row) != HashScalar.mix(column.getLong(row))) {
        throw new IllegalStateException(what + " hash is wrong at row " + row);
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    column.close();
    out.release();
    allocator.close();
  }

  @Benchmark
  public MemorySegment simd() {
    HashSimd.hashLongs(column.valuesBuffer().segment(), 0, rows, out.segment());
    return out.segment();
  }

  @Benchmark
  public MemorySegment scalar() {
    HashScalar.hashLongs(column.valuesBuffer().segment(), 0, rows, out.segment());
    return out.segment();
  }

  @Benchmark
  public long facadeAllocating() {
    try (FixedWidthColumn hashes = Hash.hash64(column, allocator)) {
      return hashes.length();
    }
  }
}
