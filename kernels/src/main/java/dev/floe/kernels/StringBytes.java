package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.column.ViewColumn;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Read access to the UTF-8 bytes of one row of a string column in any of its layouts: a
 * VarBinaryColumn (Utf8/LargeUtf8) is read in place from its data buffer; a view column's row is
 * copied out (views may point into several buffers).
 */
final class StringBytes {
  private final VarBinaryColumn varBinary;
  private final ViewColumn view;
  private final MemorySegment data;
  MemorySegment segment;
  long start;
  int length;

  private StringBytes(Column column) {
    switch (column) {
      case VarBinaryColumn bin -> {
        varBinary = bin;
        view = null;
        data = bin.dataBuffer().segment();
      }
      case ViewColumn v -> {
        varBinary = null;
        view = v;
        data = null;
      }
      default ->
          throw new InvalidOperationException("expected a string column, got " + column.type());
    }
  }

  static StringBytes of(Column column) {
    if (!column.type().isString()) {
      throw new InvalidOperationException("expected a string column, got " + column.type());
    }
    return new StringBytes(column);
  }

  /** Points {@link #segment}, {@link #start} and {@link #length} at row {@code index}. */
  void at(int index) {
    if (varBinary != null) {
      segment = data;
      start = varBinary.valueStart(index);
      length = varBinary.valueLength(index);
    } else {
      byte[] bytes = view.getBytes(index);
      segment = MemorySegment.ofArray(bytes);
      start = 0;
      length = bytes.length;
    }
  }

  int byteLength(int index) {
    return varBinary != null ? varBinary.valueLength(index) : view.valueLength(index);
  }

  byte byteAt(long position) {
    return segment.get(ValueLayout.JAVA_BYTE, start + position);
  }

  String string() {
    byte[] bytes = new byte[length];
    MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, start, bytes, 0, length);
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** True when every byte of the current row is ASCII. */
  boolean isAscii() {
    for (long i = 0; i < length; i++) {
      if (byteAt(i) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Unicode scalar values of the current row: bytes that are not UTF-8 continuation bytes. */
  int charCount() {
    int count = 0;
    for (long i = 0; i < length; i++) {
      if ((byteAt(i) & 0xC0) != 0x80) {
        count++;
      }
    }
    return count;
  }
}
