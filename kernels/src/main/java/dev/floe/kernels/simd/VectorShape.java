package dev.floe.kernels.simd;

import jdk.incubator.vector.LongVector;

/** The vector shape kernels use: the platform's preferred species. */
public final class VectorShape {
  private VectorShape() {}

  /** Bits of the preferred vector shape (512 with AVX-512, 256 with AVX2). */
  public static int preferredBits() {
    return LongVector.SPECIES_PREFERRED.vectorBitSize();
  }

  public static String describe() {
    return preferredBits() + "-bit vectors";
  }
}
