package dev.floe.io.parquet.decode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * A streaming DELTA_BINARY_PACKED decoder over one source range (parquet-format Encodings.md,
 * "Delta Encoding (DELTA_BINARY_PACKED = 5)"). Values are computed in 64-bit two's complement
 * arithmetic; INT32 callers truncate each value to {@code int}, which equals wrapping in 32 bits.
 *
 * <p>Layout: {@code <block size> <miniblocks per block> <total value count> <first value>} as
 * ULEB128 / zigzag ULEB128, then blocks of {@code <min delta (zigzag)> <one bit-width byte per
 * miniblock> <miniblocks>} holding the {@code total - 1} deltas minus the min delta, bit-packed
 * LSB-first as in the RLE/bit-packing hybrid. Every needed miniblock is padded to its full size;
 * the bit widths of unneeded miniblocks of the last block are present but arbitrary, and their
 * bodies are absent. Nothing outside {@code [start, end)} is ever read: each miniblock's length is
 * checked before its first value is unpacked.
 */
final class DeltaReader {
  private static final ValueLayout.OfLong LONG_LE =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  /** Packed bits of the current block (when it fits) or of the current piece of a miniblock. */
  private PackedBits bits;
  private final MemorySegment src;
  private final long origin;
  private final long end;
  private final String where;
  private final String encoding;
  private final int maxWidth;
  private final int miniblocks;
  private final int miniSize;
  private final long blockSize;
  private final long total;
  private final long totalAt;

  private long pos;
  private long valuesLeft;
  private boolean firstPending;
  private long last;
  private long deltasUnassigned;
  private long minDelta;
  private long widthsPos;
  private int miniIndex;
  private long blockLeft;
  private long miniData;
  private int miniWidth;
  private long miniDone;
  private long miniLeft;
  private boolean blockCopied;
  private long blockBase;

  /**
   * Reads the header at {@code start}; {@code origin} is the byte that messages count offsets from,
   * {@code maxWidth} is 32 for INT32 and 64 for INT64.
   */
  DeltaReader(MemorySegment src, long start, long end, long origin, int maxWidth, String where,
      String encoding) {
    this.src = src;
    this.origin = origin;
    this.end = end;
    this.where = where;
    this.encoding = encoding;
    this.maxWidth = maxWidth;
    this.pos = start;
    long at = pos;
    long size = readUleb("block size");
    if (size <= 0 || size % 128 != 0 || size > Integer.MAX_VALUE) {
      throw fail("block size " + Long.toUnsignedString(size) + " at byte " + rel(at)
          + " is not a positive multiple of 128 below 2^31");
    }
    at = pos;
    long minis = readUleb("miniblock count");
    if (minis <= 0 || minis > size || size % minis != 0 || (size / minis) % 32 != 0) {
      throw fail("miniblock count " + Long.toUnsignedString(minis) + " at byte " + rel(at)
          + " does not divide block size " + size + " into miniblocks of a multiple of 32 values");
    }
    at = pos;
    long claimed = readUleb("total value count");
    if (claimed < 0) {
      throw fail("total value count " + Long.toUnsignedString(claimed) + " at byte " + rel(at)
          + " exceeds 2^63");
    }
    long zigzag = readUleb("first value");
    this.blockSize = size;
    this.miniblocks = (int) minis;
    this.miniSize = (int) (size / minis);
    this.total = claimed;
    this.totalAt = rel(at);
    this.last = (zigzag >>> 1) ^ -(zigzag & 1);
    this.valuesLeft = claimed;
    this.firstPending = claimed > 0;
    this.deltasUnassigned = claimed > 0 ? claimed - 1 : 0;
  }

  /** The total value count of the header. */
  long total() {
    return total;
  }

  /** Fails unless the header announces at least {@code count} values. */
  void requireAtLeast(int count, String what) {
    if (total < count) {
      throw fail("total value count " + total + " at byte " + totalAt + " is less than the "
          + count + " " + what + " expected");
    }
  }

  /**
   * Decodes the next {@code n} values (at most those left, at most {@code DeltaBinaryPacked.CHUNK})
   * into {@code out[0, n)}.
   */
  void read(long[] out, int n) {
    if (n > DeltaBinaryPacked.CHUNK) {
      throw new IllegalArgumentException("at most " + DeltaBinaryPacked.CHUNK + " values per call");
    }
    if (n > valuesLeft) {
      throw fail("has only " + valuesLeft + " values left at byte " + rel(pos) + ", " + n
          + " requested");
    }
    valuesLeft -= n;
    if (bits == null) { // allocated on the first read: readers that only walk need none
      bits = new PackedBits();
    }
    int k = 0;
    if (firstPending && n > 0) {
      out[0] = last;
      firstPending = false;
      k = 1;
    }
    while (k < n) {
      if (miniLeft == 0) {
        if (blockLeft == 0) {
          startBlock();
          copyBlock();
        }
        nextMini();
      }
      int m = (int) Math.min(n - k, miniLeft);
      unpack(out, k, m);
      k += m;
      miniLeft -= m;
      miniDone += m;
    }
  }

