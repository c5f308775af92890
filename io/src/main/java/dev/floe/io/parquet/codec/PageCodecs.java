package dev.floe.io.parquet.codec;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.floe.errors.FloeIoException;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Decompresses Parquet pages between off-heap segments, and compresses heap pages for the writer.
 * LZ4 uses lz4-java's pure-Java safe decompressor (its JNI one read out of bounds on hostile input,
 * CVE-2025-12183). Every decoder is bounded by the target segment, so a page header that lies about its sizes
 * yields a {@link FloeIoException}, never a write outside the target.
 */
public final class PageCodecs {
  private static final LZ4SafeDecompressor LZ4 = LZ4Factory.safeInstance().safeDecompressor();

  private PageCodecs() {}

  /** The codecs this build can read and write, for error messages. */
  public static String supported() {
    return "UNCOMPRESSED, SNAPPY, GZIP, LZ4_RAW, LZ4, ZSTD"
        + (Brotli4jLoader.isAvailable() ? ", BROTLI" : "");
  }

  /**
   * Decompresses {@code source} into {@code target}, which must be exactly the page's uncompressed
   * size; {@code where} names the file, column and page for errors.
   */
  public static void decompress(
      CompressionCodecName codec, MemorySegment source, MemorySegment target, String where) {
    long produced;
    try {
      produced =
          switch (codec) {
            case UNCOMPRESSED -> copy(source, target);
            case ZSTD -> zstd(source, target, where);
            case SNAPPY -> snappy(source, target, where);
            case GZIP -> GzipPages.inflate(source, target, where);
            case LZ4_RAW -> lz4Raw(source, target);
            case LZ4 -> HadoopLz4.decompress(source, target, where);
            case BROTLI -> brotli(source, target, where);
            default -> throw new FloeIoException(
                where + ": compression codec " + codec + " is not supported; supported: " + supported());
          };
    } catch (IOException | LZ4Exception | DataFormatException | IndexOutOfBoundsException failure) {
      throw new FloeIoException(where + ": corrupt " + codec + " page: " + failure.getMessage(), failure);
    }
    if (produced != target.byteSize()) {
      throw new FloeIoException(where + ": " + codec + " page decompressed to " + produced
          + " bytes, but its header says " + target.byteSize());
    }
  }

  /** Compresses one page for the writer; {@code level} is used by ZSTD, GZIP and BROTLI. */
  public static byte[] compress(CompressionCodecName codec, int level, byte[] page, int offset, int length)
      throws IOException {
    return switch (codec) {
      case UNCOMPRESSED -> java.util.Arrays.copyOfRange(page, offset, offset + length);
      case ZSTD -> {
        byte[] out = scratch(Math.toIntExact(Zstd.compressBound(length)));
        long n = Zstd.compressByteArray(out, 0, out.length, page, offset, length, level);
        if (Zstd.isError(n)) {
          throw new IOException("zstd: " + Zstd.getErrorName(n));
        }
        yield java.util.Arrays.copyOf(out, (int) n);
      }
      case SNAPPY -> {
        byte[] out = scratch(Snappy.maxCompressedLength(length));
        int n = Snappy.compress(page, offset, length, out, 0);
        yield java.util.Arrays.copyOf(out, n);
      }
      case GZIP -> GzipPages.deflate(page, offset, length, level);
      case LZ4_RAW -> LZ4Factory.fastestInstance().fastCompressor().compress(page, offset, length);
      case BROTLI -> {
        requireBrotli("writer");
        yield Encoder.compress(page, offset, length, new Encoder.Parameters().setQuality(level));
      }
      default -> throw new FloeIoException(
          "compression codec " + codec + " is not supported for writing; supported: " + supported());
    };
  }

