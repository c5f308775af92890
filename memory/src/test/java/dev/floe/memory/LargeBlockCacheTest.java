package dev.floe.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** Large blocks come back from the cache: same address, zeroed on request, accounting unchanged. */
class LargeBlockCacheTest {
  private static final long SIZE = 6L << 20;

  @Test
  void aFreedLargeBlockIsReusedAndAllocateZeroedStillZeroes() {
    try (BufferAllocator allocator = BufferAllocator.newRoot("cache-test", 1L << 30)) {
      Buffer first = allocator.allocate(SIZE);
      long address = first.segment().address();
      first.segment().fill((byte) 7);
      first.release();
      assertThat(allocator.allocatedBytes()).isZero();
      Buffer second = allocator.allocateZeroed(SIZE);
      assertThat(second.segment().address()).isEqualTo(address);
      assertThat(second.segment().byteSize()).isEqualTo(SIZE);
      assertThat(second.segment().get(ValueLayout.JAVA_LONG, SIZE - 8)).isZero();
      assertThat(allocator.allocatedBytes()).isEqualTo(SIZE);
      second.release();
    }
  }

  @Test
  void sizeClassesAreWholeHugePagesAndTheCacheIsBounded() {
    assertThat(LargeBlockCache.sizeClass(NativeMemory.HUGE_PAGE)).isEqualTo(NativeMemory.HUGE_PAGE);
    assertThat(LargeBlockCache.sizeClass(NativeMemory.HUGE_PAGE + 64))
        .isEqualTo(2 * NativeMemory.HUGE_PAGE);
    long block = NativeMemory.HUGE_PAGE;
    long first = NativeMemory.allocate(block);
    long second = NativeMemory.allocate(block);
    long limit = LargeBlockCache.cachedBytes() + block;
    assertThat(LargeBlockCache.offer(first, block, limit)).isTrue();
    assertThat(LargeBlockCache.offer(second, block, limit)).isFalse();
    NativeMemory.freeToC(second);
    assertThat(LargeBlockCache.cachedBytes()).isLessThanOrEqualTo(limit);
    assertThat(LargeBlockCache.LIMIT).isPositive();
  }

  @Test
  void blocksUnusedLongerThanTheDecayGoBackToTheCAllocator() throws InterruptedException {
    long block = 4 * NativeMemory.HUGE_PAGE;
    try (BufferAllocator allocator = BufferAllocator.newRoot("decay-test", 1L << 30)) {
      allocator.allocate(block).release();
    }
    assertThat(LargeBlockCache.cachedBytes()).isGreaterThanOrEqualTo(block);
    java.util.List<Long> released = new java.util.ArrayList<>();
    assertThat(LargeBlockCache.purge(60_000, released::add)).isZero(); // freed just now: kept
    Thread.sleep(5);
    long bytes = LargeBlockCache.purge(1, address -> {
      released.add(address);
      NativeMemory.freeToC(address);
    });
    assertThat(bytes).isGreaterThanOrEqualTo(block);
    assertThat(released).isNotEmpty();
    assertThat(LargeBlockCache.cachedBytes()).isZero();
    assertThat(LargeBlockCache.take(block)).isZero();
  }

  @Test
  void absurdSizesFailInsteadOfWrappingAround() {
    try (BufferAllocator allocator = BufferAllocator.newRoot("huge-test", Long.MAX_VALUE)) {
      for (long bytes : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 10, (1L << 62) + 1}) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> allocator.allocate(bytes))
            .isInstanceOf(dev.floe.errors.FloeOutOfMemoryException.class)
            .hasMessageContaining("cannot allocate " + bytes + " bytes");
      }
      assertThat(allocator.allocatedBytes()).isZero();
    }
  }
}
