package dev.floe.kernels;

import dev.floe.kernels.scalar.BitUnpackScalar;
import dev.floe.kernels.simd.BitUnpackSimd;

/**
 * Bit unpacking for columnar decoders (Parquet levels and dictionary indices), on the SIMD or
 * scalar kernels chosen once by {@link KernelProvider}.
 */
public final class BitUnpack {
  static final BitUnpackKernels KERNELS =
      KernelProvider.simd() ? BitUnpackSimd.INSTANCE : BitUnpackScalar.INSTANCE;

  /** Bytes of slack {@link #unpack} needs after the packed data. */
  public static final int SLACK = 8;

  private BitUnpack() {}

  /** See {@link BitUnpackKernels#unpack}; {@code in} needs {@link #SLACK} bytes after the data. */
  public static void unpack(byte[] in, int from, int groups, int bitWidth, int[] out, int at) {
    KERNELS.unpack(in, from, groups, bitWidth, out, at);
  }
}
