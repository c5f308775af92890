package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.testkit.LeakChecked;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Handles that are never closed are released when the garbage collector finds them unreachable
 * (chained eager calls), and a borrowed column view keeps its owner alive while it is used.
 */
@LeakChecked
class UnclosedSeriesTest {
  /** Runs the collector until the allocator is empty or 20 s pass. */
  private static long collectUntilEmpty(BufferAllocator allocator) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (allocator.allocatedBytes() > 0 && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(20);
    }
    return allocator.allocatedBytes();
  }

  @Test
  void intermediateFramesOfAChainAreReleasedWhenCollected() throws InterruptedException {
    BufferAllocator allocator = BufferAllocator.current();
    try (DataFrame frame = DataFrame.of(Series.ofLongs("a", 1, 2, 3, 4, 5, 6))) {
      long before = allocator.allocatedBytes();
      for (int round = 0; round < 50; round++) {
        // the filtered frame is never closed: only the final result is
        try (DataFrame result = frame.filter(col("a").gt(2)).select(col("a").mul(10))) {
          assertThat(result.column(0).toList()).containsExactly(30L, 40L, 50L, 60L);
        }
      }
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (allocator.allocatedBytes() > before && System.nanoTime() < deadline) {
        System.gc();
        Thread.sleep(20);
      }
      assertThat(allocator.allocatedBytes()).isEqualTo(before);
    }
    assertThat(collectUntilEmpty(allocator)).isZero();
  }

  @Test
  void aBorrowedColumnKeepsItsUnclosedFrameAlive() throws InterruptedException {
    BufferAllocator allocator = BufferAllocator.current();
    Series view = DataFrame.of(Series.ofLongs("a", 7, 8, 9)).column("a"); // the frame is dropped
    for (int round = 0; round < 5; round++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(view.toList()).isEqualTo(List.of(7L, 8L, 9L));
    assertThat(allocator.allocatedBytes()).isPositive();
    view = null; // now nothing holds the frame's column
    assertThat(view).isNull();
    assertThat(collectUntilEmpty(allocator)).isZero();
  }
}
