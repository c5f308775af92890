package dev.floe.io.parquet.read;

import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** An input stream over {@code [position, limit)} of a segment that reports where it stopped. */
final class SegmentStream extends InputStream {
  private final MemorySegment segment;
  private final long limit;
  private long position;

  SegmentStream(MemorySegment segment, long position, long limit) {
    this.segment = segment;
    this.position = position;
    this.limit = limit;
  }

  long position() {
    return position;
  }

  @Override
  public int read() {
    return position < limit ? Byte.toUnsignedInt(segment.get(ValueLayout.JAVA_BYTE, position++)) : -1;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    long left = limit - position;
    if (length == 0) {
      return 0;
    }
    if (left <= 0) {
      return -1;
    }
    int count = (int) Math.min(length, left);
    MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, position, target, offset, count);
    position += count;
    return count;
  }

  @Override
  public long skip(long count) {
    long skipped = Math.max(0, Math.min(count, limit - position));
    position += skipped;
    return skipped;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, limit - position);
  }
}
