package dev.floe.io.parquet.read;

import dev.floe.errors.FloeIoException;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.BufferAllocator;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Decoded non-null values of one column chunk (or a dictionary page) in their Parquet physical
 * form, off-heap: fixed-width values back to back ({@code width} bytes each, INT96 12, FIXED_LEN_BYTE_ARRAY
 * its length), booleans as a bitmap, BYTE_ARRAY values as int32 offsets plus data.
 */
final class PhysicalValues implements AutoCloseable {
  /** {@link #width} of booleans. */
  static final int BITS = -1;
  /** {@link #width} of BYTE_ARRAY values. */
  static final int VARIABLE = 0;

  final int width;
  final GrowBuffer values;
  final GrowBuffer offsets;
  int count;

  PhysicalValues(BufferAllocator allocator, int width, long expectedCount) {
    this.width = width;
    long initial = width > 0 ? expectedCount * width : width == BITS ? expectedCount / 8 + 8 : expectedCount * 8;
    this.values = new GrowBuffer(allocator, Math.min(initial, 1L << 30));
    try {
      this.offsets = width == VARIABLE ? new GrowBuffer(allocator, Math.min((expectedCount + 1) * 4, 1L << 30)) : null;
    } catch (RuntimeException failure) {
      values.close();
      throw failure;
    }
    if (offsets != null) {
      offsets.ensure(4).set(ValueLayout.JAVA_INT_UNALIGNED, 0, 0);
      offsets.size(4);
    }
  }

  /** Appends {@code n} fixed-width values from {@code source} at byte {@code offset}. */
  void appendFixed(MemorySegment source, long offset, int n) {
    long bytes = (long) n * width;
    MemorySegment target = values.ensure(bytes);
    MemorySegment.copy(source, offset, target, values.size(), bytes);
    values.advance(bytes);
    count += n;
  }

  /** Makes room for {@code n} more fixed-width values; returns the byte where they start. */
  long reserveFixed(int n) {
    values.ensure((long) n * width);
    long at = values.size();
    values.advance((long) n * width);
    count += n;
    return at;
  }

  /** Appends {@code n} bits from {@code source} starting at bit {@code bit}. */
  void appendBits(MemorySegment source, long bit, int n) {
    MemorySegment target = values.ensure((count + (long) n + 7) / 8 - values.size() + 8);
    Bitmaps.copy(source, bit, target, count, n);
    count += n;
    values.size((count + 7L) / 8);
  }

  /** Appends {@code n} booleans given as 0/1 ints. */
  void appendBooleans(int[] bits, int n) {
    MemorySegment target = values.ensure((count + (long) n + 7) / 8 - values.size() + 8);
    for (int k = 0; k < n; k++) {
      Bitmaps.set(target, count + k, bits[k] != 0);
    }
    count += n;
    values.size((count + 7L) / 8);
  }

  /**
   * Appends {@code n} PLAIN BYTE_ARRAY values (each a 4-byte length and its bytes) from
   * {@code page[offset, end)}; returns the end of the last. Room is made once for the whole page.
   */
  long appendPlainBinary(MemorySegment page, long offset, long end, int n, String where) {
    long room = end - offset;
    if (values.size() + room > Integer.MAX_VALUE) {
      room = Math.max(0, Integer.MAX_VALUE - values.size());
    }
    MemorySegment data = values.ensure(room);
    MemorySegment offs = offsets.ensure(4L * n);
    long position = offset;
    long written = values.size();
    long slot = offsets.size();
    for (int index = 0; index < n; index++) {
      if (end - position < 4) {
        throw new FloeIoException(where + ": PLAIN value " + index + " of " + n + ": length prefix at byte "
            + position + " runs past the page end " + end);
      }
      int length = page.get(ValueLayout.JAVA_INT_UNALIGNED, position);
      position += 4;
      if (length < 0 || length > end - position) {
        throw new FloeIoException(where + ": PLAIN value " + index + " at byte " + (position - 4) + " claims "
            + Integer.toUnsignedString(length) + " bytes, only " + (end - position) + " remain");
      }
      if (written + length > Integer.MAX_VALUE) {
        throw new FloeIoException(where + ": more than 2 GiB of string/binary data in one column chunk");
      }
      MemorySegment.copy(page, position, data, written, length);
      position += length;
      written += length;
      offs.set(ValueLayout.JAVA_INT_UNALIGNED, slot, (int) written);
      slot += 4;
      count++;
      values.size(written);
      offsets.size(slot);
    }
    return position;
  }

