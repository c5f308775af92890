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
    this(allocator, width, expectedCount, 0);
  }

  /**
   * Values of one chunk; {@code expectedBytes} (the chunk's uncompressed size, 0 if unknown) sizes
   * the data of BYTE_ARRAY values up front, so long strings do not regrow (and recopy) the buffer
   * several times.
   */
  PhysicalValues(BufferAllocator allocator, int width, long expectedCount, long expectedBytes) {
    this.width = width;
    long initial = width > 0 ? expectedCount * width : width == BITS ? expectedCount / 8 + 8
        : Math.max(expectedCount * 8, expectedBytes);
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

  /** Makes room for {@code bytes} bytes of values in all (no effect when there is room already). */
  void expectBytes(long bytes) {
    values.ensure(Math.max(0, bytes - values.size()));
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
    if (end - offset > Integer.MAX_VALUE - 16) {
      throw new FloeIoException(where + ": a PLAIN page of " + (end - offset) + " bytes exceeds 2 GiB");
    }
    // The page goes to a per-thread heap array once, the values are packed in place there (each
    // moves left over the length prefixes before it; a per-value MemorySegment.copy costs more in
    // checks than the copy), then two bulk copies move data and offsets off-heap.
    int size = (int) (end - offset);
    HeapScratch scratch = HeapScratch.get();
    byte[] text = scratch.bytes(size);
    MemorySegment.copy(page, ValueLayout.JAVA_BYTE, offset, text, 0, size);
    int[] ends = scratch.ints(n);
    long base = values.size();
    int position = 0;
    int written = 0;
    for (int index = 0; index < n; index++) {
      if (size - position < 4) {
        throw new FloeIoException(where + ": PLAIN value " + index + " of " + n + ": length prefix at byte "
            + (offset + position) + " runs past the page end " + end);
      }
      int length = (int) INT_LE.get(text, position);
      position += 4;
      if (length < 0 || length > size - position) {
        throw new FloeIoException(where + ": PLAIN value " + index + " at byte " + (offset + position - 4)
            + " claims " + Integer.toUnsignedString(length) + " bytes, only " + (size - position)
            + " remain");
      }
      if (base + written + length > Integer.MAX_VALUE) {
        throw new FloeIoException(where + ": more than 2 GiB of string/binary data in one column chunk");
      }
      System.arraycopy(text, position, text, written, length);
      position += length;
      written += length;
      ends[index] = (int) (base + written);
    }
    MemorySegment data = values.ensure(written);
    MemorySegment.copy(text, 0, data, ValueLayout.JAVA_BYTE, base, written);
    MemorySegment offs = offsets.ensure(4L * n);
    MemorySegment.copy(ends, 0, offs, ValueLayout.JAVA_INT_UNALIGNED, offsets.size(), n);
    values.size(base + written);
    offsets.size(offsets.size() + 4L * n);
    count += n;
    return offset + position;
  }

  private static final java.lang.invoke.VarHandle LONG_LE =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final java.lang.invoke.VarHandle INT_LE =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

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
    int outside = 0;
    for (int k = 0; k < n; k++) {
      outside |= indices[k] | (size - 1 - indices[k]); // negative when some index is < 0 or >= size
    }
    if (outside < 0) {
      for (int k = 0; k < n; k++) {
        if (indices[k] < 0 || indices[k] >= size) {
          throw new FloeIoException(where + ": dictionary index " + Integer.toUnsignedString(indices[k])
              + " is outside the dictionary of " + size + " values");
        }
      }
    }
    MemorySegment source = dictionary.values.segment();
    switch (width) {
      case BITS -> {
        for (int k = 0; k < n; k++) {
          appendBits(source, indices[k], 1);
        }
      }
      case VARIABLE -> gatherBinary(dictionary, indices, n, where);
      case 4 -> {
        // gathered on the heap (array loops need no segment checks), then one bulk copy
        int[] dictionaryInts = dictionary.heapInts();
        int[] stage = HeapScratch.get().ints(n);
        for (int k = 0; k < n; k++) {
          stage[k] = dictionaryInts[indices[k]];
        }
        long at = reserveFixed(n);
        MemorySegment.copy(stage, 0, values.segment(), ValueLayout.JAVA_INT_UNALIGNED, at, n);
      }
      case 8 -> {
        long[] dictionaryLongs = dictionary.heapLongs();
        long[] stage = HeapScratch.get().longs(n);
        for (int k = 0; k < n; k++) {
          stage[k] = dictionaryLongs[indices[k]];
        }
        long at = reserveFixed(n);
        MemorySegment.copy(stage, 0, values.segment(), ValueLayout.JAVA_LONG_UNALIGNED, at, n);
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

  /**
   * The dictionary's value starts and lengths on the heap, computed once per dictionary: the
   * gather of every data page of the chunk reads them instead of the offsets buffer.
   */
  private int[] starts;
  private int[] lengths;
  /**
   * When every value of this dictionary has at most 32 bytes: its bytes as {@link #wordsPerValue}
   * little-endian words per value, zero-padded, so a gather moves whole words without a branch on
   * the length.
   */
  private long[] words;
  private int wordsPerValue;
  /** When every value of this dictionary is one byte long: those bytes. */
  private byte[] singleBytes;

  private void index() {
    if (starts != null) {
      return;
    }
    MemorySegment offs = offsets.segment();
    starts = new int[count];
    lengths = new int[count];
    int previous = offs.get(ValueLayout.JAVA_INT_UNALIGNED, 0);
    int longest = 0;
    for (int k = 0; k < count; k++) {
      int next = offs.get(ValueLayout.JAVA_INT_UNALIGNED, 4L * (k + 1));
      starts[k] = previous;
      lengths[k] = next - previous;
      longest = Math.max(longest, next - previous);
      previous = next;
    }
    int size = (int) values.size();
    bytes = new byte[size + 32]; // slack: the last value's words may reach past its end
    MemorySegment.copy(values.segment(), ValueLayout.JAVA_BYTE, 0, bytes, 0, size);
    boolean allSingle = count > 0;
    for (int k = 0; k < count; k++) {
      allSingle &= lengths[k] == 1;
    }
    if (allSingle) {
      singleBytes = new byte[count];
      for (int k = 0; k < count; k++) {
        singleBytes[k] = bytes[starts[k]];
      }
    }
    wordsPerValue = longest <= 16 ? 2 : longest <= 32 ? 4 : 0;
    if (wordsPerValue > 0) {
      words = new long[count * wordsPerValue];
      for (int k = 0; k < count; k++) {
        for (int word = 0; word < wordsPerValue; word++) {
          long value = 0;
          for (int b = 7; b >= 0; b--) {
            int at = word * 8 + b;
            value = (value << 8) | (at < lengths[k] ? bytes[starts[k] + at] & 0xFF : 0);
          }
          words[k * wordsPerValue + word] = value;
        }
      }
    }
  }

  private int[] ints;
  private long[] longs;
  private byte[] bytes;

  /** This dictionary's 4-byte values as a heap array (made once). */
  private int[] heapInts() {
    if (ints == null) {
      ints = values.segment().asSlice(0, 4L * count).toArray(ValueLayout.JAVA_INT_UNALIGNED);
    }
    return ints;
  }

  /** This dictionary's 8-byte values as a heap array (made once). */
  private long[] heapLongs() {
    if (longs == null) {
      longs = values.segment().asSlice(0, 8L * count).toArray(ValueLayout.JAVA_LONG_UNALIGNED);
    }
    return longs;
  }

  /**
   * Strings of a dictionary-encoded page, assembled in a per-thread heap array and moved off-heap
   * with two bulk copies; a per-value {@code MemorySegment.copy} costs more in checks than in
   * copying. Dictionaries of values up to 32 bytes (the common case) move 2 or 4 whole words per
   * value: each value's words overwrite the previous value's zero padding.
   */
  private void gatherBinary(PhysicalValues dictionary, int[] indices, int n, String where) {
    dictionary.index();
    int[] lengths = dictionary.lengths;
    HeapScratch scratch = HeapScratch.get();
    int[] ends = scratch.ints(n);
    long base = values.size();
    long total = 0;
    for (int k = 0; k < n; k++) {
      total += lengths[indices[k]];
      ends[k] = (int) (base + total);
    }
    if (base + total > Integer.MAX_VALUE) {
      throw new FloeIoException(where + ": more than 2 GiB of string/binary data in one column chunk");
    }
    byte[] stage = scratch.bytes((int) total + 32);
    int position = 0;
    if (dictionary.singleBytes != null) {
      // every value is one byte (flags such as TPC-H's l_returnflag): a byte gather
      byte[] single = dictionary.singleBytes;
      for (int k = 0; k < n; k++) {
        stage[k] = single[indices[k]];
      }
    } else if (dictionary.wordsPerValue == 2) {
      long[] words = dictionary.words;
      for (int k = 0; k < n; k++) {
        int index = indices[k];
        LONG_LE.set(stage, position, words[2 * index]);
        LONG_LE.set(stage, position + 8, words[2 * index + 1]);
        position += lengths[index];
      }
    } else if (dictionary.wordsPerValue == 4) {
      long[] words = dictionary.words;
      for (int k = 0; k < n; k++) {
        int index = indices[k];
        LONG_LE.set(stage, position, words[4 * index]);
        LONG_LE.set(stage, position + 8, words[4 * index + 1]);
        LONG_LE.set(stage, position + 16, words[4 * index + 2]);
        LONG_LE.set(stage, position + 24, words[4 * index + 3]);
        position += lengths[index];
      }
    } else {
      int[] starts = dictionary.starts;
      byte[] source = dictionary.bytes;
      for (int k = 0; k < n; k++) {
        int index = indices[k];
        System.arraycopy(source, starts[index], stage, position, lengths[index]);
        position += lengths[index];
      }
    }
    MemorySegment data = values.ensure(total);
    MemorySegment.copy(stage, 0, data, ValueLayout.JAVA_BYTE, base, (int) total);
    MemorySegment offs = offsets.ensure(4L * n);
    MemorySegment.copy(ends, 0, offs, ValueLayout.JAVA_INT_UNALIGNED, offsets.size(), n);
    values.size(base + total);
    offsets.size(offsets.size() + 4L * n);
    count += n;
  }

  @Override
  public void close() {
    values.close();
    if (offsets != null) {
      offsets.close();
    }
  }
}
