package dev.floe.io.parquet.read;

import dev.floe.errors.FloeIoException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * PLAIN values (parquet-format Encodings.md): fixed-width values back to back (little-endian),
 * booleans bit-packed LSB first, BYTE_ARRAY values each preceded by a 4-byte little-endian length.
 */
final class PlainValues {
  private PlainValues() {}

  /** Appends {@code count} values from {@code page[offset, end)} to {@code out}; returns the end. */
  static long decode(MemorySegment page, long offset, long end, int count, PhysicalValues out, String where) {
    switch (out.width) {
      case PhysicalValues.BITS -> {
        long bytes = (count + 7L) / 8;
        require(bytes, offset, end, count, where);
        out.appendBits(page, offset * 8, count);
        return offset + bytes;
      }
      case PhysicalValues.VARIABLE -> {
        return out.appendPlainBinary(page, offset, end, count, where);
      }
      default -> {
        long bytes = (long) count * out.width;
        require(bytes, offset, end, count, where);
        out.appendFixed(page, offset, count);
        return offset + bytes;
      }
    }
  }

  private static void require(long bytes, long offset, long end, int count, String where) {
    if (bytes > end - offset) {
      throw new FloeIoException(where + ": " + count + " PLAIN values need " + bytes + " bytes at byte " + offset
          + ", only " + Math.max(0, end - offset) + " remain");
    }
  }
}
