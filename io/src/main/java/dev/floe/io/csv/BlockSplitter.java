package dev.floe.io.csv;

import dev.floe.kernels.TextScan;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * {@link CsvSplitter} for files without a comment prefix, 64 bytes at a time on the newline and
 * quote bitmasks of {@link TextScan#csvMasks64} (the structural index of simdcsv: Langdale &amp;
 * Lemire, VLDB Journal 2019). A block without quotes, outside quotes and before the next chunk
 * boundary only adds its newline count (one popcount); other blocks walk their quote and newline
 * bits in order with the byte-wise state machine: a quote opens a field only when the byte before
 * it is a separator or a newline (or it starts the range), exactly as the tokenizer decides; inside
 * quotes a doubled quote stays inside.
 */
final class BlockSplitter {
  private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

  private final MemorySegment data;
  private final long start;
  private final long end;
  private final long targetBytes;
  private final int quote;
  private final byte separator;
  private final long[] masks = new long[4];
  private long[] starts = new long[8];
  private long[] lines = new long[8];
  private int count;
  private long line;
  private long next;
  private boolean inQuote;
  /** The next byte to look at (past a doubled quote's second half). */
  private long pos;

  private BlockSplitter(MemorySegment data, long start, long end, long firstLine,
      long targetBytes, CsvReadOptions options) {
    this.data = data;
    this.start = start;
    this.end = end;
    this.targetBytes = targetBytes;
    this.quote = options.quoteChar() == null ? -1 : options.quoteChar();
    this.separator = (byte) options.separator();
    this.line = firstLine;
    starts[0] = start;
    lines[0] = firstLine;
    count = 1;
    next = start + targetBytes;
  }

  static CsvSplitter.Chunks split(MemorySegment data, long start, long end, long firstLine,
      long targetBytes, CsvReadOptions options) {
    return new BlockSplitter(data, start, end, firstLine, targetBytes, options).run();
  }

  private CsvSplitter.Chunks run() {
    pos = start;
    while (pos < end) {
      long block = pos;
      long stop = Math.min(block + 64, end);
      long newlines;
      long quotes;
      if (block + 64 <= end) {
        TextScan.csvMasks64(data, block, separator, (byte) quote, masks);
        newlines = masks[1];
        quotes = quote < 0 ? 0 : masks[2];
      } else {
        newlines = 0;
        quotes = 0;
        for (long p = block; p < end; p++) {
          byte b = data.get(BYTE, p);
          newlines |= b == '\n' ? 1L << (p - block) : 0;
          quotes |= quote >= 0 && b == (byte) quote ? 1L << (p - block) : 0;
        }
      }
      if (quotes == 0 && !inQuote && stop < next) {
        line += Long.bitCount(newlines);
      } else {
        walk(block, newlines, quotes);
      }
      pos = Math.max(pos, stop);
    }
    long[] bounds = Arrays.copyOf(starts, count + 1);
    bounds[count] = end;
    return new CsvSplitter.Chunks(bounds, Arrays.copyOf(lines, count));
  }

  /** The byte-wise state machine over the newline and quote bits of one block. */
  private void walk(long block, long newlines, long quotes) {
    long bits = newlines | quotes;
    while (bits != 0) {
      long q = block + Long.numberOfTrailingZeros(bits);
      bits &= bits - 1;
      if (q < pos) {
        continue; // the second quote of a doubled one
      }
      pos = q + 1;
      if (((newlines >>> (q - block)) & 1) != 0) {
        line++;
        if (!inQuote && pos >= next && pos < end) {
          boundary(pos);
        }
      } else if (inQuote) {
        if (pos < end && data.get(BYTE, pos) == (byte) quote) {
          pos++;
        } else {
          inQuote = false;
        }
      } else if (q == start || data.get(BYTE, q - 1) == separator
          || data.get(BYTE, q - 1) == '\n') {
        inQuote = true;
      }
    }
  }

  private void boundary(long at) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      lines = Arrays.copyOf(lines, count * 2);
    }
    starts[count] = at;
    lines[count++] = line;
    next = at + targetBytes;
  }
}
