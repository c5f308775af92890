package dev.floe.kernels.scalar;

import dev.floe.kernels.BitUnpackKernels;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The scalar twin of {@code BitUnpackSimd}: every value of up to 32 bits lies inside the 8 bytes
 * starting at its first byte, so each is one unaligned little-endian 64-bit load, a shift by its bit
 * offset within that byte, and a mask.
 */
public final class BitUnpackScalar implements BitUnpackKernels {
  public static final BitUnpackScalar INSTANCE = new BitUnpackScalar();

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private BitUnpackScalar() {}

  @Override
  public void unpack(byte[] in, int from, int groups, int bitWidth, int[] out, int at) {
    checkWidth(bitWidth);
    int values = groups * 8;
    if (bitWidth == 0) {
      java.util.Arrays.fill(out, at, at + values, 0);
      return;
    }
    long mask = bitWidth == 32 ? 0xFFFF_FFFFL : (1L << bitWidth) - 1;
    for (int j = 0; j < values; j++) {
      long bit = (long) j * bitWidth;
      out[at + j] = (int) (((long) LONG_LE.get(in, from + (int) (bit >>> 3)) >>> (bit & 7)) & mask);
    }
  }

  /** Rejects widths outside 0..32. */
  public static void checkWidth(int bitWidth) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new IllegalArgumentException("bit width " + bitWidth + " is outside 0..32");
    }
  }
}
