package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.kernels.scalar.BitUnpackScalar;
import dev.floe.kernels.simd.BitUnpackSimd;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The SIMD bit unpacker equals its scalar twin and a bit-by-bit reference for every width 0..32,
 * at any start byte, for any number of groups, with only the documented slack after the data
 * (so the vector path's tail handling is exercised), and writes nothing outside its output range.
 */
@LeakCheckedProperty
class BitUnpackTwinPropertyTest {
  /** Bit-by-bit: value j is bits [j * width, (j + 1) * width) of the data, LSB first. */
  private static int[] reference(byte[] in, int from, int values, int width) {
    int[] out = new int[values];
    for (int j = 0; j < values; j++) {
      long value = 0;
      for (int b = 0; b < width; b++) {
        long bit = (long) j * width + b;
        int set = (in[from + (int) (bit >>> 3)] >>> (bit & 7)) & 1;
        value |= (long) set << b;
      }
      out[j] = (int) value;
    }
    return out;
  }

  @Property(tries = 400)
  void simdEqualsTheScalarTwinAndTheReference(
      @ForAll @IntRange(min = 0, max = 32) int width, @ForAll @IntRange(min = 0, max = 70) int groups,
      @ForAll @IntRange(min = 0, max = 9) int from, @ForAll @IntRange(min = 0, max = 3) int at,
      @ForAll long seed) {
    Random random = new Random(seed);
    byte[] in = new byte[from + groups * width + BitUnpack.SLACK];
    random.nextBytes(in);
    int values = groups * 8;
    int[] expected = reference(in, from, values, width);
    for (BitUnpackKernels kernels : new BitUnpackKernels[] {BitUnpackSimd.INSTANCE, BitUnpackScalar.INSTANCE,
        BitUnpack.KERNELS}) {
      int[] out = new int[at + values + 2];
      java.util.Arrays.fill(out, -7);
      kernels.unpack(in, from, groups, width, out, at);
      for (int k = 0; k < at; k++) {
        assertThat(out[k]).as("before the output range").isEqualTo(-7);
      }
      assertThat(java.util.Arrays.copyOfRange(out, at, at + values)).as(kernels + " width " + width)
          .containsExactly(expected);
      assertThat(out[at + values]).as("after the output range").isEqualTo(-7);
      assertThat(out[at + values + 1]).as("after the output range").isEqualTo(-7);
    }
  }

  @Property(tries = 20)
  void widthsOutside0To32AreRejected(@ForAll @IntRange(min = 33, max = 100) int width) {
    for (BitUnpackKernels kernels : new BitUnpackKernels[] {BitUnpackSimd.INSTANCE, BitUnpackScalar.INSTANCE}) {
      assertThatThrownBy(() -> kernels.unpack(new byte[64], 0, 1, width, new int[8], 0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bit width " + width);
      assertThatThrownBy(() -> kernels.unpack(new byte[64], 0, 1, -1, new int[8], 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