  /** Appends one value of any length (BYTE_ARRAY). */
  void appendBinary(MemorySegment source, long offset, int length, String where) {
    long end = values.size() + length;
    if (end > Integer.MAX_VALUE) {
      throw new FloeIoException(where + ": more than 2 GiB of string/binary data in one column chunk");
    }
    MemorySegment data = values.ensure(length);
    MemorySegment.copy(source, offset, data, values.size(), length);
    values.advance(length);
    MemorySegment offs = offsets.ensure(4);
    offs.set(ValueLayout.JAVA_INT_UNALIGNED, offsets.size(), (int) end);
    offsets.advance(4);
    count++;
  }

  int offsetAt(int index) {
    return offsets.segment().get(ValueLayout.JAVA_INT_UNALIGNED, index * 4L);
  }

  /**
   * Appends {@code n} values of {@code dictionary} chosen by {@code indices[0, n)}; an index outside
   * the dictionary raises {@link FloeIoException}.
   */
  void gather(PhysicalValues dictionary, int[] indices, int n, String where) {
    int size = dictionary.count;
    for (int k = 0; k < n; k++) {
      if (indices[k] < 0 || indices[k] >= size) {
        throw new FloeIoException(where + ": dictionary index " + Integer.toUnsignedString(indices[k])
            + " is outside the dictionary of " + size + " values");
      }
    }
    MemorySegment source = dictionary.values.segment();
    switch (width) {
      case BITS -> {
        for (int k = 0; k < n; k++) {
          appendBits(source, indices[k], 1);
        }
      }
      case VARIABLE -> {
        MemorySegment dictOffsets = dictionary.offsets.segment();
        long bytes = 0;
        for (int k = 0; k < n; k++) {
          long at = 4L * indices[k];
          bytes += dictOffsets.get(ValueLayout.JAVA_INT_UNALIGNED, at + 4) - dictOffsets.get(ValueLayout.JAVA_INT_UNALIGNED, at);
        }
        long end = values.size() + bytes;
        if (end > Integer.MAX_VALUE) {
          throw new FloeIoException(where + ": more than 2 GiB of string/binary data in one column chunk");
        }
        MemorySegment data = values.ensure(bytes);
        MemorySegment offs = offsets.ensure(4L * n);
        long position = values.size();
        long slot = offsets.size();
        for (int k = 0; k < n; k++) {
          long at = 4L * indices[k];
          int from = dictOffsets.get(ValueLayout.JAVA_INT_UNALIGNED, at);
          int length = dictOffsets.get(ValueLayout.JAVA_INT_UNALIGNED, at + 4) - from;
          MemorySegment.copy(source, from, data, position, length);
          position += length;
          offs.set(ValueLayout.JAVA_INT_UNALIGNED, slot, (int) position);
          slot += 4;
        }
        values.size(position);
        offsets.size(slot);
        count += n;
      }
      case 4 -> {
        long at = reserveFixed(n);
        MemorySegment target = values.segment();
        for (int k = 0; k < n; k++) {
          target.set(ValueLayout.JAVA_INT_UNALIGNED, at + 4L * k,
              source.get(ValueLayout.JAVA_INT_UNALIGNED, 4L * indices[k]));
        }
      }
      case 8 -> {
        long at = reserveFixed(n);
        MemorySegment target = values.segment();
        for (int k = 0; k < n; k++) {
          target.set(ValueLayout.JAVA_LONG_UNALIGNED, at + 8L * k,
              source.get(ValueLayout.JAVA_LONG_UNALIGNED, 8L * indices[k]));
        }
      }
      default -> {
        long at = reserveFixed(n);
        MemorySegment target = values.segment();
        for (int k = 0; k < n; k++) {
          MemorySegment.copy(source, (long) width * indices[k], target, at + (long) width * k, width);
        }
      }
    }
  }

  @Override
  public void close() {
    values.close();
    if (offsets != null) {
      offsets.close();
    }
  }
}
