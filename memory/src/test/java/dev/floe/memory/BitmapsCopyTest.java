package dev.floe.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Bitmaps.copy against a bit-at-a-time copy, at every alignment and near segment ends. */
class BitmapsCopyTest {

  @Property(tries = 400)
  void copiesLikeABitLoop(
      @ForAll @IntRange(min = 0, max = 300) int count,
      @ForAll @IntRange(min = 0, max = 70) int sourceBit,
      @ForAll @IntRange(min = 0, max = 70) int targetBit,
      @ForAll long seed) {
    Random random = new Random(seed);
    // Unpadded heap segments, sized to the last bit: the copy must not read or write past them.
    MemorySegment source = randomBits(random, sourceBit + count);
    MemorySegment target = randomBits(random, targetBit + count);
    MemorySegment expected = MemorySegment.ofArray(target.toArray(ValueLayout.JAVA_BYTE));
    for (int bit = 0; bit < count; bit++) {
      Bitmaps.set(expected, targetBit + bit, Bitmaps.get(source, sourceBit + bit));
    }
    Bitmaps.copy(source, sourceBit, target, targetBit, count);
    assertThat(target.mismatch(expected)).isEqualTo(-1L);
  }

  private static MemorySegment randomBits(Random random, int bits) {
    byte[] bytes = new byte[(int) Bitmaps.bytesFor(bits)];
    random.nextBytes(bytes);
    return MemorySegment.ofArray(bytes);
  }
}
