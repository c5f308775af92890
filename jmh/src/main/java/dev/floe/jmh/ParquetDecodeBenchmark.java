package dev.floe.jmh;

import static dev.floe.jmh.AllocatorBenchmark.check;

import dev.floe.io.parquet.decode.ByteStreamSplit;
import dev.floe.io.parquet.decode.DeltaBinaryPacked;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.bytestreamsplit.ByteStreamSplitValuesReaderForDouble;
import org.apache.parquet.column.values.bytestreamsplit.ByteStreamSplitValuesWriter;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesReader;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
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
 * Decoding one Parquet page of {@link #rows} values from off-heap bytes into an off-heap buffer:
 * DELTA_BINARY_PACKED INT64 (timestamp-like values, steps of 1000 +- 500, so ~10-bit miniblocks;
 * and random 64-bit values, 64-bit miniblocks) and BYTE_STREAM_SPLIT DOUBLE. Pages are written by
 * parquet-mr 1.18.1 (blocks of 128 values in 4 miniblocks). Same-run peers: parquet-mr's own
 * readers filling a heap {@code long[]} / {@code double[]}, and a plain copy of the decoded size.
 * Scores are us/op: ns/value = 1000 * score / rows.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class ParquetDecodeBenchmark {
  private static final ValueLayout.OfLong LONG_LE =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  @Param({"1048576"})
  public int rows;

  private Arena arena;
  private long[] steps;
  private long[] random;
  private double[] doubles;
  private byte[] stepsPage;
  private byte[] randomPage;
  private byte[] doublesPage;
  private MemorySegment stepsSegment;
  private MemorySegment randomSegment;
  private MemorySegment doublesSegment;
  private MemorySegment out;
  private MemorySegment plain;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    arena = Arena.ofShared();
    SplittableRandom rnd = new SplittableRandom(42);
    steps = new long[rows];
    random = new long[rows];
    doubles = new double[rows];
    long t = 1_700_000_000_000_000L;
    var stepWriter = new DeltaBinaryPackingValuesWriterForLong(128, 4, 64, 1 << 20, HEAP);
    var randomWriter = new DeltaBinaryPackingValuesWriterForLong(128, 4, 64, 1 << 20, HEAP);
    var doubleWriter = new ByteStreamSplitValuesWriter.DoubleByteStreamSplitValuesWriter(64, 1 << 20, HEAP);
    for (int i = 0; i < rows; i++) {
      t += 500 + rnd.nextInt(1000);
      steps[i] = t;
      random[i] = rnd.nextLong();
      doubles[i] = 20 + rnd.nextGaussian() * 5;
      stepWriter.writeLong(steps[i]);
      randomWriter.writeLong(random[i]);
      doubleWriter.writeDouble(doubles[i]);
    }
    stepsPage = bytes(stepWriter);
    randomPage = bytes(randomWriter);
    doublesPage = bytes(doubleWriter);
    stepsSegment = offHeap(stepsPage);
    randomSegment = offHeap(randomPage);
    doublesSegment = offHeap(doublesPage);
    out = arena.allocate(8L * rows, 64);
    plain = arena.allocate(8L * rows, 64);
    check(deltaSteps() == stepsSegment.byteSize(), "steps consumed");
    check(out.get(LONG_LE, 8L * (rows - 1)) == steps[rows - 1], "last step");
    verify(steps);
    deltaRandom();
    verify(random);
    byteStreamSplitDouble();
    for (int i = 0; i < rows; i += i < 100 ? 1 : 997) {
      check(Double.longBitsToDouble(out.get(LONG_LE, 8L * i)) == doubles[i], "double " + i);
    }
    check(parquetMrDelta() == sum(steps), "parquet-mr delta");
    check(parquetMrDoubles() == sumOf(doubles), "parquet-mr doubles");
  }

  private void verify(long[] expected) {
    for (int i = 0; i < rows; i += i < 300 ? 1 : 997) {
      check(out.get(LONG_LE, 8L * i) == expected[i], "value " + i);
    }
    check(out.get(LONG_LE, 8L * (rows - 1)) == expected[rows - 1], "last value");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    arena.close();
  }

  @Benchmark
  public long deltaSteps() {
    return DeltaBinaryPacked.decodeInt64(stepsSegment, 0, stepsSegment.byteSize(), rows, out, 0, "bench");
  }

  @Benchmark
  public long deltaRandom() {
    return DeltaBinaryPacked.decodeInt64(randomSegment, 0, randomSegment.byteSize(), rows, out, 0, "bench");
  }

  @Benchmark
  public long byteStreamSplitDouble() {
    ByteStreamSplit.decode(doublesSegment, 0, doublesSegment.byteSize(), rows, 8, out, 0, "bench");
    return out.get(LONG_LE, 0);
  }

  /** Peer: a copy of the decoded size (8 bytes per value), the memory-bandwidth floor. */
  @Benchmark
  public long copyDecodedSize() {
    MemorySegment.copy(out, 0, plain, 0, 8L * rows);
    return plain.get(LONG_LE, 0);
  }

  /** Peer: parquet-mr's DELTA_BINARY_PACKED reader on the same steps page, into a heap array. */
  @Benchmark
  public long parquetMrDelta() throws IOException {
    var reader = new DeltaBinaryPackingValuesReader();
    reader.initFromPage(rows, ByteBufferInputStream.wrap(ByteBuffer.wrap(stepsPage)));
    long[] values = new long[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = reader.readLong();
    }
    return sum(values);
  }

  /** Peer: parquet-mr's BYTE_STREAM_SPLIT double reader on the same page, into a heap array. */
  @Benchmark
  public double parquetMrDoubles() throws IOException {
    var reader = new ByteStreamSplitValuesReaderForDouble();
    reader.initFromPage(rows, ByteBufferInputStream.wrap(ByteBuffer.wrap(doublesPage)));
    double[] values = new double[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = reader.readDouble();
    }
    return sumOf(values);
  }

  private static final HeapByteBufferAllocator HEAP = new HeapByteBufferAllocator();

  private static long sum(long[] values) {
    long s = 0;
    for (long v : values) {
      s += v;
    }
    return s;
  }

  private static double sumOf(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  @SuppressWarnings("deprecation") // BytesInput.toByteArray: the page is read whole once
  private static byte[] bytes(ValuesWriter writer) throws IOException {
    try {
      return writer.getBytes().toByteArray();
    } finally {
      writer.close();
    }
  }

  private MemorySegment offHeap(byte[] bytes) {
    MemorySegment segment = arena.allocate(bytes.length, 64);
    MemorySegment.copy(bytes, 0, segment, ValueLayout.JAVA_BYTE, 0, bytes.length);
    return segment;
  }
}
