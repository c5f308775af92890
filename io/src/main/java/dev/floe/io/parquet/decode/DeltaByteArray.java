package dev.floe.io.parquet.decode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * DELTA_BYTE_ARRAY (incremental, prefix-compressed) values, BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY;
 * parquet-format Encodings.md "Delta Strings (DELTA_BYTE_ARRAY = 7)": {@code <DELTA_BINARY_PACKED
 * prefix lengths> <DELTA_BINARY_PACKED suffix lengths> <concatenated suffixes>}. Value {@code i} is
 * the first {@code prefix[i]} bytes of value {@code i - 1} followed by suffix {@code i}.
 *
 * <p>The current value is built in one reusable heap buffer: its prefix is already there (it is the
 * previous value's start), so only the suffix is copied; the sink sees a slice of that buffer that
 * is valid until the next call. A value with no shared prefix is handed over in place, as a slice
 * of the source, and its prefix is copied into the buffer only if the next value needs it. As for {@link DeltaLengthByteArray}, extra announced values are not
 * read, and an empty range with {@code count == 0} decodes nothing.
 */
public final class DeltaByteArray {
  static final String ENCODING = "DELTA_BYTE_ARRAY";
  /** A chunk's suffixes up to this many bytes are staged on the heap with one bulk copy. */
  private static final int STAGE_BYTES = 64 * 1024;

  private DeltaByteArray() {}

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
    String prefixes = ENCODING + " prefix lengths";
    String suffixes = ENCODING + " suffix lengths";
    DeltaReader prefix = new DeltaReader(src, offset, end, offset, 32, where, prefixes);
    prefix.requireAtLeast(count, "prefix lengths");
    long suffixStart = new DeltaReader(src, offset, end, offset, 32, where, prefixes).skipToEnd();
    DeltaReader suffix = new DeltaReader(src, suffixStart, end, offset, 32, where, suffixes);
    suffix.requireAtLeast(count, "suffix lengths");
    long p = new DeltaReader(src, suffixStart, end, offset, 32, where, suffixes).skipToEnd();

    int chunkSize = Math.min(DeltaBinaryPacked.CHUNK, Math.max(1, count));
    long[] prefixChunk = new long[chunkSize];
    long[] suffixChunk = new long[chunkSize];
    byte[] value = new byte[64];
    MemorySegment valueSegment = MemorySegment.ofArray(value);
    int previous = 0;
    long previousAt = -1; // where the previous value lies in the source, or -1 if in value
    byte[] stage = new byte[0];
    for (int done = 0; done < count; ) {
      int n = Math.min(chunkSize, count - done);
      prefix.read(prefixChunk, n);
      suffix.read(suffixChunk, n);
      long chunkBytes = 0;
      for (int i = 0; i < n; i++) {
        long add = (int) suffixChunk[i];
        if (add < 0 || add > end - p - chunkBytes) {
          throw Malformed.of(where, ENCODING, "suffix length " + add + " of value " + (done + i)
              + " at byte " + (p + chunkBytes - offset) + " is negative or runs past the end ("
              + (end - p - chunkBytes) + " bytes left)");
        }
        chunkBytes += add;
      }
      // Small suffixes: one bulk copy of the chunk's suffixes to the heap, then array copies.
      boolean staged = chunkBytes <= STAGE_BYTES;
      if (staged) {
        if (chunkBytes > stage.length) {
          stage = new byte[(int) Math.min(STAGE_BYTES, Math.max(chunkBytes, 2L * stage.length))];
        }
        MemorySegment.copy(src, ValueLayout.JAVA_BYTE, p, stage, 0, (int) chunkBytes);
      }
      int q = 0;
      for (int i = 0; i < n; i++) {
        int keep = (int) prefixChunk[i];
        int add = (int) suffixChunk[i];
        if (keep < 0 || keep > previous) {
          throw Malformed.of(where, ENCODING, "prefix length " + keep + " of value " + (done + i)
              + " (suffix at byte " + (p - offset) + ") is negative or longer than the previous"
              + " value (" + previous + " bytes)");
        }
        long size = (long) keep + add;
        if (keep == 0) {
          sink.append(src, p, add); // no shared prefix: hand over the suffix in place
          previousAt = p;
        } else {
          if (size > value.length) {
            if (size > Integer.MAX_VALUE - 16) {
              throw Malformed.of(where, ENCODING, "value " + (done + i) + " of " + size
                  + " bytes at byte " + (p - offset) + " exceeds 2^31 bytes");
            }
            value = Arrays.copyOf(value, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(size,
                2L * value.length)));
            valueSegment = MemorySegment.ofArray(value);
          }
          if (previousAt >= 0) { // the previous value was handed over in place: fetch its prefix
            MemorySegment.copy(src, ValueLayout.JAVA_BYTE, previousAt, value, 0, keep);
            previousAt = -1;
          }
          if (staged) {
            System.arraycopy(stage, q, value, keep, add);
          } else {
            MemorySegment.copy(src, ValueLayout.JAVA_BYTE, p, value, keep, add);
          }
          sink.append(valueSegment, 0, (int) size);
        }
        previous = (int) size;
        p += add;
        q += add;
      }
      done += n;
    }
    return p - offset;
  }
}
