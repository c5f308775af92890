package dev.floe.jmh;

import dev.floe.DataFrame;
import dev.floe.Floe;
import dev.floe.Series;
import dev.floe.memory.BufferAllocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A memory-mapped read of an uncompressed Arrow IPC file of four Int64/Float64 columns in 16
 * record batches, at 64K and 8M rows (2 MiB and 256 MiB of data): the time should be the same
 * for both (O(metadata): the columns are slices of the mapping, no byte of data is read or
 * copied), unlike a copying read ({@code memoryMap=false}), which grows with the data. Setup
 * checks the answer on the small file: the values read equal the values written.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class IpcReadBenchmark {
  @Param({"65536", "8388608"})
  public int rows;

  private BufferAllocator allocator;
  private Path directory;
  private Path file;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    allocator = BufferAllocator.newRoot("ipc-read-benchmark", Long.MAX_VALUE);
    directory = Files.createTempDirectory("floe-ipc-bench");
    file = directory.resolve("data.arrow");
    BufferAllocator.callWith(allocator, () -> {
      long[] ids = new long[rows];
      double[] prices = new double[rows];
      for (int row = 0; row < rows; row++) {
        ids[row] = row * 7L;
        prices[row] = row * 0.25;
      }
      try (DataFrame frame = DataFrame.of(
          Series.ofLongs("a", ids), Series.ofDoubles("b", prices),
          Series.ofLongs("c", ids), Series.ofDoubles("d", prices))) {
        frame.writeIpc(file, dev.floe.io.ipc.IpcWriteOptions.DEFAULT.withRecordBatchSize(rows / 16));
      }
      try (DataFrame read = Floe.readIpc(file)) {
        int last = rows - 1;
        if (read.height() != rows || !read.column("a").get(last).equals(last * 7L)
            || !read.column("d").get(last).equals(last * 0.25)) {
          throw new IllegalStateException("IPC read returned wrong values for " + rows + " rows");
        }
      }
      return null;
    });
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(directory);
    allocator.close();
  }

  /** Map, parse the footer and 16 record batches, build 64 zero-copy columns, close (unmap). */
  @Benchmark
  public long mmapRead() {
    return BufferAllocator.callWith(allocator, () -> {
      try (DataFrame frame = Floe.readIpc(file)) {
        return frame.height();
      }
    });
  }
}
