package dev.floe.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeOutOfMemoryException;
import dev.floe.errors.InternalFloeException;
import dev.floe.errors.InvalidOperationException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BufferAllocatorTest {

  @Test
  void buffersAreAlignedPaddedAndAccounted() {
    try (BufferAllocator root = BufferAllocator.newRoot("root", Long.MAX_VALUE)) {
      Buffer buffer = root.allocate(100);
      assertThat(buffer.address() % 64).isZero();
      assertThat(buffer.capacity()).isEqualTo(128);
      assertThat(root.allocatedBytes()).isEqualTo(128);
      assertThat(root.liveBufferCount()).isEqualTo(1);
      // The padding after the requested bytes is zero.
      for (long index = 100; index < 128; index++) {
        assertThat(buffer.segment().get(ValueLayout.JAVA_BYTE, index)).isZero();
      }
      assertThat(buffer.release()).isTrue();
      assertThat(root.allocatedBytes()).isZero();
      assertThat(root.peakBytes()).isEqualTo(128);
    }
  }

  @Test
  void zeroByteRequestGetsOneAlignedBlock() {
    try (BufferAllocator root = BufferAllocator.newRoot("root", Long.MAX_VALUE)) {
      Buffer buffer = root.allocate(0);
      assertThat(buffer.capacity()).isEqualTo(64);
      assertThat(buffer.address() % 64).isZero();
      buffer.release();
    }
  }

  @Test
  void allocateZeroedClearsEveryByte() {
    try (BufferAllocator root = BufferAllocator.newRoot("root", Long.MAX_VALUE)) {
      Buffer buffer = root.allocateZeroed(4096);
      for (long index = 0; index < 4096; index += 8) {
        assertThat(buffer.segment().get(ValueLayout.JAVA_LONG, index)).isZero();
      }
      buffer.release();
    }
  }

  @Test
  void lastReleaseFreesAndRetainKeepsAlive() {
    try (BufferAllocator root = BufferAllocator.newRoot("root", Long.MAX_VALUE)) {
      Buffer buffer = root.allocate(64);
      buffer.retain();
      assertThat(buffer.referenceCount()).isEqualTo(2);
      assertThat(buffer.release()).isFalse();
      assertThat(root.allocatedBytes()).isEqualTo(64);
      assertThat(buffer.release()).isTrue();
      assertThat(buffer.referenceCount()).isZero();
      assertThat(root.allocatedBytes()).isZero();
    }
  }

  @Test
  void useAfterReleaseAndDoubleReleaseAreTypedErrors() {
    try (BufferAllocator root = BufferAllocator.newRoot("root", Long.MAX_VALUE)) {
      Buffer buffer = root.allocate(64);
      buffer.release();
      assertThatThrownBy(buffer::segment)
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("after its last release");
      assertThatThrownBy(buffer::retain).isInstanceOf(InvalidOperationException.class);
      assertThatThrownBy(buffer::release)
          .isInstanceOf(InternalFloeException.class)
          .hasMessageContaining("released more often than it was retained")
          .hasMessageContaining("bug");
    }
  }

  @Test
  void limitOfTheAllocatorOrAnAncestorIsEnforcedWithANamedMessage() {
    try (BufferAllocator root = BufferAllocator.newRoot("query", 10_000);
        BufferAllocator child = root.newChild("hash-join", 1_000_000)) {
      Buffer first = child.allocate(8_000);
      assertThatThrownBy(() -> child.allocate(4_096))
          .isInstanceOf(FloeOutOfMemoryException.class)
          .hasMessage(
              "allocator 'query' cannot grant 4096 bytes requested through 'hash-join': it holds"
                  + " 8000 of its limit of 10000 bytes");
      // The failed request left no trace in the accounting.
      assertThat(child.allocatedBytes()).isEqualTo(8_000);
      assertThat(root.allocatedBytes()).isEqualTo(8_000);
      first.release();
    }
  }

  @Test
  void childLimitIsEnforced() {
    try (BufferAllocator root = BufferAllocator.newRoot("root", Long.MAX_VALUE);
        BufferAllocator child = root.newChild("sort", 1024)) {
      assertThatThrownBy(() -> child.allocate(2048))
          .isInstanceOf(FloeOutOfMemoryException.class)
          .hasMessageContaining("allocator 'sort' cannot grant 2048 bytes")
          .hasMessageContaining("limit of 1024 bytes");
      assertThat(root.allocatedBytes()).isZero();
    }
  }

  @Test
  void closingWithALiveBufferReportsTheLeakedBytes() {
    BufferAllocator root = BufferAllocator.newRoot("leaky", Long.MAX_VALUE, false);
    Buffer leaked = root.allocate(1000);
    assertThatThrownBy(root::close)
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("allocator 'leaky' closed with 1024 bytes still allocated in 1 buffer")
        .hasMessageContaining("-Dfloe.memory.debug=true");
    leaked.release();
  }

  @Test
  void debugModeReportsWhereTheLeakedBufferWasAllocated() {
    BufferAllocator root = BufferAllocator.newRoot("debug", Long.MAX_VALUE, true);
    Buffer leaked = root.allocate(10);
    assertThatThrownBy(root::close)
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("64 bytes still allocated")
        .hasMessageContaining("Allocation sites:")
        .hasMessageContaining("debugModeReportsWhereTheLeakedBufferWasAllocated");
    leaked.release();
  }

  @Test
  void closingWithAnOpenChildNamesTheChild() {
    BufferAllocator root = BufferAllocator.newRoot("parent", Long.MAX_VALUE);
    BufferAllocator child = root.newChild("scan", Long.MAX_VALUE);
    Buffer buffer = child.allocate(64);
    assertThatThrownBy(root::close)
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("open child allocator(s) scan (64 bytes)");
    buffer.release();
    child.close();
  }

  @Test
  void closedAllocatorRefusesNewBuffers() {
    BufferAllocator root = BufferAllocator.newRoot("done", Long.MAX_VALUE);
    root.close();
    assertThatThrownBy(() -> root.allocate(8))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessage("allocator 'done' is closed");
  }

  @Test
  void foreignMemoryIsAccountedAndReleasedThroughItsCallbackOnce() {
    AtomicInteger releases = new AtomicInteger();
    try (Arena arena = Arena.ofConfined();
        BufferAllocator root = BufferAllocator.newRoot("import", Long.MAX_VALUE)) {
      MemorySegment outside = arena.allocate(256);
      Buffer buffer = root.wrapForeign(outside, releases::incrementAndGet);
      assertThat(buffer.isForeign()).isTrue();
      assertThat(root.allocatedBytes()).isEqualTo(256);
      buffer.retain();
      buffer.release();
      assertThat(releases).hasValue(0);
      buffer.release();
      assertThat(releases).hasValue(1);
      assertThat(root.allocatedBytes()).isZero();
    }
  }

  @Test
  void currentIsTheBoundAllocatorInsideCallWith() throws Exception {
    try (BufferAllocator root = BufferAllocator.newRoot("bound", Long.MAX_VALUE)) {
      assertThat(BufferAllocator.current()).isSameAs(BufferAllocator.global());
      BufferAllocator seen = BufferAllocator.callWith(root, BufferAllocator::current);
      assertThat(seen).isSameAs(root);
    }
  }

  @Test
  void limitsParseHumanSizes() {
    assertThat(BufferAllocator.parseLimit("512m")).isEqualTo(512L << 20);
    assertThat(BufferAllocator.parseLimit("8G")).isEqualTo(8L << 30);
    assertThat(BufferAllocator.parseLimit("1048576")).isEqualTo(1L << 20);
    assertThat(BufferAllocator.parseLimit(null)).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> BufferAllocator.parseLimit("lots"))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("'lots' is not a size");
  }

  @Test
  void concurrentAllocationKeepsExactAccounts() throws InterruptedException {
    try (BufferAllocator root = BufferAllocator.newRoot("threads", Long.MAX_VALUE)) {
      Thread[] threads = new Thread[4];
      for (int threadIndex = 0; threadIndex < threads.length; threadIndex++) {
        threads[threadIndex] =
            Thread.ofPlatform()
                .start(
                    () -> {
                      for (int round = 0; round < 10_000; round++) {
                        root.allocate(4096).release();
                      }
                    });
      }
      for (Thread thread : threads) {
        thread.join();
      }
      assertThat(root.allocatedBytes()).isZero();
      assertThat(root.liveBufferCount()).isZero();
      assertThat(root.peakBytes()).isBetween(4096L, 4L * 4096);
    }
  }
}