  private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1][0]);

  /** A per-thread output array of at least {@code size} bytes (the caller copies the result out). */
  private static byte[] scratch(int size) {
    byte[][] holder = SCRATCH.get();
    if (holder[0].length < size) {
      holder[0] = new byte[size];
    }
    return holder[0];
  }

  private static long copy(MemorySegment source, MemorySegment target) {
    if (source.byteSize() != target.byteSize()) {
      return source.byteSize();
    }
    MemorySegment.copy(source, 0, target, 0, source.byteSize());
    return source.byteSize();
  }

  private static long zstd(MemorySegment source, MemorySegment target, String where) {
    if (!source.isNative() || !target.isNative()) {
      byte[] out = new byte[Math.toIntExact(target.byteSize())];
      long n = Zstd.decompressByteArray(out, 0, out.length, source.toArray(ValueLayout.JAVA_BYTE), 0,
          Math.toIntExact(source.byteSize()));
      zstdCheck(n, where);
      MemorySegment.copy(out, 0, target, ValueLayout.JAVA_BYTE, 0, (int) Math.min(n, out.length));
      return n;
    }
    ByteBuffer in = direct(source);
    ByteBuffer out = direct(target);
    try {
      return ZSTD_CONTEXT.get().decompressDirectByteBuffer(out, 0, out.capacity(), in, 0, in.capacity());
    } catch (ZstdException corrupt) {
      throw new FloeIoException(where + ": corrupt ZSTD page: " + corrupt.getMessage(), corrupt);
    }
  }

  /**
   * One decompression context per thread. {@code Zstd.decompressUnsafe} (ZSTD_decompress) makes
   * and frees a context of about 160 KiB per page; glibc serves blocks that large from fresh
   * mappings, so every page cost ~40 page faults and the kernel's zeroing (a TPC-H lineitem read
   * took 2.5 times the page faults of Polars'). A context is reusable across frames; pool threads
   * live as long as the process, and a context dropped with its thread is freed by zstd-jni's cleaner.
   */
  private static final ThreadLocal<ZstdDecompressCtx> ZSTD_CONTEXT = ThreadLocal.withInitial(ZstdDecompressCtx::new);

  private static void zstdCheck(long result, String where) {
    if (Zstd.isError(result)) {
      throw new FloeIoException(where + ": corrupt ZSTD page: " + Zstd.getErrorName(result));
    }
  }

  private static long snappy(MemorySegment source, MemorySegment target, String where) throws IOException {
    ByteBuffer in = direct(source);
    ByteBuffer out = direct(target);
    if (!Snappy.isValidCompressedBuffer(in)) {
      throw new FloeIoException(where + ": corrupt SNAPPY page (invalid compressed data)");
    }
    int length = Snappy.uncompressedLength(in);
    if (length != target.byteSize()) {
      return length;
    }
    return Snappy.uncompress(in, out);
  }

  private static long lz4Raw(MemorySegment source, MemorySegment target) {
    return LZ4.decompress(direct(source), 0, (int) source.byteSize(), direct(target), 0, (int) target.byteSize());
  }

  private static long brotli(MemorySegment source, MemorySegment target, String where) throws IOException {
    requireBrotli(where);
    byte[] out = Decoder.decompress(source.toArray(ValueLayout.JAVA_BYTE), 0, (int) source.byteSize());
    if (out == null) {
      throw new FloeIoException(where + ": corrupt BROTLI page");
    }
    if (out.length == target.byteSize()) {
      MemorySegment.copy(out, 0, target, ValueLayout.JAVA_BYTE, 0, out.length);
    }
    return out.length;
  }

  private static void requireBrotli(String where) {
    if (!Brotli4jLoader.isAvailable()) {
      throw new FloeIoException(where + ": BROTLI needs brotli4j's native library, which did not load here ("
          + Brotli4jLoader.getUnavailabilityCause() + "); supported: " + supported());
    }
  }

  /** A direct buffer over a segment of at most 2 GiB (Parquet page sizes are 32-bit). */
  static ByteBuffer direct(MemorySegment segment) {
    if (segment.byteSize() > Integer.MAX_VALUE) {
      throw new FloeIoException("a Parquet page cannot exceed 2 GiB: " + segment.byteSize() + " bytes");
    }
    return segment.asByteBuffer();
  }
}
