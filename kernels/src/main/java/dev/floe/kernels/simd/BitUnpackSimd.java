package dev.floe.kernels.simd;

import dev.floe.kernels.BitUnpackKernels;
import dev.floe.kernels.scalar.BitUnpackScalar;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Bit unpacking one vector of int lanes at a time: a byte shuffle moves the 4 bytes that hold
 * value {@code j} (starting at byte {@code j * width / 8} of the window) into int lane {@code j},
 * then a per-lane right shift by {@code j * width % 8} and a mask leave the value (the approach of
 * Lemire &amp; Boytsov, "Decoding billions of integers per second through vectorization", 2015, and
 * of AVX-512 VBMI unpackers, applied to Parquet's horizontal LSB-first layout). The shuffles and
 * shifts depend only on the width and are made once. Widths above 25 (a value and its bit offset
 * need more than 4 bytes), vectors of fewer than 8 ints, and the tail where a whole window would
 * read past the array go to the scalar twin.
 */
public final class BitUnpackSimd implements BitUnpackKernels {
  public static final BitUnpackSimd INSTANCE = new BitUnpackSimd();

  private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
  private static final int LANES = INTS.length();
  private static final int MAX_WIDTH = 25;
  private static final boolean USABLE = LANES >= 8 && BYTES.length() == 4 * LANES;

  private static final java.util.List<VectorShuffle<Byte>> SHUFFLES = new java.util.ArrayList<>();
  private static final IntVector[] SHIFTS = new IntVector[MAX_WIDTH + 1];

  static {
    SHUFFLES.add(null);
    if (USABLE) {
      for (int width = 1; width <= MAX_WIDTH; width++) {
        int[] sources = new int[4 * LANES];
        int[] shifts = new int[LANES];
        for (int lane = 0; lane < LANES; lane++) {
          int bit = lane * width;
          for (int b = 0; b < 4; b++) {
            sources[4 * lane + b] = (bit >>> 3) + b;
          }
          shifts[lane] = bit & 7;
        }
        SHUFFLES.add(VectorShuffle.fromArray(BYTES, sources, 0));
        SHIFTS[width] = IntVector.fromArray(INTS, shifts, 0);
      }
    }
  }

  private BitUnpackSimd() {}

  @Override
  public void unpack(byte[] in, int from, int groups, int bitWidth, int[] out, int at) {
    BitUnpackScalar.checkWidth(bitWidth);
    int values = groups * 8;
    if (!USABLE || bitWidth == 0 || bitWidth > MAX_WIDTH) {
      BitUnpackScalar.INSTANCE.unpack(in, from, groups, bitWidth, out, at);
      return;
    }
    VectorShuffle<Byte> shuffle = SHUFFLES.get(bitWidth);
    IntVector shifts = SHIFTS[bitWidth];
    int mask = (1 << bitWidth) - 1;
    int windowBytes = LANES * bitWidth / 8; // LANES is a multiple of 8: windows start on whole bytes
    int window = BYTES.length();
    int done = 0;
    int position = from;
    while (done + LANES <= values && position + window <= in.length) {
      ByteVector bytes = ByteVector.fromArray(BYTES, in, position);
      bytes.rearrange(shuffle).reinterpretAsInts()
          .lanewise(VectorOperators.LSHR, shifts)
          .and(mask)
          .intoArray(out, at + done);
      done += LANES;
      position += windowBytes;
    }
    if (done < values) {
      BitUnpackScalar.INSTANCE.unpack(in, position, (values - done) / 8, bitWidth, out, at + done);
    }
  }
}
