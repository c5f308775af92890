package dev.floe.io.parquet.write;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of hive partition names and values as Polars 1.44 writes them (checked on every
 * printable ASCII character): UTF-8 bytes, with space, {@code %}, {@code /}, {@code :}, {@code =},
 * control characters and every non-ASCII byte written as {@code %XX} (upper-case hex).
 */
final class HivePathEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private HivePathEncoding() {}

  static String encode(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      int unsigned = b & 0xFF;
      if (unsigned <= 0x20 || unsigned >= 0x7F || unsigned == '%' || unsigned == '/' || unsigned == ':'
          || unsigned == '=') {
        out.append('%').append(HEX[unsigned >>> 4]).append(HEX[unsigned & 15]);
      } else {
        out.append((char) unsigned);
      }
    }
    return out.toString();
  }
}
