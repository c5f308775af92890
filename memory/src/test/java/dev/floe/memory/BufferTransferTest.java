package dev.floe.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeOutOfMemoryException;
import dev.floe.errors.InvalidOperationException;
import org.junit.jupiter.api.Test;

/** Buffer.transferTo moves a buffer's accounting between allocators without moving its memory. */
class BufferTransferTest {
  @Test
  void transferToAnAncestorStopsCountingBelowIt() {
    try (BufferAllocator caller = BufferAllocator.newRoot("caller", Long.MAX_VALUE, true)) {
      BufferAllocator query = caller.newChild("query", 10_000);
      BufferAllocator sort = query.newChild("sort", Long.MAX_VALUE);
      Buffer buffer = sort.allocate(4_096);
      long address = buffer.address();
      buffer.transferTo(caller);
      assertThat(buffer.allocator()).isSameAs(caller);
      assertThat(buffer.address()).isEqualTo(address);
      assertThat(sort.allocatedBytes()).isZero();
      assertThat(query.allocatedBytes()).isZero();
      assertThat(caller.allocatedBytes()).isEqualTo(4_096);
      assertThat(caller.liveBufferCount()).isOne();
      assertThat(sort.liveBufferCount()).isZero();
      assertThat(sort.peakBytes()).as("the peak stays as it was").isEqualTo(4_096);
      sort.close(); // nothing left: no leak
      query.close();
      buffer.release();
      assertThat(caller.allocatedBytes()).isZero();
    }
  }

  @Test
  void transferToASiblingCountsAgainstItsLimitsOrChangesNothing() {
    try (BufferAllocator root = BufferAllocator.newRoot("root", Long.MAX_VALUE);
        BufferAllocator left = root.newChild("left", Long.MAX_VALUE);
        BufferAllocator right = root.newChild("right", 1_000)) {
      Buffer big = left.allocate(4_096);
      assertThatThrownBy(() -> big.transferTo(right))
          .isInstanceOf(FloeOutOfMemoryException.class)
          .hasMessageContaining("allocator 'right' cannot grant 4096 bytes");
      assertThat(big.allocator()).isSameAs(left);
      assertThat(left.allocatedBytes()).isEqualTo(4_096);
      assertThat(right.allocatedBytes()).isZero();
      assertThat(root.allocatedBytes()).isEqualTo(4_096);

      Buffer small = left.allocate(512);
      small.transferTo(right);
      assertThat(right.allocatedBytes()).isEqualTo(512);
      assertThat(left.allocatedBytes()).isEqualTo(4_096);
      assertThat(root.allocatedBytes()).isEqualTo(4_096 + 512);
      small.release();
      big.release();
      assertThat(root.allocatedBytes()).isZero();
      assertThat(right.allocatedBytes()).isZero();
    }
  }

  @Test
  void transferAcrossRootsMovesTheWholePath() {
    try (BufferAllocator first = BufferAllocator.newRoot("first", Long.MAX_VALUE);
        BufferAllocator second = BufferAllocator.newRoot("second", Long.MAX_VALUE)) {
      Buffer buffer = first.allocate(128);
      buffer.transferTo(second);
      assertThat(first.allocatedBytes()).isZero();
      assertThat(second.allocatedBytes()).isEqualTo(128);
      buffer.release();
      assertThat(second.allocatedBytes()).isZero();
    }
  }

  @Test
  void aFreedBufferOrAClosedTargetIsRefused() {
    try (BufferAllocator root = BufferAllocator.newRoot("root", Long.MAX_VALUE)) {
      BufferAllocator closed = root.newChild("closed", Long.MAX_VALUE);
      closed.close();
      Buffer buffer = root.allocate(64);
      assertThatThrownBy(() -> buffer.transferTo(closed))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("'closed' is closed");
      buffer.release();
      assertThatThrownBy(() -> buffer.transferTo(root))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("after its last release");
    }
  }

  @Test
  void concurrentReleasesAndTransfersKeepTheCountsExact() throws Exception {
    try (BufferAllocator root = BufferAllocator.newRoot("root", Long.MAX_VALUE)) {
      BufferAllocator from = root.newChild("from", Long.MAX_VALUE);
      BufferAllocator to = root.newChild("to", Long.MAX_VALUE);
      int transferred = 0;
      for (int round = 0; round < 2_000; round++) {
        Buffer buffer = from.allocate(64);
        Thread releaser = Thread.ofPlatform().start(buffer::release); // the last release races the transfer
        try {
          buffer.transferTo(to);
          transferred++;
        } catch (InvalidOperationException alreadyFreed) {
          assertThat(alreadyFreed).hasMessageContaining("after its last release");
        }
        releaser.join();
      }
      assertThat(transferred).isPositive();
      assertThat(from.allocatedBytes()).isZero();
      assertThat(to.allocatedBytes()).isZero();
      assertThat(from.liveBufferCount() + to.liveBufferCount()).isZero();
      from.close();
      to.close();
    }
  }
}
