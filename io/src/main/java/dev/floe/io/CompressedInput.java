package dev.floe.io;

import com.github.luben.zstd.ZstdInputStream;
import dev.floe.errors.FloeIoException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Whole-file decompression of text inputs (CSV, JSON, NDJSON) recognised by their magic bytes, as
 * Polars does: gzip (1f 8b), zlib (78 01/5e/9c/da) and zstd (28 b5 2f fd). The decompressed bytes go
 * to one off-heap buffer that grows by doubling; the caller closes the result after parsing.
 */
public final class CompressedInput {
  private static final int CHUNK = 1 << 20;

  /** The recognised compressions. */
  public enum Kind { NONE, GZIP, ZLIB, ZSTD }

  private CompressedInput() {}

  /** The compression {@code data} starts with, from its first bytes. */
  public static Kind detect(MemorySegment data) {
    if (data.byteSize() < 2) {
      return Kind.NONE;
    }
    int b0 = Byte.toUnsignedInt(data.get(ValueLayout.JAVA_BYTE, 0));
    int b1 = Byte.toUnsignedInt(data.get(ValueLayout.JAVA_BYTE, 1));
    if (b0 == 0x1f && b1 == 0x8b) {
      return Kind.GZIP;
    }
    if (b0 == 0x78 && (b1 == 0x01 || b1 == 0x5e || b1 == 0x9c || b1 == 0xda)) {
      return Kind.ZLIB;
    }
    if (data.byteSize() >= 4 && b0 == 0x28 && b1 == 0xb5
        && Byte.toUnsignedInt(data.get(ValueLayout.JAVA_BYTE, 2)) == 0x2f
        && Byte.toUnsignedInt(data.get(ValueLayout.JAVA_BYTE, 3)) == 0xfd) {
      return Kind.ZSTD;
    }
    return Kind.NONE;
  }

  /** Decompressed bytes: {@link #bytes()} is valid until {@link #close()}. */
  public static final class Decompressed implements AutoCloseable {
    private Buffer buffer;
    private final long length;

    private Decompressed(Buffer buffer, long length) {
      this.buffer = buffer;
      this.length = length;
    }

    public MemorySegment bytes() {
      return buffer.segment().asSlice(0, length);
    }

    @Override
    public void close() {
      if (buffer != null) {
        buffer.release();
        buffer = null;
      }
    }
  }

  /**
   * Decompresses {@code data} when it is compressed, or returns null when it is not.
   *
   * @throws FloeIoException naming {@code file} when the compressed data is corrupt or truncated
   */
  public static Decompressed decompressIfNeeded(MemorySegment data, String file, BufferAllocator allocator) {
    Kind kind = detect(data);
    if (kind == Kind.NONE) {
      return null;
    }
    Buffer buffer = allocator.allocate(Math.max(CHUNK, Math.min(data.byteSize() * 4, 1L << 30)));
    long length = 0;
    byte[] chunk = new byte[CHUNK];
    try (InputStream in = open(kind, new SegmentInput(data))) {
      int read;
      while ((read = in.read(chunk, 0, CHUNK)) > 0) {
        if (length + read > buffer.capacity()) {
          buffer = grow(buffer, length, length + read, allocator);
        }
        MemorySegment.copy(chunk, 0, buffer.segment(), ValueLayout.JAVA_BYTE, length, read);
        length += read;
      }
      return new Decompressed(buffer, length);
    } catch (IOException | RuntimeException failure) {
      buffer.release();
      if (failure instanceof dev.floe.errors.FloeException floe) {
        throw floe;
      }
      throw new FloeIoException(file + ": corrupt or truncated " + kind + " data after "
          + length + " decompressed bytes: " + failure.getMessage(), failure);
    }
  }

  private static InputStream open(Kind kind, InputStream raw) throws IOException {
    return switch (kind) {
      case GZIP -> new GZIPInputStream(raw, CHUNK);
      case ZLIB -> new InflaterInputStream(raw);
      case ZSTD -> new ZstdInputStream(raw);
      case NONE -> raw;
    };
  }

  private static Buffer grow(Buffer buffer, long used, long needed, BufferAllocator allocator) {
    long capacity = Math.max(needed, buffer.capacity() * 2);
    Buffer larger = allocator.allocate(capacity);
    MemorySegment.copy(buffer.segment(), 0, larger.segment(), 0, used);
    buffer.release();
    return larger;
  }
}
