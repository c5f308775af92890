package dev.floe.io.csv;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Cuts a byte range into chunks that start at record boundaries, for parallel parsing. One
 * sequential pass runs the tokenizer's state machine (a quote opens a field only at its start; a
 * doubled quote inside is literal) and skips comment lines, so a newline inside a quoted field never starts a chunk; it also
 * counts the lines before each chunk for error messages.
 */
final class CsvSplitter {
  /** Chunk {@code k} is {@code [starts[k], starts[k + 1])} and begins on line {@code lines[k]}. */
  record Chunks(long[] starts, long[] lines) {
    int count() {
      return starts.length - 1;
    }
  }

  private CsvSplitter() {}

  static Chunks split(MemorySegment data, long start, long end, long firstLine, long targetBytes,
      CsvReadOptions options) {
    if (options.commentPrefix() == null) {
      return BlockSplitter.split(data, start, end, firstLine, targetBytes, options);
    }
    return splitBytewise(data, start, end, firstLine, targetBytes, options);
  }

  /** {@link #split} one byte at a time (comment lines; the reference of {@link BlockSplitter}). */
  static Chunks splitBytewise(MemorySegment data, long start, long end, long firstLine,
      long targetBytes, CsvReadOptions options) {
    int quote = options.quoteChar() == null ? -1 : options.quoteChar();
    byte[] comment = options.commentPrefix() == null ? null
        : options.commentPrefix().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    long[] starts = new long[8];
    long[] lines = new long[8];
    int count = 0;
    starts[count] = start;
    lines[count++] = firstLine;
    byte separator = (byte) options.separator();
    boolean inQuote = false;
    boolean fieldStart = true;
    long line = firstLine;
    long next = start + targetBytes;
    long p = start;
    boolean recordStart = true;
    while (p < end) {
      if (recordStart && comment != null && startsWith(data, p, end, comment)) {
        while (p < end && data.get(ValueLayout.JAVA_BYTE, p) != '\n') {
          p++;
        }
        if (p >= end) {
          break;
        }
      }
      byte b = data.get(ValueLayout.JAVA_BYTE, p++);
      recordStart = false;
      if (inQuote) {
        if (b == quote) {
          if (p < end && data.get(ValueLayout.JAVA_BYTE, p) == quote) {
            p++;
          } else {
            inQuote = false;
          }
        } else if (b == '\n') {
          line++;
        }
        continue;
      }
      if (b == quote && fieldStart) {
        inQuote = true;
        fieldStart = false;
      } else if (b == separator) {
        fieldStart = true;
      } else if (b == '\n') {
        line++;
        fieldStart = true;
        recordStart = true;
        if (p >= next && p < end) {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            lines = Arrays.copyOf(lines, count * 2);
          }
          starts[count] = p;
          lines[count++] = line;
          next = p + targetBytes;
        }
      } else {
        fieldStart = false;
      }
    }
    long[] bounds = Arrays.copyOf(starts, count + 1);
    bounds[count] = end;
    return new Chunks(bounds, Arrays.copyOf(lines, count));
  }

  private static boolean startsWith(MemorySegment data, long p, long end, byte[] prefix) {
    if (p + prefix.length > end) {
      return false;
    }
    for (int index = 0; index < prefix.length; index++) {
      if (data.get(ValueLayout.JAVA_BYTE, p + index) != prefix[index]) {
        return false;
      }
    }
    return true;
  }
}
