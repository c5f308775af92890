package dev.floe.memory.column;

import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The validity bitmap of a builder, allocated only at the first null: a column without nulls gets
 * no bitmap at all (Arrow allows that), and until then a valid append costs nothing here. The
 * bitmap is kept zeroed beyond the appended bits, so a null append never writes.
 */
final class ValidityBuilder {
  private final BufferAllocator allocator;
  private Buffer buffer;
  private MemorySegment bits;
  private long capacityBits;
  private int nullCount;

  ValidityBuilder(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  /** Records that value {@code index} is valid. */
  void appendValid(int index) {
    if (bits != null) {
      if (index >= capacityBits) {
        grow(index + 1L);
      }
      long byteIndex = index >>> 3;
      byte old = bits.get(ValueLayout.JAVA_BYTE, byteIndex);
      bits.set(ValueLayout.JAVA_BYTE, byteIndex, (byte) (old | (1 << (index & 7))));
    }
  }

  /** Records that value {@code index} is null (all earlier ones were recorded). */
  void appendNull(int index) {
    if (bits == null) {
      grow(Math.max(index + 1L, Growth.DEFAULT_CAPACITY));
      Bitmaps.setRange(bits, 0, index);
    } else if (index >= capacityBits) {
      grow(index + 1L);
    }
    nullCount++;
  }

  /** Records {@code count} valid values starting at {@code index}. */
  void appendValid(int index, int count) {
    if (bits != null && count > 0) {
      if (index + (long) count > capacityBits) {
        grow(index + (long) count);
      }
      Bitmaps.setRange(bits, index, count);
    }
  }

  int nullCount() {
    return nullCount;
  }

  /** The bitmap (or null if there were no nulls); this builder is reset. */
  Buffer finish() {
    Buffer result = buffer;
    buffer = null;
    bits = null;
    capacityBits = 0;
    nullCount = 0;
    return result;
  }

  void close() {
    if (buffer != null) {
      buffer.release();
    }
    buffer = null;
    bits = null;
    capacityBits = 0;
    nullCount = 0;
  }

  private void grow(long requiredBits) {
    long newBits = Growth.nextCapacity(capacityBits, requiredBits);
    buffer = Growth.grow(allocator, buffer, Bitmaps.bytesFor(capacityBits), Bitmaps.bytesFor(newBits), true);
    bits = buffer.segment();
    capacityBits = buffer.capacity() * 8;
  }
}
