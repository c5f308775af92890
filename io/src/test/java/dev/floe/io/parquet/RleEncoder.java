package dev.floe.io.parquet;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/**
 * A test-side encoder of the RLE/bit-packed hybrid (parquet-format Encodings.md), choosing runs
 * and bit-packed groups at random when given a {@link Random}, so decoders see every mix.
 */
final class RleEncoder {
  private RleEncoder() {}

  /** Runs of 8 or more equal values as RLE runs, everything else bit-packed one group at a time. */
  static byte[] encode(int[] values, int count, int bitWidth) {
    return encode(values, count, bitWidth, null);
  }

  static byte[] encode(int[] values, int count, int bitWidth, Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int index = 0;
    while (index < count) {
      int run = 1;
      while (index + run < count && values[index + run] == values[index]) {
        run++;
      }
      boolean rle = random == null ? run >= 8 : random.nextInt(3) > 0;
      if (rle) {
        int length = random == null ? run : 1 + random.nextInt(run);
        uleb(out, (long) length << 1);
        int bytes = (bitWidth + 7) / 8;
        for (int b = 0; b < bytes; b++) {
          out.write(values[index] >>> (8 * b));
        }
        index += length;
      } else {
        int groups = random == null ? 1 : 1 + random.nextInt(3);
        uleb(out, ((long) groups << 1) | 1);
        long bits = 0;
        int held = 0;
        for (int k = 0; k < groups * 8; k++) {
          long value = index + k < count ? values[index + k] & 0xFFFF_FFFFL : 0;
          bits |= value << held;
          held += bitWidth;
          while (held >= 8) {
            out.write((int) bits);
            bits >>>= 8;
            held -= 8;
          }
        }
        index += groups * 8;
      }
    }
    return out.toByteArray();
  }

  private static void uleb(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }
}
