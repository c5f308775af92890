package dev.floe.io.csv;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * {@link CsvSplitter} for files without a comment prefix, eight bytes at a time: outside quotes it
 * jumps from one quote or newline to the next (SWAR exact zero-byte test), and a quote opens a
 * field only when the byte before it is a separator or a newline, exactly as the tokenizer decides;
 * inside quotes it jumps to the next quote (a doubled one stays inside) or newline (for the line
 * count).
 */
final class SwarSplitter {
  private static final ValueLayout.OfLong WORD =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long ONES = 0x0101010101010101L;
  private static final long NEWLINES = ONES * '\n';

  private SwarSplitter() {}

  static CsvSplitter.Chunks split(MemorySegment data, long start, long end, long firstLine,
      long targetBytes, CsvReadOptions options) {
    int quote = options.quoteChar() == null ? -1 : options.quoteChar();
    byte separator = (byte) options.separator();
    // with no quote character, search for newlines twice (the quote branch never runs)
    long quotes = quote < 0 ? NEWLINES : ONES * quote;
    long[] starts = new long[8];
    long[] lines = new long[8];
    int count = 0;
    starts[count] = start;
    lines[count++] = firstLine;
    long line = firstLine;
    long next = start + targetBytes;
    boolean inQuote = false;
    long p = start;
    while (p < end) {
      long q = find(data, p, end, quotes);
      if (q >= end) {
        break;
      }
      byte b = data.get(BYTE, q);
      p = q + 1;
      if (b == '\n') {
        line++;
        if (!inQuote && p >= next && p < end) {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            lines = Arrays.copyOf(lines, count * 2);
          }
          starts[count] = p;
          lines[count++] = line;
          next = p + targetBytes;
        }
      } else if (inQuote) {
        if (p < end && data.get(BYTE, p) == quote) {
          p++;
        } else {
          inQuote = false;
        }
      } else if (q == start || data.get(BYTE, q - 1) == separator || data.get(BYTE, q - 1) == '\n') {
        inQuote = true;
      }
    }
    long[] bounds = Arrays.copyOf(starts, count + 1);
    bounds[count] = end;
    return new CsvSplitter.Chunks(bounds, Arrays.copyOf(lines, count));
  }

  /** The first offset at or after {@code p} holding a newline or a byte of {@code pattern}. */
  private static long find(MemorySegment data, long p, long end, long pattern) {
    while (p + 8 <= end) {
      long word = data.get(WORD, p);
      long found = zeroBytes(word ^ NEWLINES) | zeroBytes(word ^ pattern);
      if (found != 0) {
        return p + (Long.numberOfTrailingZeros(found) >>> 3);
      }
      p += 8;
    }
    byte target = (byte) pattern;
    while (p < end) {
      byte b = data.get(BYTE, p);
      if (b == '\n' || b == target) {
        return p;
      }
      p++;
    }
    return end;
  }

  /** The high bit of each zero byte of {@code value}, exactly. */
  private static long zeroBytes(long value) {
    return ~(((value & LOWS) + LOWS) | value) & HIGHS;
  }
}
