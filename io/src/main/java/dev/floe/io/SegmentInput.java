package dev.floe.io;

import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** An input stream over a memory segment (for stream decoders: LZ4 frames, gzip, zlib, zstd). */
public final class SegmentInput extends InputStream {
  private final MemorySegment segment;
  private long position;

  public SegmentInput(MemorySegment segment) {
    this.segment = segment;
  }

  @Override
  public int read() {
    return position < segment.byteSize() ? Byte.toUnsignedInt(segment.get(ValueLayout.JAVA_BYTE, position++)) : -1;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    long left = segment.byteSize() - position;
    if (left <= 0) {
      return length == 0 ? 0 : -1;
    }
    int count = (int) Math.min(length, left);
    MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, position, target, offset, count);
    position += count;
    return count;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, segment.byteSize() - position);
  }
}
