package dev.floe.io.json;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/** A reusable growing byte array: decoded strings and formatted values before they are copied. */
final class Scratch {
  private byte[] data = new byte[256];
  private int size;

  void reset() {
    size = 0;
  }

  int size() {
    return size;
  }

  byte[] array() {
    return data;
  }

  /** A heap segment over the bytes (valid until the next add). */
  MemorySegment segment() {
    return MemorySegment.ofArray(data);
  }

  void add(int b) {
    if (size == data.length) {
      data = Arrays.copyOf(data, data.length * 2);
    }
    data[size++] = (byte) b;
  }

  void addCodePoint(int cp) {
    if (cp < 0x80) {
      add(cp);
    } else if (cp < 0x800) {
      add(0xC0 | cp >> 6);
      add(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      add(0xE0 | cp >> 12);
      add(0x80 | (cp >> 6 & 0x3F));
      add(0x80 | (cp & 0x3F));
    } else {
      add(0xF0 | cp >> 18);
      add(0x80 | (cp >> 12 & 0x3F));
      add(0x80 | (cp >> 6 & 0x3F));
      add(0x80 | (cp & 0x3F));
    }
  }
}
