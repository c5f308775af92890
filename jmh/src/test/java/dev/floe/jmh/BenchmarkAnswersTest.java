package dev.floe.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs each benchmark's setup (which checks its answers) and its methods on small data. */
class BenchmarkAnswersTest {

  @Test
  void allocatorBenchmarkAnswers() {
    for (long bytes : new long[] {64, 4096, 1 << 20}) {
      AllocatorBenchmark benchmark = new AllocatorBenchmark();
      benchmark.bytes = bytes;
      benchmark.setUp();
      benchmark.floeAllocateRelease();
      benchmark.floeAllocateZeroedRelease();
      benchmark.confinedArenaAllocateClose();
      benchmark.sharedArenaAllocateClose();
      benchmark.tearDown(); // closes the allocators: would throw on a leak
    }
  }

  @Test
  void int64BuilderBenchmarkAnswers() {
    for (int rows : new int[] {1, 63, 1025, 100_000}) {
      Int64BuilderBenchmark benchmark = new Int64BuilderBenchmark();
      benchmark.rows = rows;
      benchmark.setUp();
      assertThat(benchmark.floeBuilderGrowing()).isEqualTo(rows);
      assertThat(benchmark.floeBuilderPresized()).isEqualTo(rows);
      assertThat(benchmark.floeBuilderBranchFree()).isEqualTo(rows);
      benchmark.heapArrays();
      benchmark.tearDown();
    }
    Int64BuilderBenchmark tenPercent = new Int64BuilderBenchmark();
    tenPercent.rows = 100_000;
    tenPercent.setUp();
    assertThat(tenPercent.expectedNulls()).isBetween(9_000, 11_000);
    tenPercent.tearDown();
  }

  @Test
  void ipcReadBenchmarkAnswers() throws java.io.IOException {
    IpcReadBenchmark benchmark = new IpcReadBenchmark();
    benchmark.rows = 65_536;
    benchmark.setUp(); // writes, reads and compares the values
    assertThat(benchmark.mmapRead()).isEqualTo(65_536L);
    benchmark.tearDown(); // closes the allocator: would throw on a leak or a mapping kept alive
  }
}
