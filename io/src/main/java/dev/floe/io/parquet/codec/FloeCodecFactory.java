package dev.floe.io.parquet.codec;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * parquet-mr's codec factory without Hadoop (its stock factory loads Hadoop classes): every codec
 * goes through {@link PageCodecs}.
 */
public final class FloeCodecFactory implements CompressionCodecFactory {
  private final int level;

  /** {@code level} applies to ZSTD, GZIP and BROTLI compression; ignored by the others. */
  public FloeCodecFactory(int level) {
    this.level = level;
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return getCompressor(codec, level);
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec, int codecLevel) {
    return new BytesInputCompressor() {
      @Override
      public BytesInput compress(BytesInput bytes) throws IOException {
        // the page is gathered into a per-thread array (no toByteArray copy); the codec's output
        // is the one copy parquet-mr keeps until the row group is flushed
        PageBytes page = PAGE.get();
        page.reset();
        bytes.writeAllTo(page);
        return BytesInput.from(PageCodecs.compress(codec, codecLevel, page.array(), 0, page.size()));
      }

      @Override
      public CompressionCodecName getCodecName() {
        return codec;
      }

      @Override
      public void release() {}
    };
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return new BytesInputDecompressor() {
      @Override
      public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
        ByteBuffer target = ByteBuffer.allocateDirect(uncompressedSize);
        decompress(ByteBuffer.wrap(toArray(bytes)), (int) bytes.size(), target, uncompressedSize);
        target.flip();
        return BytesInput.from(target);
      }

      @Override
      public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
        ByteBuffer source = input;
        if (!input.isDirect()) {
          source = ByteBuffer.allocateDirect(compressedSize);
          source.put(input.duplicate().limit(input.position() + compressedSize)).flip();
        }
        MemorySegment in = MemorySegment.ofBuffer(source).asSlice(0, compressedSize);
        MemorySegment out = MemorySegment.ofBuffer(output).asSlice(0, uncompressedSize);
        PageCodecs.decompress(codec, in, out, "parquet page");
        output.position(output.position() + uncompressedSize);
      }

      @Override
      public void release() {}
    };
  }

  @Override
  public void release() {}

  private static final ThreadLocal<PageBytes> PAGE = ThreadLocal.withInitial(PageBytes::new);

  /** A growable byte array that exposes its storage (a ByteArrayOutputStream without the copy). */
  private static final class PageBytes extends java.io.ByteArrayOutputStream {
    PageBytes() {
      super(1 << 16);
    }

    byte[] array() {
      return buf;
    }
  }

  private static byte[] toArray(BytesInput bytes) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(Math.toIntExact(bytes.size()));
    bytes.writeAllTo(out);
    return out.toByteArray();
  }
}
