package dev.floe.io.csv;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Validates UTF-8 in place (RFC 3629: no overlongs, no surrogates, at most U+10FFFF). */
final class Utf8Check {
  private Utf8Check() {}

  /** True when the bytes are valid UTF-8. */
  static boolean valid(MemorySegment data, long start, long end) {
    long p = start;
    while (p + 8 <= end && (data.get(ValueLayout.JAVA_LONG_UNALIGNED, p) & 0x8080808080808080L) == 0) {
      p += 8;
    }
    while (p < end) {
      int b = data.get(ValueLayout.JAVA_BYTE, p) & 0xFF;
      if (b < 0x80) {
        p++;
        continue;
      }
      int size;
      int min;
      if (b >= 0xC2 && b <= 0xDF) {
        size = 2;
        min = 0x80;
      } else if (b >= 0xE0 && b <= 0xEF) {
        size = 3;
        min = 0x800;
      } else if (b >= 0xF0 && b <= 0xF4) {
        size = 4;
        min = 0x10000;
      } else {
        return false;
      }
      if (p + size > end) {
        return false;
      }
      int code = b & (0xFF >> (size + 1));
      for (int index = 1; index < size; index++) {
        int next = data.get(ValueLayout.JAVA_BYTE, p + index) & 0xFF;
        if ((next & 0xC0) != 0x80) {
          return false;
        }
        code = (code << 6) | (next & 0x3F);
      }
      if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return false;
      }
      p += size;
    }
    return true;
  }
}
