package dev.floe.io.ipc;

import dev.floe.memory.BufferAllocator;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The buffers of one message body as written: the encoder's segments, or their compressed forms
 * (new buffers, released by {@link #close()}).
 */
record BodyParts(List<MemorySegment> segments, List<Sized> owned) implements AutoCloseable {
  static BodyParts of(List<MemorySegment> parts, IpcCompression compression, BufferAllocator allocator) {
    List<MemorySegment> segments = new ArrayList<>();
    List<Sized> owned = new ArrayList<>();
    BodyParts body = new BodyParts(segments, owned);
    try {
      for (MemorySegment part : parts) {
        if (compression == IpcCompression.NONE || part.byteSize() == 0) {
          segments.add(part);
        } else {
          Sized compressed = BodyCodecs.compress(compression, part, allocator);
          owned.add(compressed);
          segments.add(compressed.buffer().segment().asSlice(0, compressed.length()));
        }
      }
      return body;
    } catch (RuntimeException failure) {
      body.close();
      throw failure;
    }
  }

  /** The body length: every buffer padded to 64 bytes. */
  long length() {
    long total = 0;
    for (MemorySegment segment : segments) {
      total += (segment.byteSize() + 63) / 64 * 64;
    }
    return total;
  }

  @Override
  public void close() {
    owned.forEach(sized -> sized.buffer().release());
    owned.clear();
  }
}
