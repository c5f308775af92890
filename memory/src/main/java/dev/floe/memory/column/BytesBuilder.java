package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A growing byte buffer: the data buffer of a var-binary builder. Allocated at the first append;
 * capacity doubles through {@link Growth}, so appending n bytes costs O(n) amortized.
 */
final class BytesBuilder {
  private final BufferAllocator allocator;
  private final long initialBytes;
  private Buffer buffer;
  private MemorySegment segment;
  private long size;

  BytesBuilder(BufferAllocator allocator, long initialBytes) {
    this.allocator = allocator;
    this.initialBytes = Math.max(initialBytes, 64);
  }

  /** Bytes appended since the last finish. */
  long size() {
    return size;
  }

  void append(byte[] bytes) {
    ensureRoom(bytes.length);
    MemorySegment.copy(bytes, 0, segment, ValueLayout.JAVA_BYTE, size, bytes.length);
    size += bytes.length;
  }

  void append(MemorySegment source, long offset, int length) {
    if (length < 0) {
      throw new InvalidOperationException("cannot append a negative length (" + length + ")");
    }
    ensureRoom(length);
    MemorySegment.copy(source, offset, segment, size, length);
    size += length;
  }

  /** The data buffer (a 64-byte buffer when nothing was appended); resets. */
  Buffer finish() {
    if (buffer == null) {
      buffer = allocator.allocate(0);
    }
    Buffer result = buffer;
    buffer = null;
    segment = null;
    size = 0;
    return result;
  }

  void close() {
    if (buffer != null) {
      buffer.release();
    }
    buffer = null;
    segment = null;
    size = 0;
  }

  private void ensureRoom(long extra) {
    long required = size + extra;
    if (buffer == null || required > buffer.capacity()) {
      long current = buffer == null ? 0 : buffer.capacity();
      long newBytes = Growth.nextCapacity(current, Math.max(required, initialBytes));
      buffer = Growth.grow(allocator, buffer, size, newBytes, false);
      segment = buffer.segment();
    }
  }
}
