package dev.floe.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import org.junit.jupiter.api.Test;

/** {@link IntArray} and {@link LongArray}: values, bulk copies, bounds, accounting and one release. */
class OffHeapArrayTest {
  @Test
  void intsHoldValuesAndCountAgainstTheirAllocator() {
    try (BufferAllocator allocator = BufferAllocator.newRoot("ints", 1 << 20)) {
      IntArray ints = IntArray.zeroed(allocator, 1000);
      {
        assertThat(allocator.allocatedBytes()).isGreaterThanOrEqualTo(4000);
        assertThat(ints.get(999)).isZero();
        ints.set(7, -3);
        assertThat(ints.add(7, 5)).isEqualTo(2);
        ints.copyFrom(new int[] {10, 11, 12}, 3, 500);
        int[] out = new int[4];
        ints.copyTo(499, out, 4);
        assertThat(out).containsExactly(0, 10, 11, 12);
        assertThatThrownBy(() -> ints.get(1000)).isInstanceOf(IndexOutOfBoundsException.class);
        ints.close();
        ints.close(); // the second close does nothing
        assertThat(allocator.allocatedBytes()).isZero();
      }
    }
  }

  @Test
  void longsHoldValuesAndRefuseNegativeLengths() {
    try (BufferAllocator allocator = BufferAllocator.newRoot("longs", 1 << 20)) {
      try (LongArray longs = LongArray.allocate(allocator, 3)) {
        longs.set(0, Long.MIN_VALUE);
        longs.set(2, Long.MAX_VALUE);
        assertThat(longs.add(2, -1)).isEqualTo(Long.MAX_VALUE - 1);
        long[] out = new long[3];
        longs.copyFrom(new long[] {5}, 1, 1);
        longs.copyTo(0, out, 3);
        assertThat(out).containsExactly(Long.MIN_VALUE, 5, Long.MAX_VALUE - 1);
        assertThat(longs.length()).isEqualTo(3);
      }
      assertThatThrownBy(() -> LongArray.allocate(allocator, -1)).isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("-1");
      assertThat(allocator.allocatedBytes()).isZero();
    }
  }

  @Test
  void anArrayOverTheLimitIsRefusedWithoutALeak() {
    try (BufferAllocator allocator = BufferAllocator.newRoot("small", 1024)) {
      assertThatThrownBy(() -> IntArray.zeroed(allocator, 1 << 20))
          .isInstanceOf(dev.floe.errors.FloeOutOfMemoryException.class);
      assertThat(allocator.allocatedBytes()).isZero();
    }
  }
}
