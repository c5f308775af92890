package dev.floe.jmh;

import dev.floe.kernels.Arithmetic;
import dev.floe.kernels.ArithmeticOp;
import dev.floe.kernels.ArithmeticProgram;
import dev.floe.kernels.scalar.ArithmeticScalar;
import dev.floe.kernels.simd.ArithmeticSimd;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
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
 * {@code a * b + c} over Int64 and Float64 columns without nulls: the SIMD kernels and their scalar
 * twins into preallocated buffers (two passes: t = a * b, out = t + c; 4 reads + 2 writes of 8
 * bytes per row), the fused program ({@link ArithmeticProgram}: one pass over blocks, 3 reads + 1
 * write per row, result allocated) with either implementation, and the facade ({@link
 * Arithmetic#binary}, which also allocates both results).
 * Setup checks every path against a scalar reference.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class ArithmeticBenchmark {
  @Param({"INT64", "FLOAT64"})
  public String type;

  @Param({"65536", "8388608"})
  public int rows;

  private BufferAllocator allocator;
  private FixedWidthColumn a;
  private FixedWidthColumn b;
  private FixedWidthColumn c;
  private Buffer temporary;
  private Buffer result;
  private DataType dataType;

  @Setup(Level.Trial)
  public void setUp() {
    allocator = BufferAllocator.newRoot("arithmetic-benchmark", Long.MAX_VALUE);
    dataType = type.equals("FLOAT64") ? DataType.FLOAT64 : DataType.INT64;
    SplittableRandom random = new SplittableRandom(7);
    a = column(random);
    b = column(random);
    c = column(random);
    temporary = allocator.allocate((long) rows * 8);
    result = allocator.allocate((long) rows * 8);
    kernelsSimd();
    check(result.segment(), "SIMD");
    kernelsScalar();
    check(result.segment(), "scalar");
    try (Column column = facade()) {
      check(((FixedWidthColumn) column).valuesBuffer().segment(), "facade");
    }
    for (boolean simd : new boolean[] {true, false}) {
      try (Column column = fusedColumn(simd)) {
        check(((FixedWidthColumn) column).valuesBuffer().segment(), "fused simd=" + simd);
      }
    }
  }

  private FixedWidthColumn column(SplittableRandom random) {
    Buffer values = allocator.allocate((long) rows * 8);
    for (int row = 0; row < rows; row++) {
      if (dataType == DataType.FLOAT64) {
        values.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, row, random.nextDouble(-100, 100));
      } else {
        values.segment().setAtIndex(ValueLayout.JAVA_LONG, row, random.nextLong());
      }
    }
    return new FixedWidthColumn(dataType, 0, rows, 0, null, values);
  }

  private void check(MemorySegment out, String what) {
    for (int row = 0; row < rows; row++) {
      boolean ok = dataType == DataType.FLOAT64
          ? out.getAtIndex(ValueLayout.JAVA_DOUBLE, row)
              == a.getDouble(row) * b.getDouble(row) + c.getDouble(row)
          : out.getAtIndex(ValueLayout.JAVA_LONG, row) == a.getLong(row) * b.getLong(row) + c.getLong(row);
      if (!ok) {
        throw new IllegalStateException(what + " a * b + c is wrong at row " + row);
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    a.close();
    b.close();
    c.close();
    temporary.release();
    result.release();
    allocator.close();
  }

  @Benchmark
  public MemorySegment kernelsSimd() {
    return run(true);
  }

  @Benchmark
  public MemorySegment kernelsScalar() {
    return run(false);
  }

  private MemorySegment run(boolean simd) {
    MemorySegment t = temporary.segment();
    MemorySegment out = result.segment();
    MemorySegment left = a.valuesBuffer().segment();
    MemorySegment right = b.valuesBuffer().segment();
    MemorySegment addend = c.valuesBuffer().segment();
    if (dataType == DataType.FLOAT64) {
      if (simd) {
        ArithmeticSimd.mulDouble(left, 0, right, 0, t, 0, rows);
        ArithmeticSimd.addDouble(t, 0, addend, 0, out, 0, rows);
      } else {
        ArithmeticScalar.mulDouble(left, 0, right, 0, t, 0, rows);
        ArithmeticScalar.addDouble(t, 0, addend, 0, out, 0, rows);
      }
    } else if (simd) {
      ArithmeticSimd.mulLong(left, 0, right, 0, t, 0, rows);
      ArithmeticSimd.addLong(t, 0, addend, 0, out, 0, rows);
    } else {
      ArithmeticScalar.mulLong(left, 0, right, 0, t, 0, rows);
      ArithmeticScalar.addLong(t, 0, addend, 0, out, 0, rows);
    }
    return out;
  }

  /** Fused: one pass over blocks of 2,048 rows (3 reads + 1 write per row), result allocated. */
  @Benchmark
  public long fusedSimd() {
    return fused(true);
  }

  @Benchmark
  public long fusedScalar() {
    return fused(false);
  }

  private long fused(boolean simd) {
    try (Column column = fusedColumn(simd)) {
      return column.length();
    }
  }

  private Column fusedColumn(boolean simd) {
    return ArithmeticProgram.run(
        List.of(new ArithmeticProgram.Load(a), new ArithmeticProgram.Load(b),
            new ArithmeticProgram.Apply(ArithmeticOp.MUL), new ArithmeticProgram.Load(c),
            new ArithmeticProgram.Apply(ArithmeticOp.ADD)),
        dataType, rows, allocator, simd);
  }

  /** Through the facade, allocating both results (as an expression evaluator would). */
  @Benchmark
  public long facadeAllocating() {
    try (Column product = Arithmetic.binary(a, b, ArithmeticOp.MUL, allocator);
        Column sum = Arithmetic.binary(product, c, ArithmeticOp.ADD, allocator)) {
      return sum.length();
    }
  }

  private Column facade() {
    try (Column product = Arithmetic.binary(a, b, ArithmeticOp.MUL, allocator)) {
      return Arithmetic.binary(product, c, ArithmeticOp.ADD, allocator);
    }
  }
}
