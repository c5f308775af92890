package dev.floe.kernels.simd;

import dev.floe.kernels.scalar.HashScalar;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * rrmxmx hashes of 8-byte values, a vector of lanes at a time; bit-identical to {@link
 * HashScalar} (see there for the algorithm). One static method per loop shape.
 */
public final class HashSimd {
  private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
  /** As many int lanes as LONGS has long lanes (half the bits). */
  private static final VectorSpecies<Integer> HALF_INTS =
      VectorSpecies.of(int.class, VectorShape.forBitSize(LONGS.vectorBitSize() / 2));
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

  private HashSimd() {}

  public static void hashLongs(MemorySegment values, int offset, int length, MemorySegment out) {
    int lanes = LONGS.length();
    long base = (long) offset << 3;
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      long at = (long) row << 3;
      LongVector value = LongVector.fromMemorySegment(LONGS, values, base + at, LE);
      mix(value).intoMemorySegment(out, at, LE);
    }
    HashScalar.hashLongs(values, offset + row, length - row, out.asSlice((long) row << 3));
  }

  /** {@link HashScalar#hashInts}: a lane of ints per long lane, widened, then mixed. */
  public static void hashInts(MemorySegment values, int offset, int length, boolean signed, MemorySegment out) {
    int lanes = LONGS.length();
    long base = (long) offset << 2;
    long mask = signed ? -1L : 0xFFFF_FFFFL;
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      IntVector value = IntVector.fromMemorySegment(HALF_INTS, values, base + ((long) row << 2), LE);
      LongVector wide = ((LongVector) value.convertShape(VectorOperators.I2L, LONGS, 0)).and(mask);
      mix(wide).intoMemorySegment(out, (long) row << 3, LE);
    }
    HashScalar.hashInts(values, offset + row, length - row, signed, out.asSlice((long) row << 3));
  }

  public static void hashDoubles(MemorySegment values, int offset, int length, MemorySegment out) {
    int lanes = DOUBLES.length();
    long base = (long) offset << 3;
    LongVector canonicalNaN = LongVector.broadcast(LONGS, Double.doubleToRawLongBits(Double.NaN));
    int row = 0;
    for (; row <= length - lanes; row += lanes) {
      long at = (long) row << 3;
      DoubleVector value = DoubleVector.fromMemorySegment(DOUBLES, values, base + at, LE);
      // + 0.0 turns -0.0 into 0.0; NaN lanes (x != x) take the one canonical NaN.
      LongVector key = value.add(0.0).reinterpretAsLongs()
          .blend(canonicalNaN, value.compare(VectorOperators.NE, value).cast(LONGS));
      mix(key).intoMemorySegment(out, at, LE);
    }
    HashScalar.hashDoubles(values, offset + row, length - row, out.asSlice((long) row << 3));
  }

  /** rrmxmx lane-wise; small enough to be inlined into each loop (no vector crosses a branch). */
  private static LongVector mix(LongVector value) {
    LongVector h = value.lanewise(VectorOperators.XOR, HashScalar.SEED);
    h = h.lanewise(VectorOperators.XOR,
        h.lanewise(VectorOperators.ROL, 49).lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.ROL, 24)));
    h = h.mul(HashScalar.MULTIPLIER);
    h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 35).add(8));
    h = h.mul(HashScalar.MULTIPLIER);
    return h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 28));
  }
}
