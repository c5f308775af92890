package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.io.parquet.decode.RleBitPackedDecoder;
import dev.floe.testkit.LeakChecked;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The RLE/bit-packed hybrid decoder against its bit-at-a-time scalar twin, for every bit width,
 * random run/group mixes and chunked reads; truncated input fails typed.
 */
@LeakChecked
class RleBitPackedDecoderTest {

  @Property(tries = 400)
  void decodesLikeTheScalarTwin(@ForAll @IntRange(min = 0, max = 32) int bitWidth,
      @ForAll @IntRange(min = 0, max = 3000) int count, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 100) int chunk) {
    Random random = new Random(seed);
    int[] values = new int[count];
    long mask = bitWidth == 32 ? 0xFFFF_FFFFL : (1L << bitWidth) - 1;
    int distinct = 1 + random.nextInt(4);
    for (int index = 0; index < count; index++) {
      values[index] = random.nextInt(4) == 0 ? (int) (random.nextLong() & mask) : (int) ((index / 17 % distinct) & mask);
    }
    byte[] encoded = RleEncoder.encode(values, count, bitWidth, random);
    assertThat(RleScalarTwin.decode(encoded, bitWidth, count)).containsExactly(values);
    MemorySegment segment = MemorySegment.ofArray(encoded);
    RleBitPackedDecoder decoder = new RleBitPackedDecoder(segment, 0, encoded.length, bitWidth, "test");
    int[] out = new int[count];
    for (int done = 0; done < count; done += chunk) {
      decoder.decode(out, done, Math.min(chunk, count - done));
    }
    assertThat(out).containsExactly(values);
  }

  @Property(tries = 300)
  void levelsDecodeCheckAndCountLikeTheScalarTwin(@ForAll @IntRange(min = 1, max = 3) int maxLevel,
      @ForAll @IntRange(min = 0, max = 3000) int count, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 100) int chunk) {
    Random random = new Random(seed);
    int bitWidth = 32 - Integer.numberOfLeadingZeros(maxLevel);
    int[] values = new int[count];
    boolean overflow = random.nextInt(5) == 0 && (1 << bitWidth) - 1 > maxLevel;
    for (int index = 0; index < count; index++) {
      values[index] = random.nextInt(3) == 0 ? random.nextInt(maxLevel + 1) : maxLevel;
    }
    if (overflow && count > 0) {
      values[random.nextInt(count)] = maxLevel + 1; // fits the bit width, exceeds the maximum
    }
    byte[] encoded = RleEncoder.encode(values, count, bitWidth, random);
    RleBitPackedDecoder decoder =
        new RleBitPackedDecoder(MemorySegment.ofArray(encoded), 0, encoded.length, bitWidth, "t.parquet");
    int[] out = new int[count];
    int[] expected = RleScalarTwin.decode(encoded, bitWidth, count);
    int firstBad = -1;
    for (int index = 0; index < count && firstBad < 0; index++) {
      firstBad = expected[index] > maxLevel ? index : -1;
    }
    if (firstBad >= 0) {
      assertThatThrownBy(() -> {
        for (int done = 0; done < count; done += chunk) {
          decoder.decodeLevels(out, done, Math.min(chunk, count - done), maxLevel, "definition");
        }
      }).isInstanceOf(FloeIoException.class)
          .hasMessageContaining("definition level " + (maxLevel + 1))
          .hasMessageContaining("exceeds the column's maximum " + maxLevel);
      return;
    }
    int atMax = 0;
    for (int done = 0; done < count; done += chunk) {
      atMax += decoder.decodeLevels(out, done, Math.min(chunk, count - done), maxLevel, "definition");
    }
    assertThat(out).containsExactly(expected);
    assertThat(atMax).isEqualTo((int) Arrays.stream(expected).filter(level -> level == maxLevel).count());
  }

  @Property(tries = 200)
  void truncatedInputFailsTyped(@ForAll @IntRange(min = 1, max = 32) int bitWidth, @ForAll long seed) {
    Random random = new Random(seed);
    int count = 50 + random.nextInt(200);
    int[] values = new int[count];
    for (int index = 0; index < count; index++) {
      values[index] = random.nextInt(1 << Math.min(bitWidth, 30));
    }
    byte[] encoded = RleEncoder.encode(values, count, bitWidth);
    byte[] cut = Arrays.copyOf(encoded, random.nextInt(encoded.length));
    RleBitPackedDecoder decoder = new RleBitPackedDecoder(MemorySegment.ofArray(cut), 0, cut.length, bitWidth, "f");
    assertThatThrownBy(() -> decoder.decode(new int[count], 0, count))
        .isInstanceOf(FloeIoException.class).hasMessageStartingWith("f: ");
  }

  @Property(tries = 50)
  void widthZeroGivesZeros(@ForAll @IntRange(min = 1, max = 500) int count) {
    byte[] encoded = RleEncoder.encode(new int[count], count, 0);
    int[] out = new int[count];
    new RleBitPackedDecoder(MemorySegment.ofArray(encoded), 0, encoded.length, 0, "z").decode(out, 0, count);
    assertThat(out).containsOnly(0);
  }

  @net.jqwik.api.Example
  void aRunValueWiderThanTheBitWidthIsRejected() {
    byte[] encoded = {(byte) (5 << 1), (byte) 0x09};
    RleBitPackedDecoder decoder = new RleBitPackedDecoder(MemorySegment.ofArray(encoded), 0, 2, 3, "w");
    assertThatThrownBy(() -> decoder.decode(new int[5], 0, 5)).isInstanceOf(FloeIoException.class)
        .hasMessageContaining("does not fit 3 bits");
  }
}
