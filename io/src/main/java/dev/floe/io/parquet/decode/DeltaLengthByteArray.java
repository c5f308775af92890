package dev.floe.io.parquet.decode;

import java.lang.foreign.MemorySegment;

/**
 * DELTA_LENGTH_BYTE_ARRAY values, parquet-format Encodings.md "Delta-length byte array
 * (DELTA_LENGTH_BYTE_ARRAY = 6)": {@code <DELTA_BINARY_PACKED lengths> <concatenated bytes>}. The
 * lengths are INT32 values. Each value is handed to the sink as a slice of the source, without a
 * copy; the lengths are decoded in chunks, so memory does not grow with the value count.
 *
 * <p>When the lengths announce more values than {@code count}, only the first {@code count} values
 * are read: the bytes consumed are the whole lengths section plus those values' bytes. An empty
 * range with {@code count == 0} decodes nothing and consumes nothing.
 */
public final class DeltaLengthByteArray {
  static final String ENCODING = "DELTA_LENGTH_BYTE_ARRAY";

  private DeltaLengthByteArray() {}

  /**
   * Decodes {@code count} values from {@code src[offset, offset + length)} into {@code sink};
   * returns the source bytes consumed. Malformed input raises {@code FloeIoException} whose
   * message starts with {@code where}.
   */
  public static long decode(MemorySegment src, long offset, long length, int count, BinarySink sink,
      String where) {
    Malformed.checkRange(src, offset, length, count, "source", where, ENCODING);
    if (count == 0 && length == 0) {
      return 0;
    }
    long end = offset + length;
    DeltaReader lengths = new DeltaReader(src, offset, end, offset, 32, where, ENCODING + " lengths");
    lengths.requireAtLeast(count, "lengths");
    long data = new DeltaReader(src, offset, end, offset, 32, where, ENCODING + " lengths")
        .skipToEnd();
    long p = data;
    long[] chunk = new long[Math.min(DeltaBinaryPacked.CHUNK, Math.max(1, count))];
    for (int done = 0; done < count; ) {
      int n = Math.min(chunk.length, count - done);
      lengths.read(chunk, n);
      for (int i = 0; i < n; i++) {
        int size = (int) chunk[i];
        if (size < 0 || size > end - p) {
          throw Malformed.of(where, ENCODING, "length " + size + " of value " + (done + i)
              + " at byte " + (p - offset) + " is negative or runs past the end ("
              + (end - p) + " bytes left)");
        }
        sink.append(src, p, size);
        p += size;
      }
      done += n;
    }
    return p - offset;
  }
}
