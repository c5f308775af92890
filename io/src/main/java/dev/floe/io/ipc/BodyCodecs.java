package dev.floe.io.ipc;

import com.github.luben.zstd.Zstd;
import dev.floe.errors.FloeIoException;
import dev.floe.io.SegmentInput;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Compresses and decompresses Arrow IPC body buffers between off-heap segments: zstd straight on
 * the addresses (zstd-jni), LZ4 frames through 64 KiB heap chunks (lz4-java's pure-Java safe
 * decompressor, so hostile input cannot read outside its arrays).
 */
final class BodyCodecs {
  private static final int CHUNK = 1 << 16;
  private static final int ZSTD_LEVEL = 1;
  /** Larger claims are lies (and would overflow size arithmetic): 64 TiB. */
  private static final long MAX_BUFFER = 1L << 46;

  private BodyCodecs() {}

  /** Decompresses {@code source} into a new buffer of exactly {@code size} meaningful bytes. */
  static Buffer decompress(
      IpcCompression codec, MemorySegment source, long size, BufferAllocator allocator, String where) {
    if (size < 0 || size > MAX_BUFFER) {
      throw new FloeIoException(where + ": implausible uncompressed length " + size);
    }
    Buffer target = allocator.allocate(size);
    if (target.capacity() < size) {
      target.release();
      throw new FloeIoException(where + ": cannot allocate " + size + " bytes");
    }
    try {
      long produced =
          switch (codec) {
            case ZSTD -> {
              long result =
                  Zstd.decompressUnsafe(target.address(), target.capacity(), source.address(), source.byteSize());
              if (Zstd.isError(result)) {
                throw new FloeIoException(where + ": zstd: " + Zstd.getErrorName(result));
              }
              yield result;
            }
            case LZ4 -> lz4Decompress(source, target.segment(), size, where);
            case NONE -> throw new IllegalStateException("not compressed");
          };
      if (produced != size) {
        throw new FloeIoException(
            where + ": decompressed to " + produced + " bytes, but the buffer says " + size);
      }
      return target;
    } catch (RuntimeException failure) {
      target.release();
      throw failure;
    }
  }

  private static long lz4Decompress(MemorySegment source, MemorySegment target, long size, String where) {
    byte[] chunk = new byte[CHUNK];
    long written = 0;
    try (InputStream in =
        new LZ4FrameInputStream(
            new SegmentInput(source),
            LZ4Factory.safeInstance().safeDecompressor(),
            XXHashFactory.safeInstance().hash32())) {
      int read;
      while ((read = in.read(chunk, 0, CHUNK)) > 0) {
        if (written + read > size) {
          throw new FloeIoException(where + ": LZ4 data decompresses to more than " + size + " bytes");
        }
        MemorySegment.copy(chunk, 0, target, ValueLayout.JAVA_BYTE, written, read);
        written += read;
      }
    } catch (IOException | RuntimeException failure) {
      if (failure instanceof FloeIoException io) {
        throw io;
      }
      throw new FloeIoException(where + ": invalid LZ4 frame: " + failure.getMessage(), failure);
    }
    return written;
  }

  /** A new buffer: the int64 uncompressed length, then the compressed bytes of {@code source}. */
  static Sized compress(IpcCompression codec, MemorySegment source, BufferAllocator allocator) {
    long size = source.byteSize();
    return switch (codec) {
      case ZSTD -> {
        long bound = Zstd.compressBound(size);
        Buffer target = allocator.allocate(8 + bound);
        long result =
            Zstd.compressUnsafe(target.address() + 8, bound, source.address(), size, ZSTD_LEVEL);
        if (Zstd.isError(result)) {
          target.release();
          throw new FloeIoException("zstd compression failed: " + Zstd.getErrorName(result));
        }
        target.segment().set(ValueLayout.JAVA_LONG_UNALIGNED, 0, size);
        yield new Sized(target, 8 + result);
      }
      case LZ4 -> {
        SegmentOutput out = new SegmentOutput(allocator, size / 2 + 64);
        try {
          out.writeLong(size);
          byte[] chunk = new byte[CHUNK];
          try (OutputStream lz4 = new LZ4FrameOutputStream(out, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB)) {
            for (long position = 0; position < size; position += CHUNK) {
              int length = (int) Math.min(CHUNK, size - position);
              MemorySegment.copy(source, ValueLayout.JAVA_BYTE, position, chunk, 0, length);
              lz4.write(chunk, 0, length);
            }
          }
          yield out.finish();
        } catch (IOException | RuntimeException failure) {
          out.discard();
          throw new FloeIoException("LZ4 compression failed: " + failure.getMessage(), failure);
        }
      }
      case NONE -> throw new IllegalStateException("not compressed");
    };
  }
}
