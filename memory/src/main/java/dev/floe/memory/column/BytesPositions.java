package dev.floe.memory.column;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * The merged positions of string (or binary) dictionary values, for {@link DictionaryUnion}: an
 * open-addressing table (linear probing) over the values' bytes, read in place from the
 * dictionaries' buffers, so no String is made for a value already seen. Each merged position
 * remembers where its bytes first came from, to compare against; those dictionaries must stay
 * open while the table is used.
 */
final class BytesPositions {
  private static final long FIBONACCI = 0x9E3779B97F4A7C15L;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

  private int[] slots = new int[1 << 10]; // merged position + 1; 0 is empty
  private long[] slotHashes = new long[1 << 10];
  private MemorySegment[] data = new MemorySegment[64]; // where each merged value's bytes are
  private long[] starts = new long[64];
  private int[] lengths = new int[64];
  private int size;

  /** The merged position of the value {@code [start, start + length)} of {@code bytes}, or -1. */
  int find(MemorySegment bytes, long start, int length, long hash) {
    int mask = slots.length - 1;
    int slot = slotOf(hash);
    while (slots[slot] != 0) {
      int position = slots[slot] - 1;
      if (slotHashes[slot] == hash && lengths[position] == length
          && MemorySegment.mismatch(bytes, start, start + length, data[position], starts[position],
              starts[position] + length) < 0) {
        return position;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** Records the value as the next merged position (its bytes must stay readable); returns it. */
  int add(MemorySegment bytes, long start, int length, long hash) {
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    if (size == data.length) {
      data = Arrays.copyOf(data, size * 2);
      starts = Arrays.copyOf(starts, size * 2);
      lengths = Arrays.copyOf(lengths, size * 2);
    }
    int position = size++;
    data[position] = bytes;
    starts[position] = start;
    lengths[position] = length;
    place(hash, position);
    return position;
  }

  /** A hash of the value's bytes, eight at a time. */
  static long hash(MemorySegment bytes, long start, int length) {
    long hash = length * FIBONACCI;
    int index = 0;
    for (; index + 8 <= length; index += 8) {
      hash = Long.rotateLeft((hash ^ bytes.get(LONG, start + index)) * FIBONACCI, 29);
    }
    for (; index < length; index++) {
      hash = Long.rotateLeft((hash ^ bytes.get(ValueLayout.JAVA_BYTE, start + index)) * FIBONACCI, 29);
    }
    return hash ^ (hash >>> 32);
  }

  private int slotOf(long hash) {
    return (int) ((hash * FIBONACCI) >>> (64 - Integer.numberOfTrailingZeros(slots.length)));
  }

  private void place(long hash, int position) {
    int mask = slots.length - 1;
    int slot = slotOf(hash);
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = position + 1;
    slotHashes[slot] = hash;
  }

  private void grow() {
    int[] oldSlots = slots;
    long[] oldHashes = slotHashes;
    slots = new int[oldSlots.length * 2];
    slotHashes = new long[oldSlots.length * 2];
    for (int slot = 0; slot < oldSlots.length; slot++) {
      if (oldSlots[slot] != 0) {
        place(oldHashes[slot], oldSlots[slot] - 1);
      }
    }
  }
}
