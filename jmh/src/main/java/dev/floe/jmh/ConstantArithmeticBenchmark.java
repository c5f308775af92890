package dev.floe.jmh;

import dev.floe.kernels.simd.ArithmeticSimd;
import dev.floe.kernels.simd.ConstantArithmeticSimd;
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

/**
 * {@code x * 2.0} over a Float64 column, a block of 2,048 rows at a time into one L1-resident
 * block (as {@code ArithmeticProgram} runs it): the column-column kernel against a block filled
 * with the constant (how a program ran a constant operand before), and the broadcast-constant
 * kernel with the constant in a register (how it runs now). Setup checks both against {@code x *
 * 2.0} row by row; each invocation returns the last block's first value.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class ConstantArithmeticBenchmark {
  private static final int BLOCK = 2048;

  /** 65,536 rows stay in L2; 8M rows (64 MB) come from memory. */
  @Param({"65536", "8388608"})
  public int rows;

  private BufferAllocator allocator;
  private Buffer column;
  private Buffer constantBlock;
  private Buffer out;

  @Setup(Level.Trial)
  public void setUp() {
    allocator = BufferAllocator.newRoot("constant-arithmetic-benchmark", Long.MAX_VALUE);
    column = allocator.allocate((long) rows * 8);
    constantBlock = allocator.allocate(BLOCK * 8L);
    out = allocator.allocate(BLOCK * 8L);
    SplittableRandom random = new SplittableRandom(11);
    for (int row = 0; row < rows; row++) {
      column.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, row, random.nextDouble(-100, 100));
    }
    for (int row = 0; row < BLOCK; row++) {
      constantBlock.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, row, 2.0);
    }
    for (boolean broadcast : new boolean[] {false, true}) {
      for (int start = 0; start < rows; start += BLOCK) {
        int length = Math.min(BLOCK, rows - start);
        block(broadcast, start, length);
        for (int row = 0; row < length; row++) {
          double expected = column.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, start + row) * 2.0;
          if (out.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, row) != expected) {
            throw new IllegalStateException((broadcast ? "broadcast" : "block") + " x * 2 is wrong at row "
                + (start + row));
          }
        }
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    column.release();
    constantBlock.release();
    out.release();
    allocator.close();
  }

  @Benchmark
  public double constantBlock() {
    return run(false);
  }

  @Benchmark
  public double constantInRegister() {
    return run(true);
  }

  private double run(boolean broadcast) {
    for (int start = 0; start < rows; start += BLOCK) {
      block(broadcast, start, Math.min(BLOCK, rows - start));
    }
    return out.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, 0);
  }

  private void block(boolean broadcast, int start, int length) {
    MemorySegment target = out.segment();
    if (broadcast) {
      ConstantArithmeticSimd.mulDouble(column.segment(), start, 2.0, target, 0, length);
    } else {
      ArithmeticSimd.mulDouble(column.segment(), start, constantBlock.segment(), 0, target, 0, length);
    }
  }
}
