package dev.floe.io.csv;

import dev.floe.kernels.TextScan;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Splits the bytes of a CSV range into records and fields, quote-aware, without copying: each field
 * is a byte range of the segment (quotes excluded), flagged when it was quoted and when it holds
 * doubled quotes to unescape. Skips comment lines and a CR before LF; counts physical lines for
 * error messages. An unclosed quote fails with the line where the field starts.
 */
final class CsvTokenizer {
  private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

  private static final ValueLayout.OfLong WORD =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long NEWLINES = ONES * '\n';

  private final MemorySegment data;
  private final long separatorPattern;
  private final long end;
  private final byte separator;
  private final int quote;
  private final byte[] comment;
  private final String file;
  private long position;
  /** The start of the 64 bytes {@link #blockMask} describes (none yet: far below any offset). */
  private long blockStart = Long.MIN_VALUE / 2;
  private long blockMask;
  private long blockNewlines;
  private long blockQuotes;
  private long line;
  private long recordLine;
  private long recordStart;
  private int count;
  private long[] starts = new long[16];
  private long[] ends = new long[16];
  private boolean[] quoted = new boolean[16];
  private boolean[] escaped = new boolean[16];

  CsvTokenizer(MemorySegment data, long start, long end, long firstLine, CsvReadOptions options,
      String file) {
    this.data = data;
    this.position = start;
    this.end = end;
    this.line = firstLine;
    this.separator = (byte) options.separator();
    this.separatorPattern = ONES * (options.separator() & 0xFF);
    this.quote = options.quoteChar() == null ? -1 : options.quoteChar();
    this.comment = options.commentPrefix() == null ? null
        : options.commentPrefix().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    this.file = file;
  }

  /** Continues at {@code offset} (a record start), which is on 1-based line {@code atLine}. */
  void reset(long offset, long atLine) {
    position = offset;
    line = atLine;
  }

  /** Reads the next record; false at the end of the range. */
  boolean next() {
    while (true) {
      if (position >= end) {
        return false;
      }
      if (comment != null && startsWithComment()) {
        skipLine();
        continue;
      }
      readRecord();
      return true;
    }
  }

  private boolean startsWithComment() {
    if (position + comment.length > end) {
      return false;
    }
    for (int index = 0; index < comment.length; index++) {
      if (data.get(BYTE, position + index) != comment[index]) {
        return false;
      }
    }
    return true;
  }

  private void skipLine() {
    while (position < end && data.get(BYTE, position) != '\n') {
      position++;
    }
    position++;
    line++;
  }

  private void readRecord() {
    count = 0;
    recordLine = line;
    recordStart = position;
    long p = position;
    while (true) {
      boolean isQuoted = false;
      boolean hasEscapes = false;
      long fieldStart = p;
      long fieldEnd;
      byte b = 0;
      long offset = p - blockStart;
      boolean startsQuoted = quote >= 0 && p < end
          && (offset >= 0 && offset < 64 ? ((blockQuotes >>> offset) & 1) != 0
              : data.get(BYTE, p) == quote);
      if (startsQuoted) {
        isQuoted = true;
        fieldStart = ++p;
        while (true) {
          if (p >= end) {
            throw new dev.floe.errors.FloeIoException(
                file + ":" + recordLine + ": a quoted field never closes (quote opened at byte "
                    + (fieldStart - 1) + ")");
          }
          b = data.get(BYTE, p);
          if (b == quote) {
            if (p + 1 < end && data.get(BYTE, p + 1) == quote) {
              hasEscapes = true;
              p += 2;
              continue;
            }
            break;
          }
          if (b == '\n') {
            line++;
          }
          p++;
        }
        fieldEnd = p++;
        // bytes after the closing quote up to the separator are ignored, as in Polars
        while (p < end && (b = data.get(BYTE, p)) != separator && b != '\n') {
          p++;
        }
      } else {
        p = scanField(p);
        fieldEnd = p;
      }
      boolean atEnd = p >= end;
      if (!atEnd) {
        // p is at a separator or a newline: the cached block tells which without a load
        long at = p - blockStart;
        b = at >= 0 && at < 64 ? (((blockNewlines >>> at) & 1) != 0 ? (byte) '\n' : separator)
            : data.get(BYTE, p);
      }
      if ((atEnd || b == '\n') && !isQuoted && fieldEnd > fieldStart
          && data.get(BYTE, fieldEnd - 1) == '\r') {
        fieldEnd--;
      }
      add(fieldStart, fieldEnd, isQuoted, hasEscapes);
      if (atEnd) {
        position = end;
        line++;
        return;
      }
      p++;
      if (b == '\n') {
        position = p;
        line++;
        return;
      }
    }
  }

