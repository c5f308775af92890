package dev.floe.io.ipc;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Where {@link MessageWriter} puts the bytes of an IPC file or stream, in order: a file channel
 * (the ordinary writer), a memory mapping of the exact final size (the memory-mapped writer), or
 * nowhere (the sizing pass that computes that size). A sink does not track its position; the
 * message writer does.
 */
interface IpcSink {
  /** Appends the remaining bytes of {@code bytes} (heap or direct) and consumes them. */
  void write(ByteBuffer bytes) throws IOException;

  /** Appends all of {@code segment} (off-heap column memory). */
  void write(MemorySegment segment) throws IOException;

  /** Appends {@code count} zero bytes (padding). */
  void zeros(int count) throws IOException;

  /** A sink that only counts: the sizing pass of the memory-mapped writer. */
  static IpcSink counting() {
    return new IpcSink() {
      @Override
      public void write(ByteBuffer bytes) {
        bytes.position(bytes.limit());
      }

      @Override
      public void write(MemorySegment segment) {}

      @Override
      public void zeros(int count) {}
    };
  }

  /** A sink writing to {@code channel} from its current position, off-heap memory without a heap copy. */
  static IpcSink of(FileChannel channel) {
    ByteBuffer zeros = ByteBuffer.allocateDirect(64);
    return new IpcSink() {
      @Override
      public void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
      }

      @Override
      public void write(MemorySegment segment) throws IOException {
        long chunk = 1L << 30;
        for (long start = 0; start < segment.byteSize(); start += chunk) {
          write(segment.asSlice(start, Math.min(chunk, segment.byteSize() - start)).asByteBuffer());
        }
      }

      @Override
      public void zeros(int count) throws IOException {
        for (int left = count; left > 0; left -= zeros.capacity()) {
          write(zeros.duplicate().limit(Math.min(left, zeros.capacity())));
        }
      }
    };
  }

  /**
   * A sink filling {@code target} from byte 0; writing past its end throws {@link
   * IndexOutOfBoundsException} (the sizing pass and the writing pass disagree: a bug).
   */
  static IpcSink into(MemorySegment target) {
    return new IpcSink() {
      private long position;

      @Override
      public void write(ByteBuffer bytes) {
        int length = bytes.remaining();
        MemorySegment.copy(MemorySegment.ofBuffer(bytes), 0, target, position, length);
        bytes.position(bytes.limit());
        position += length;
      }

      @Override
      public void write(MemorySegment segment) {
        MemorySegment.copy(segment, 0, target, position, segment.byteSize());
        position += segment.byteSize();
      }

      @Override
      public void zeros(int count) {
        target.asSlice(position, count).fill((byte) 0);
        position += count;
      }
    };
  }
}
