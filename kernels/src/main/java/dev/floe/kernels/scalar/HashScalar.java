package dev.floe.kernels.scalar;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Scalar twins of {@code dev.floe.kernels.simd.HashSimd}, and the mixing functions every Floe hash
 * uses.
 *
 * <p>The 64-bit mixer is "rrmxmx" (Pelle Evensen, 2018), the bijective mixer xxHash's XXH3 applies
 * to 4-8 byte inputs ({@code XXH3_rrmxmx}): two rotations xor'ed in, multiply, xor-shift,
 * multiply, xor-shift. It passes PractRand/RRC avalanche tests, and it is made only of rotations,
 * shifts, xors and 64-bit multiplies, all of which the Vector API has (AVX-512DQ {@code
 * vpmullq}), so the SIMD twin computes the same bits. Floats are hashed by their bits after
 * normalizing -0.0 to 0.0 and every NaN to one NaN, so equal values (as group-by sees them) hash
 * alike. Bytes (strings, binaries) use an XXH64-style round per 8-byte word and rrmxmx at the end.
 */
public final class HashScalar {
  /** The hash of a null value, in every column type. */
  public static final long NULL_HASH = 0x5851F42D4C957F2DL;
  /** Seed xor'ed in before mixing a value, so that 0 does not hash to 0. */
  public static final long SEED = 0x9E3779B97F4A7C15L;
  /** rrmxmx's multiplier. */
  public static final long MULTIPLIER = 0x9FB21C651E98DF25L;
  private static final long PRIME1 = 0x9E3779B185EBCA87L;
  private static final long PRIME2 = 0xC2B2AE3D27D4EB4FL;
  private static final long CANONICAL_NAN = 0x7FF8000000000000L;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
  private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

  private HashScalar() {}

  /** rrmxmx of {@code value ^ SEED} (the length term of XXH3 is the constant 8). */
  public static long mix(long value) {
    long h = value ^ SEED;
    h ^= Long.rotateLeft(h, 49) ^ Long.rotateLeft(h, 24);
    h *= MULTIPLIER;
    h ^= (h >>> 35) + 8;
    h *= MULTIPLIER;
    return h ^ (h >>> 28);
  }

  /** The bits a double is hashed by: -0.0 as 0.0, every NaN as one NaN. */
  public static long doubleKey(double value) {
    return value != value ? CANONICAL_NAN : Double.doubleToRawLongBits(value + 0.0);
  }

  /** Mixes {@code next} into the running row hash {@code hash} (multi-column keys). */
  public static long combine(long hash, long next) {
    return mix(Long.rotateLeft(hash, 31) * PRIME1 ^ next);
  }

  /** A hash of {@code length} bytes from {@code start}: XXH64-style rounds, then rrmxmx. */
  public static long hashBytes(MemorySegment data, long start, int length) {
    long h = PRIME2 ^ (length * PRIME1);
    long position = start;
    long end = start + length;
    for (; position + 8 <= end; position += 8) {
      h = Long.rotateLeft(h ^ (data.get(LONG, position) * PRIME2), 31) * PRIME1;
    }
    long tail = 0;
    for (int shift = 0; position < end; position++, shift += 8) {
      tail |= (data.get(ValueLayout.JAVA_BYTE, position) & 0xFFL) << shift;
    }
    h = Long.rotateLeft(h ^ (tail * PRIME2), 31) * PRIME1;
    return mix(h);
  }

  /** {@code out[row] = mix(values[offset + row])} for 8-byte integers and temporals. */
  public static void hashLongs(MemorySegment values, int offset, int length, MemorySegment out) {
    for (int row = 0; row < length; row++) {
      out.set(LONG, (long) row << 3, mix(values.get(LONG, (offset + (long) row) << 3)));
    }
  }

  /**
   * {@code out[row] = mix(values[offset + row])} for 4-byte integers and dates, widened to long
   * (sign-extended when {@code signed}, else zero-extended), so they hash as the same value in 8 bytes.
   */
  public static void hashInts(MemorySegment values, int offset, int length, boolean signed, MemorySegment out) {
    long mask = signed ? -1L : 0xFFFF_FFFFL;
    for (int row = 0; row < length; row++) {
      out.set(LONG, (long) row << 3, mix(values.get(ValueLayout.JAVA_INT_UNALIGNED, (offset + (long) row) << 2) & mask));
    }
  }

  /** {@code out[row] = mix(doubleKey(values[offset + row]))}. */
  public static void hashDoubles(MemorySegment values, int offset, int length, MemorySegment out) {
    for (int row = 0; row < length; row++) {
      double value = values.get(DOUBLE, (offset + (long) row) << 3);
      out.set(LONG, (long) row << 3, mix(doubleKey(value)));
    }
  }
}
