package dev.floe.io.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/** A buffered byte output for writers: 64 KiB chunks to an output stream. */
final class ByteSink {
  private final OutputStream out;
  private final byte[] buffer = new byte[1 << 16];
  private int size;

  ByteSink(OutputStream out) {
    this.out = out;
  }

  void put(int b) {
    if (size == buffer.length) {
      flush();
    }
    buffer[size++] = (byte) b;
  }

  void ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      put(text.charAt(i));
    }
  }

  void utf8(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      put(b);
    }
  }

  /** Bytes of {@code source} from {@code offset}. */
  void copy(MemorySegment source, long offset, int length) {
    int done = 0;
    while (done < length) {
      if (size == buffer.length) {
        flush();
      }
      int chunk = Math.min(length - done, buffer.length - size);
      MemorySegment.copy(source, ValueLayout.JAVA_BYTE, offset + done, buffer, size, chunk);
      size += chunk;
      done += chunk;
    }
  }

  void flush() {
    try {
      out.write(buffer, 0, size);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
    size = 0;
  }
}
