package dev.floe.kernels;

/**
 * Unpacking of bit-packed unsigned integers, least significant bit first (the bit-packed runs of
 * Parquet's RLE/bit-packed hybrid: levels and dictionary indices). Implemented by {@code
 * BitUnpackSimd} and its scalar twin {@code BitUnpackScalar}; both give identical results.
 */
public interface BitUnpackKernels {
  /**
   * Unpacks {@code groups * 8} values of {@code bitWidth} bits (0..32) from {@code in}, starting at
   * byte {@code from}, into {@code out[at, at + groups * 8)}. Value {@code j} occupies bits {@code
   * j * bitWidth} to {@code (j + 1) * bitWidth - 1} counted from the least significant bit of byte
   * {@code from}. The caller guarantees {@code in.length >= from + groups * bitWidth + 8}: the last
   * values are read with 8-byte loads.
   */
  void unpack(byte[] in, int from, int groups, int bitWidth, int[] out, int at);
}
