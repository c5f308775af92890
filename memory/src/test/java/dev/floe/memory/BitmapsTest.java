package dev.floe.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BitmapsTest {

  @Property(tries = 200)
  void countSetMatchesBitByBitCount(
      @ForAll @IntRange(min = 0, max = 300) int offset,
      @ForAll @IntRange(min = 0, max = 4200) int length,
      @ForAll long seed) {
    try (BufferAllocator root = BufferAllocator.newRoot("bitmaps", Long.MAX_VALUE)) {
      Buffer buffer = root.allocateZeroed(Bitmaps.bytesFor(offset + (long) length));
      Random random = new Random(seed);
      int density = random.nextInt(101);
      long expected = 0;
      for (int bit = 0; bit < offset + length; bit++) {
        boolean value = random.nextInt(100) < density;
        Bitmaps.set(buffer.segment(), bit, value);
        if (value && bit >= offset) {
          expected++;
        }
      }
      assertThat(Bitmaps.countSet(buffer.segment(), offset, length)).isEqualTo(expected);
      buffer.release();
    }
  }

  @Property(tries = 100)
  void setRangeSetsExactlyTheRange(
      @ForAll @IntRange(min = 0, max = 200) int from, @ForAll @IntRange(min = 0, max = 600) int count) {
    try (BufferAllocator root = BufferAllocator.newRoot("bitmaps", Long.MAX_VALUE)) {
      Buffer buffer = root.allocateZeroed(Bitmaps.bytesFor(from + count + 64L));
      Bitmaps.setRange(buffer.segment(), from, count);
      for (int bit = 0; bit < from + count + 64; bit++) {
        assertThat(Bitmaps.get(buffer.segment(), bit)).isEqualTo(bit >= from && bit < from + count);
      }
      buffer.release();
    }
  }
}
