package dev.floe.io.ipc;

import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** An output stream into a growing off-heap buffer (for lz4-java's frame writer). */
final class SegmentOutput extends OutputStream {
  private final BufferAllocator allocator;
  private Buffer buffer;
  private long length;

  SegmentOutput(BufferAllocator allocator, long initialCapacity) {
    this.allocator = allocator;
    this.buffer = allocator.allocate(Math.max(64, initialCapacity));
  }

  private void ensure(long more) {
    if (length + more > buffer.capacity()) {
      Buffer bigger = allocator.allocate(Math.max(buffer.capacity() * 2, length + more));
      MemorySegment.copy(buffer.segment(), 0, bigger.segment(), 0, length);
      buffer.release();
      buffer = bigger;
    }
  }

  void writeLong(long value) {
    ensure(8);
    buffer.segment().set(ValueLayout.JAVA_LONG_UNALIGNED, length, value);
    length += 8;
  }

  @Override
  public void write(int value) {
    ensure(1);
    buffer.segment().set(ValueLayout.JAVA_BYTE, length++, (byte) value);
  }

  @Override
  public void write(byte[] source, int offset, int count) {
    ensure(count);
    MemorySegment.copy(source, offset, buffer.segment(), ValueLayout.JAVA_BYTE, length, count);
    length += count;
  }

  /** The bytes written; the caller owns the buffer. */
  Sized finish() {
    Sized result = new Sized(buffer, length);
    buffer = null;
    return result;
  }

  /** Frees the buffer after a failure. */
  void discard() {
    if (buffer != null) {
      buffer.release();
      buffer = null;
    }
  }
}
