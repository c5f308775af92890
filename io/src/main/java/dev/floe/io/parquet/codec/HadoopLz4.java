package dev.floe.io.parquet.codec;

import dev.floe.errors.FloeIoException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * The deprecated Parquet {@code LZ4} codec: Hadoop's block framing, blocks of
 * [big-endian uncompressed size][big-endian compressed size][LZ4 block]... Some old writers
 * emitted raw LZ4 blocks under this name instead, so a page that does not parse as framed is
 * tried as one raw block, as Arrow C++ does.
 */
final class HadoopLz4 {
  private static final ValueLayout.OfInt BIG_INT =
      ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
  private static final LZ4SafeDecompressor LZ4 = LZ4Factory.safeInstance().safeDecompressor();

  private HadoopLz4() {}

  static long decompress(MemorySegment source, MemorySegment target, String where) {
    long framed = framed(source, target);
    if (framed >= 0) {
      return framed;
    }
    try {
      return LZ4.decompress(PageCodecs.direct(source), 0, (int) source.byteSize(),
          PageCodecs.direct(target), 0, (int) target.byteSize());
    } catch (RuntimeException failure) {
      throw new FloeIoException(where + ": corrupt LZ4 page: " + failure.getMessage(), failure);
    }
  }

  /** The decompressed size, or -1 when the page is not Hadoop-framed. */
  private static long framed(MemorySegment source, MemorySegment target) {
    long in = 0;
    long out = 0;
    while (in < source.byteSize()) {
      if (source.byteSize() - in < 8) {
        return -1;
      }
      long expanded = Integer.toUnsignedLong(source.get(BIG_INT, in));
      long compressed = Integer.toUnsignedLong(source.get(BIG_INT, in + 4));
      in += 8;
      if (compressed > source.byteSize() - in || expanded > target.byteSize() - out) {
        return -1;
      }
      try {
        int n = LZ4.decompress(PageCodecs.direct(source.asSlice(in, compressed)), 0, (int) compressed,
            PageCodecs.direct(target.asSlice(out, expanded)), 0, (int) expanded);
        if (n != expanded) {
          return -1;
        }
      } catch (RuntimeException notFramed) {
        return -1;
      }
      in += compressed;
      out += expanded;
    }
    return out;
  }
}
