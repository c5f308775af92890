package dev.floe.kernels;

import dev.floe.kernels.scalar.TextScanScalar;
import dev.floe.kernels.simd.TextScanSimd;
import java.lang.foreign.MemorySegment;

/**
 * Byte scans for text readers, on the SIMD or scalar kernels (chosen once by {@link
 * KernelProvider}): whether a range is all ASCII (so a UTF-8 check per value can be skipped), and
 * 64-byte bitmasks of two byte values (separator and newline), which a tokenizer walks with {@link
 * Long#numberOfTrailingZeros} instead of testing byte by byte (the structural index of simdcsv:
 * Langdale &amp; Lemire, VLDB Journal 2019; https://github.com/geofflangdale/simdcsv).
 */
public final class TextScan {
  static final TextScanKernels KERNELS =
      KernelProvider.simd() ? TextScanSimd.INSTANCE : TextScanScalar.INSTANCE;

  private TextScan() {}

  /** True when no byte of {@code [start, end)} of {@code data} is 0x80 or above. */
  public static boolean ascii(MemorySegment data, long start, long end) {
    return KERNELS.ascii(data, start, end);
  }

  /**
   * Bit {@code i} set when byte {@code offset + i} is {@code a} or {@code b} ({@code i} in 0..63);
   * requires {@code offset + 64 <= data.byteSize()}.
   */
  public static long mask64(MemorySegment data, long offset, byte a, byte b) {
    return KERNELS.mask64(data, offset, a, b);
  }

  /**
   * Separator, newline, quote and high-byte masks of the 64 bytes at {@code offset} into {@code
   * out[0..3]} ({@link TextScanKernels#csvMasks64}): one load for a CSV tokenizer's block.
   */
  public static void csvMasks64(MemorySegment data, long offset, byte separator, byte quote,
      long[] out) {
    KERNELS.csvMasks64(data, offset, separator, quote, out);
  }
}