  /**
   * The offset of the first separator or newline at or after {@code p} (or {@code end}). Walks a
   * cached 64-bit structural mask (bit i: byte {@code blockStart + i} is a separator or newline),
   * built 64 bytes at a time by {@link TextScan#mask64} (vectorised, as the structural index of
   * simdcsv: Langdale &amp; Lemire, VLDB Journal 2019), so a field costs a shift and a
   * trailing-zero count instead of a byte loop. Quoted fields never call it, so the mask needs no
   * quote awareness: it is a pure function of the bytes. The last 63 bytes of the range go through
   * {@link #scanTail}.
   */
  private long scanField(long p) {
    while (true) {
      long offset = p - blockStart;
      if (offset >= 0 && offset < 64) {
        long found = blockMask >>> offset;
        if (found != 0) {
          return p + Long.numberOfTrailingZeros(found);
        }
        p = blockStart + 64;
      }
      if (p + 64 > end) {
        return scanTail(p);
      }
      loadBlock(p);
    }
  }

  /** Caches the separator-or-newline, newline and quote masks of the 64 bytes at {@code p}. */
  private void loadBlock(long p) {
    blockStart = p;
    blockMask = TextScan.mask64(data, p, separator, (byte) '\n');
    blockNewlines = TextScan.mask64(data, p, (byte) '\n', (byte) '\n');
    blockQuotes = quote >= 0 ? TextScan.mask64(data, p, (byte) quote, (byte) quote) : 0;
  }

  /** {@link #scanField} near the end of the range: eight bytes at a time (SWAR, Mycroft's test). */
  private long scanTail(long p) {
    while (p + 8 <= end) {
      long word = data.get(WORD, p);
      long separators = word ^ separatorPattern;
      long newlines = word ^ NEWLINES;
      long found = ((separators - ONES) & ~separators | (newlines - ONES) & ~newlines) & HIGHS;
      if (found != 0) {
        return p + (Long.numberOfTrailingZeros(found) >>> 3);
      }
      p += 8;
    }
    byte b;
    while (p < end && (b = data.get(BYTE, p)) != separator && b != '\n') {
      p++;
    }
    return p;
  }

  private void add(long start, long stop, boolean isQuoted, boolean hasEscapes) {
    if (count == starts.length) {
      int size = count * 2;
      starts = Arrays.copyOf(starts, size);
      ends = Arrays.copyOf(ends, size);
      quoted = Arrays.copyOf(quoted, size);
      escaped = Arrays.copyOf(escaped, size);
    }
    starts[count] = start;
    ends[count] = stop;
    quoted[count] = isQuoted;
    escaped[count] = hasEscapes;
    count++;
  }

  /** True when the record is an empty line (one empty unquoted field). */
  boolean isEmptyLine() {
    return count == 1 && !quoted[0] && starts[0] == ends[0];
  }

  int fieldCount() {
    return count;
  }

  long start(int field) {
    return starts[field];
  }

  long end(int field) {
    return ends[field];
  }

  boolean quoted(int field) {
    return quoted[field];
  }

  boolean escaped(int field) {
    return escaped[field];
  }

  /** The 1-based line where the current record starts. */
  long recordLine() {
    return recordLine;
  }

  /** The byte offset where the current record starts. */
  long recordStart() {
    return recordStart;
  }

  /** The offset after the current record. */
  long position() {
    return position;
  }

  long line() {
    return line;
  }

  MemorySegment data() {
    return data;
  }

  /** The end of the tokenizer's byte range. */
  long rangeEnd() {
    return end;
  }

  /** The field's content as a String (quotes unescaped, invalid UTF-8 replaced). */
  String text(int field) {
    byte[] bytes = data.asSlice(starts[field], ends[field] - starts[field]).toArray(BYTE);
    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    if (escaped[field]) {
      String q = String.valueOf((char) quote);
      text = text.replace(q + q, q);
    }
    return text;
  }
}