  /** Walks the remaining blocks without unpacking them; returns the end of the encoding. */
  long skipToEnd() {
    miniLeft = 0;
    while (blockLeft > 0 || deltasUnassigned > 0) {
      if (blockLeft == 0) {
        startBlock();
      }
      nextMini();
    }
    miniLeft = 0;
    valuesLeft = 0;
    firstPending = false;
    return pos;
  }

  private void startBlock() {
    if (deltasUnassigned == 0) {
      throw fail("ran out of blocks at byte " + rel(pos));
    }
    minDelta = readZigzag("min delta");
    if (miniblocks > end - pos) {
      throw fail(miniblocks + " miniblock bit widths at byte " + rel(pos) + " run past the end ("
          + (end - pos) + " bytes left)");
    }
    widthsPos = pos;
    pos += miniblocks;
    blockLeft = Math.min(blockSize, deltasUnassigned);
    deltasUnassigned -= blockLeft;
    miniIndex = -1;
    blockCopied = false;
  }

  /**
   * Copies the packed bytes of the block's needed miniblocks into {@link #bits} in one bulk copy
   * when they fit and lie in the range (else {@link #unpack} copies piece by piece and
   * {@link #nextMini} reports the bad width or length).
   */
  private void copyBlock() {
    long needed = (blockLeft + miniSize - 1) / miniSize;
    long bytes = 0;
    for (int i = 0; i < needed; i++) {
      int width = src.get(ValueLayout.JAVA_BYTE, widthsPos + i) & 0xFF;
      bytes += width > maxWidth ? Integer.MAX_VALUE : (long) miniSize / 8 * width;
      if (bytes > PackedBits.BLOCK_BYTES) {
        return;
      }
    }
    if (bytes <= end - pos) {
      bits.load(src, pos, bytes);
      blockBase = pos;
      blockCopied = true;
    }
  }

  private void nextMini() {
    miniIndex++;
    long at = widthsPos + miniIndex;
    int width = src.get(ValueLayout.JAVA_BYTE, at) & 0xFF;
    if (width > maxWidth) {
      throw fail("miniblock bit width " + width + " at byte " + rel(at) + " exceeds " + maxWidth);
    }
    long bytes = (long) miniSize * width / 8;
    if (bytes > end - pos) {
      throw fail("miniblock of " + bytes + " bytes at byte " + rel(pos) + " runs past the end ("
          + (end - pos) + " bytes left)");
    }
    miniWidth = width;
    miniData = pos;
    pos += bytes;
    miniLeft = Math.min(miniSize, blockLeft);
    blockLeft -= miniLeft;
    miniDone = 0;
  }

  /**
   * Unpacks {@code m <= DeltaBinaryPacked.CHUNK} values of the current miniblock and adds them up
   * into {@code out[at..]}, from the copied block or from a copy of just their bytes (which lie in
   * the miniblock, whose length was checked).
   */
  private void unpack(long[] out, int at, int m) {
    int w = miniWidth;
    long md = minDelta;
    long acc = last;
    if (w == 0) {
      for (int i = 0; i < m; i++) {
        acc += md;
        out[at + i] = acc;
      }
    } else if (w == 64) {
      MemorySegment.copy(src, LONG_LE, miniData + miniDone * 8, out, at, m);
      for (int i = 0; i < m; i++) {
        acc += md + out[at + i];
        out[at + i] = acc;
      }
    } else {
      long bit0 = miniDone * w;
      int head;
      if (blockCopied) {
        head = (int) ((miniData - blockBase) * 8 + bit0);
      } else {
        long from = miniData + (bit0 >>> 3);
        head = (int) (bit0 & 7);
        int bytes = (head + m * w + 7) >>> 3;
        bits.load(src, from, bytes);
      }
      acc = bits.addUp(head, w, m, md, acc, out, at);
    }
    last = acc;
  }

  private long readZigzag(String what) {
    long zigzag = readUleb(what);
    return (zigzag >>> 1) ^ -(zigzag & 1);
  }

  /** A ULEB128 of at most 64 bits at {@link #pos}. */
  private long readUleb(String what) {
    long start = pos;
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      if (pos >= end) {
        throw fail(what + " at byte " + rel(start) + " is cut off by the end of the data");
      }
      int b = src.get(ValueLayout.JAVA_BYTE, pos++) & 0xFF;
      if (shift == 63 && b > 1) {
        throw fail(what + " at byte " + rel(start) + " overflows 64 bits (byte 0x"
            + Integer.toHexString(b) + ")");
      }
      value |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        return value;
      }
    }
  }

  private long rel(long absolute) {
    return absolute - origin;
  }

  private dev.floe.errors.FloeIoException fail(String detail) {
    return Malformed.of(where, encoding, detail);
  }
}
