package dev.floe.jmh;

import static dev.floe.jmh.AllocatorBenchmark.check;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
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
 * Building an Int64 column of {@link #rows} values with 10% nulls (a random pattern fixed in setup)
 * through {@link FixedWidthBuilder#appendLong}/{@link FixedWidthBuilder#appendNull}, then closing it;
 * with the builder growing from its default capacity and presized. The same-run peer fills a heap
 * {@code long[]} and a {@code boolean[]} validity of the same length. Value {@code i} is {@code 3i}.
 * Scores are us/op: ns/row = 1000 * score / rows, M rows/s = rows / score. Target: 200 M rows/s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class Int64BuilderBenchmark {
  /**
   * 8 Mi rows (the target case), and one 64 Ki-row morsel, whose 512 KiB buffers the C allocator
   * recycles instead of mapping fresh pages for every column.
   */
  @Param({"8388608", "65536"})
  public int rows;

  private boolean[] isNull;
  private int expectedNulls;
  private BufferAllocator allocator;

  @Setup(Level.Trial)
  public void setUp() {
    isNull = new boolean[rows];
    SplittableRandom random = new SplittableRandom(42);
    for (int row = 0; row < rows; row++) {
      isNull[row] = random.nextInt(10) == 0;
      expectedNulls += isNull[row] ? 1 : 0;
    }
    allocator = BufferAllocator.newRoot("int64-builder", Long.MAX_VALUE);
    verify(build(new FixedWidthBuilder(DataType.INT64, allocator)));
    verify(build(new FixedWidthBuilder(DataType.INT64, allocator, rows)));
    verify(buildBranchFree());
    check(allocator.allocatedBytes() == 0, "leak after verification: " + allocator);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    allocator.close();
  }

  @Benchmark
  public int floeBuilderGrowing() {
    return buildAndClose(new FixedWidthBuilder(DataType.INT64, allocator));
  }

  @Benchmark
  public int floeBuilderPresized() {
    return buildAndClose(new FixedWidthBuilder(DataType.INT64, allocator, rows));
  }

  /** Presized, with the branch-free {@code appendLong(value, valid)} a decoder would call. */
  @Benchmark
  public int floeBuilderBranchFree() {
    try (FixedWidthColumn column = buildBranchFree()) {
      return column.length();
    }
  }

  FixedWidthColumn buildBranchFree() {
    try (FixedWidthBuilder builder = new FixedWidthBuilder(DataType.INT64, allocator, rows)) {
      boolean[] nulls = isNull;
      for (int row = 0; row < nulls.length; row++) {
        builder.appendLong(3L * row, !nulls[row]);
      }
      return builder.build();
    }
  }

  /** The JVM heap baseline: the same values and validity in plain arrays. */
  @Benchmark
  public long heapArrays() {
    long[] values = new long[rows];
    boolean[] valid = new boolean[rows];
    boolean[] nulls = isNull;
    for (int row = 0; row < values.length; row++) {
      if (nulls[row]) {
        values[row] = 0;
      } else {
        values[row] = 3L * row;
        valid[row] = true;
      }
    }
    return values[values.length - 1] + (valid[valid.length / 2] ? 1 : 0);
  }

  private int buildAndClose(FixedWidthBuilder builder) {
    try (FixedWidthColumn column = build(builder)) {
      return column.length();
    }
  }

  /** Appends the pattern, builds the column and closes the builder. */
  private FixedWidthColumn build(FixedWidthBuilder builder) {
    try (builder) {
      boolean[] nulls = isNull;
      for (int row = 0; row < nulls.length; row++) {
        if (nulls[row]) {
          builder.appendNull();
        } else {
          builder.appendLong(3L * row);
        }
      }
      return builder.build();
    }
  }

  /** Length, null count, and every 997th row (value or null) of the built column; closes it. */
  void verify(FixedWidthColumn column) {
    try (column) {
      check(column.length() == rows, "length " + column.length() + " != " + rows);
      check(column.nullCount() == expectedNulls, "nulls " + column.nullCount() + " != " + expectedNulls);
      for (int row = 0; row < rows; row += row < 130 ? 1 : 997) {
        check(column.isNull(row) == isNull[row], "null flag of row " + row);
        check(isNull[row] ? column.getObject(row) == null : column.getLong(row) == 3L * row,
            "value of row " + row + ": " + column.getObject(row));
      }
      check(column.isNull(rows - 1) == isNull[rows - 1], "null flag of the last row");
    }
  }

  int expectedNulls() {
    return expectedNulls;
  }
}
