package dev.floe.io.parquet.read;

import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.lang.foreign.MemorySegment;

/**
 * An off-heap byte buffer that grows by doubling, written at {@link #size()}; {@link #take()} hands
 * the buffer over (the caller then owns it), {@link #close()} frees it if it was not taken.
 */
final class GrowBuffer implements AutoCloseable {
  private final BufferAllocator allocator;
  private Buffer buffer;
  private long size;

  GrowBuffer(BufferAllocator allocator, long initialCapacity) {
    this.allocator = allocator;
    this.buffer = allocator.allocate(Math.max(64, initialCapacity));
  }

  /** Makes room for {@code more} bytes after {@link #size()}; returns the (possibly new) segment. */
  MemorySegment ensure(long more) {
    long needed = size + more;
    if (needed > buffer.capacity()) {
      long capacity = Math.max(needed, buffer.capacity() * 2);
      Buffer bigger = allocator.allocate(capacity);
      MemorySegment.copy(buffer.segment(), 0, bigger.segment(), 0, size);
      buffer.release();
      buffer = bigger;
    }
    return buffer.segment();
  }

  MemorySegment segment() {
    return buffer.segment();
  }

  long size() {
    return size;
  }

  void size(long newSize) {
    this.size = newSize;
  }

  void advance(long bytes) {
    this.size += bytes;
  }

  /** Hands the buffer over to the caller; this object is then empty. */
  Buffer take() {
    Buffer out = buffer;
    buffer = null;
    return out;
  }

  @Override
  public void close() {
    if (buffer != null) {
      buffer.release();
      buffer = null;
    }
  }
}
