package dev.floe.io.ipc;

import dev.floe.errors.FloeIoException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The buffer descriptors of one record batch, handed out in order: each is checked to lie within
 * the message body and to hold what its column needs, then becomes a zero-copy slice of the
 * mapping, a copy, or (compressed) a decompressed new buffer.
 */
final class BodyBuffers {
  private final MappedFile file;
  private final boolean zeroCopy;
  private final BufferAllocator allocator;
  private final FlatBuffer fb;
  private final long buffers;
  private final int count;
  private final IpcCompression codec;
  private final long bodyStart;
  private final long bodyLength;
  private final String where;
  private int index;
  private long lastLength;
  private String column = "";

  BodyBuffers(MappedFile file, boolean zeroCopy, BufferAllocator allocator, FlatBuffer fb, long buffers,
      IpcCompression codec, IpcMessage message, String where) {
    this.file = file;
    this.zeroCopy = zeroCopy;
    this.allocator = allocator;
    this.fb = fb;
    this.buffers = buffers;
    this.count = buffers < 0 ? 0 : fb.vectorLength(buffers, 16);
    this.codec = codec;
    this.bodyStart = message.bodyStart();
    this.bodyLength = message.bodyLength();
    this.where = where;
  }

  /** The number of buffer descriptors. */
  int count() {
    return count;
  }

  /** The meaningful length (uncompressed) of the last buffer taken. */
  long lastLength() {
    return lastLength;
  }

  /** Skips {@code buffers} descriptors without reading them (projected-away columns). */
  void skip(int skipped) {
    index += skipped;
  }

  /** Checks the next descriptor and skips it (an absent validity bitmap). */
  void skip() {
    descriptor();
  }

  private FloeIoException bad(String problem) {
    return new FloeIoException(where + ", column '" + column + "': " + problem);
  }

  private long[] descriptor() {
    if (index >= count) {
      throw bad("the record batch has only " + count + " buffers");
    }
    long position = fb.vectorStruct(buffers, index++, 16);
    long offset = fb.readLong(position);
    long length = fb.readLong(position + 8);
    if (offset < 0 || length < 0 || offset > bodyLength - length) {
      throw bad("buffer " + (index - 1) + " at body offset " + offset + " of " + length
          + " bytes lies outside the body of " + bodyLength + " bytes");
    }
    return new long[] {bodyStart + offset, length};
  }

  /** The next buffer of {@code columnName}, checked to hold at least {@code required} bytes. */
  Buffer take(long required, String columnName) {
    column = columnName;
    long[] range = descriptor();
    long start = range[0];
    long length = range[1];
    MemorySegment mapped = file.segment();
    if (codec != IpcCompression.NONE && length > 0) {
      if (length < 8) {
        throw bad("compressed buffer " + (index - 1) + " of " + length + " bytes lacks its length prefix");
      }
      long size = mapped.get(ValueLayout.JAVA_LONG_UNALIGNED, start);
      if (size != -1) {
        if (size < required) {
          throw bad("buffer " + (index - 1) + " decompresses to " + size + " bytes, needs " + required);
        }
        lastLength = size;
        return BodyCodecs.decompress(codec, mapped.asSlice(start + 8, length - 8), size, allocator,
            where + ", column '" + column + "', buffer " + (index - 1));
      }
      start += 8;
      length -= 8;
    }
    if (length < required) {
      throw bad("buffer " + (index - 1) + " holds " + length + " bytes, but the column needs " + required);
    }
    lastLength = length;
    if (zeroCopy) {
      long padded = Math.min((length + 63) & ~63L, file.size() - start);
      return file.slice(allocator, start, padded);
    }
    Buffer copy = allocator.allocate(length);
    MemorySegment.copy(mapped, start, copy.segment(), 0, length);
    return copy;
  }
}
