package dev.floe.io.parquet.codec;

import dev.floe.errors.FloeIoException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;

/**
 * GZIP pages: an RFC 1952 member (or several, concatenated) around a deflate stream. The header is
 * parsed here so the inflater can work straight from the source segment into the target segment.
 */
final class GzipPages {
  private GzipPages() {}

  static long inflate(MemorySegment source, MemorySegment target, String where)
      throws DataFormatException {
    ByteBuffer in = PageCodecs.direct(source);
    ByteBuffer out = PageCodecs.direct(target);
    long produced = 0;
    while (in.remaining() > 0) {
      skipHeader(in, where);
      Inflater inflater = new Inflater(true);
      int start = in.position();
      try {
        inflater.setInput(in);
        while (!inflater.finished()) {
          int n = inflater.inflate(out);
          produced += n;
          if (n == 0 && !inflater.finished()) {
            if (!out.hasRemaining()) {
              if (inflater.inflate(new byte[1]) > 0) {
                return produced + 1; // more output than the header promised
              }
            } else if (inflater.needsDictionary() || inflater.needsInput()) {
              throw new FloeIoException(where + ": truncated GZIP page");
            }
            if (!inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
              throw new FloeIoException(where + ": truncated GZIP page");
            }
          }
        }
        in.position(Math.toIntExact(start + inflater.getBytesRead()));
      } finally {
        inflater.end();
      }
      if (in.remaining() < 8) {
        throw new FloeIoException(where + ": GZIP page lacks its trailer");
      }
      in.position(in.position() + 8); // CRC32 and ISIZE
    }
    return produced;
  }

  private static void skipHeader(ByteBuffer in, String where) {
    if (in.remaining() < 10 || (in.get() & 0xff) != 0x1f || (in.get() & 0xff) != 0x8b || in.get() != 8) {
      throw new FloeIoException(where + ": GZIP page has no gzip header");
    }
    int flags = in.get() & 0xff;
    in.position(in.position() + 6); // mtime, xfl, os
    if ((flags & 4) != 0) {
      require(in, 2, where);
      int extra = (in.get() & 0xff) | (in.get() & 0xff) << 8;
      require(in, extra, where);
      in.position(in.position() + extra);
    }
    if ((flags & 8) != 0) {
      skipZeroTerminated(in, where);
    }
    if ((flags & 16) != 0) {
      skipZeroTerminated(in, where);
    }
    if ((flags & 2) != 0) {
      require(in, 2, where);
      in.position(in.position() + 2);
    }
  }

  private static void skipZeroTerminated(ByteBuffer in, String where) {
    while (true) {
      require(in, 1, where);
      if (in.get() == 0) {
        return;
      }
    }
  }

  private static void require(ByteBuffer in, int n, String where) {
    if (in.remaining() < n) {
      throw new FloeIoException(where + ": truncated GZIP header");
    }
  }

  static byte[] deflate(byte[] page, int offset, int length, int level) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, length / 3));
    int clamped = level < 0 ? Deflater.DEFAULT_COMPRESSION : Math.min(level, 9);
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16) {
      {
        def.setLevel(clamped);
      }
    }) {
      gzip.write(page, offset, length);
    }
    return bytes.toByteArray();
  }
}
