package dev.floe.io.parquet;

/**
 * The simplest possible reader of the RLE/bit-packed hybrid, one bit at a time, that the fast
 * decoder is compared with.
 */
final class RleScalarTwin {
  private RleScalarTwin() {}

  static int[] decode(byte[] data, int bitWidth, int count) {
    int[] out = new int[count];
    int produced = 0;
    int position = 0;
    while (produced < count) {
      long header = 0;
      int shift = 0;
      int b;
      do {
        b = data[position++] & 0xFF;
        header |= (long) (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      if ((header & 1) == 0) {
        int value = 0;
        for (int k = 0; k < (bitWidth + 7) / 8; k++) {
          value |= (data[position++] & 0xFF) << (8 * k);
        }
        for (long k = 0; k < (header >>> 1) && produced < count; k++) {
          out[produced++] = value;
        }
      } else {
        int values = (int) (header >>> 1) * 8;
        long bitBase = (long) position * 8;
        for (int k = 0; k < values; k++) {
          long value = 0;
          for (int bit = 0; bit < bitWidth; bit++) {
            long at = bitBase + (long) k * bitWidth + bit;
            value |= (long) ((data[(int) (at >>> 3)] >>> (at & 7)) & 1) << bit;
          }
          if (produced < count) {
            out[produced++] = (int) value;
          }
        }
        position += values * bitWidth / 8;
      }
    }
    return out;
  }
}
