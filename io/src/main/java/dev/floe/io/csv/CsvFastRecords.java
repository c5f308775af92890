package dev.floe.io.csv;

import dev.floe.kernels.TextScan;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The common case of the CSV chunk parser as one tight loop: a record without quotes that has the
 * expected number of fields, whose values all parse. Fields go straight from the structural
 * bitmask walk (separator, newline and quote bits of 64 bytes, {@link TextScan#mask64}, as the
 * structural index of simdcsv: Langdale &amp; Lemire, VLDB Journal 2019) to the per-column parsers,
 * without per-record arrays of field offsets, and the values land in heap staging arrays ({@link
 * CsvStaging}) that reach the builders one batch at a time.
 *
 * <p>Anything else (a quote, too few or too many fields, a value that does not parse, invalid
 * UTF-8, the last 64 bytes of the range) makes {@link #record} return -1 before the record counts:
 * the caller flushes the batch and hands that record to the general path ({@link CsvTokenizer},
 * {@link CsvChunkParser}), which gives the exact result or error. So the fast path never changes
 * a result, it only skips work.
 */
final class CsvFastRecords {
  private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

  /** Tests turn the fast path off to compare it with the general path. */
  static volatile boolean enabled = true;

  private final MemorySegment data;
  private final long end;
  private final byte separator;
  private final byte quote;
  private final boolean quotes;
  private final int last;
  /** Per field: its column in the projection, or -1 when the field is not read. */
  private final int[] columnOfField;
  /** Per field: the column kind ({@link CsvStaging}), 0 when the field is not read. */
  private final int[] kindOfField;
  private final FieldParser parser;
  private final AsciiBlocks ascii;
  private final CsvStaging staging;
  private long blockStart = Long.MIN_VALUE / 2;
  /** Separator, newline and quote bits of the 64 bytes at {@link #blockStart}. */
  private long blockMask;
  /** Newline and quote bits of the same bytes (the structural bits that are not separators). */
  private long blockSpecial;
  private long blockNewlines;
  private final long[] masks = new long[4];
  /** True when the cached block is all ASCII. */
  private boolean blockAscii;
  /** True when every block the current record touched so far is all ASCII. */
  private boolean recordAscii;

  private CsvFastRecords(CsvPlan plan, MemorySegment data, long end, AsciiBlocks ascii,
      FieldParser parser, CsvStaging staging) {
    this.data = data;
    this.end = end;
    this.separator = (byte) plan.options().separator();
    Character quoteChar = plan.options().quoteChar();
    this.quotes = quoteChar != null;
    this.quote = quotes ? (byte) quoteChar.charValue() : 0;
    this.last = plan.fieldCount() - 1;
    this.columnOfField = new int[plan.fieldCount()];
    this.kindOfField = new int[plan.fieldCount()];
    java.util.Arrays.fill(columnOfField, -1);
    for (int index = 0; index < plan.fields().length; index++) {
      columnOfField[plan.fields()[index]] = index;
      kindOfField[plan.fields()[index]] = CsvStaging.kind(plan.types()[index]);
    }
    this.parser = parser;
    this.ascii = ascii;
    this.staging = staging;
  }

  /** The fast path for {@code plan}, or null when its options or types need the general path. */
  static CsvFastRecords create(CsvPlan plan, MemorySegment data, long end, AsciiBlocks ascii,
      FieldParser parser, long expectedRows) {
    CsvReadOptions options = plan.options();
    char separator = options.separator();
    if (!enabled || plan.nullValues().length > 0 || options.commentPrefix() != null
        || separator > 0x7F || separator == '\n' || separator == '\r' || plan.fieldCount() < 1
        || (options.quoteChar() != null
            && (options.quoteChar() == separator || options.quoteChar() > 0x7F
                || options.quoteChar() == '\n'))) {
      return null;
    }
    for (DataType type : plan.types()) {
      if (CsvStaging.kind(type) == 0) {
        return null;
      }
    }
    return new CsvFastRecords(plan, data, end, ascii, parser, new CsvStaging(plan.types(), data,
        expectedRows));
  }

  /**
   * The chunk's records (at most {@code limit}) into {@code builders}: through {@link #record}
   * while they qualify; a record that does not goes, after the staged batch, through the tokenizer
   * and {@code general}'s {@link CsvChunkParser#appendRecord}, so the columns keep the file's order.
   */
  void parse(CsvTokenizer tokens, long limit, ColumnBuilder[] builders, CsvChunkParser general) {
    long rows = 0;
    long p = tokens.position();
    long line = tokens.line();
    while (rows < limit) {
      long next = record(p);
      if (next >= 0) {
        p = next;
        line++;
        rows++;
        if (staging.full()) {
          staging.flush(builders);
        }
        continue;
      }
      staging.flush(builders);
      tokens.reset(p, line);
      if (!tokens.next()) {
        break;
      }
      general.appendRecord(tokens, builders);
      rows++;
      p = tokens.position();
      line = tokens.line();
    }
    staging.flush(builders);
  }

  /**
   * Parses the record at {@code p} into the next row of the staging arrays: the offset after it,
   * or -1 (nothing counted) when the record needs the general path.
   */
  long record(long p) {
    int row = staging.rows;
    recordAscii = blockAscii;
    for (int field = 0; field < last; field++) {
      long stop = next(p);
      if (stop < 0) {
        return staging.abandon(row);
      }
      if (((blockSpecial >>> (stop - blockStart)) & 1) != 0) {
        stop = stop == p && ((blockNewlines >>> (stop - blockStart)) & 1) == 0
            ? quoted(field, p, row, false) : -1;
        if (stop < 0) {
          return staging.abandon(row);
        }
      } else if (!store(field, p, stop, row)) {
        return staging.abandon(row);
      }
      p = stop + 1;
    }
    long stop = next(p);
    if (stop < 0) {
      return staging.abandon(row);
    }
    if (((blockNewlines >>> (stop - blockStart)) & 1) == 0) {
      stop = stop == p && ((blockSpecial >>> (stop - blockStart)) & 1) != 0
          ? quoted(last, p, row, true) : -1;
      if (stop < 0) {
        return staging.abandon(row);
      }
    } else {
      long fieldEnd = stop > p && data.get(BYTE, stop - 1) == '\r' ? stop - 1 : stop;
      if (!store(last, p, fieldEnd, row)) {
        return staging.abandon(row);
      }
    }
    staging.rows = row + 1;
    return stop + 1;
  }

  /**
   * A field that opens with a quote at {@code p}: its content up to the closing quote, which must
   * be followed by the separator (or, for the last field, a newline). The offset of that byte, or
   * -1 for the general path (a doubled quote, a newline inside the quotes, bytes after the
   * closing quote, an empty quoted value).
   */
  private long quoted(int field, long p, int row, boolean lastField) {
    long close = nextSpecial(p + 1);
    if (close < 0 || ((blockNewlines >>> (close - blockStart)) & 1) != 0 || close == p + 1) {
      return -1;
    }
    long after = next(close + 1);
    if (after != close + 1) {
      return -1;
    }
    long bit = 1L << (after - blockStart);
    boolean ok = lastField ? (blockNewlines & bit) != 0 : (blockSpecial & bit) == 0;
    return ok && store(field, p + 1, close, row) ? after : -1;
  }

  /** One field's value into the staging row; false when the general path must take the record. */
  private boolean store(int field, long start, long stop, int row) {
    int kind = kindOfField[field];
    if (kind == 0) {
      return true;
    }
    int column = columnOfField[field];
    if (start == stop) {
      staging.setNull(column, row);
      return true;
    }
    int slot = column * CsvStaging.BATCH + row;
    switch (kind) {
      case CsvStaging.INT64 -> {
        if (!parser.parseLong(data, start, stop)) {
          return false;
        }
        staging.longs[slot] = parser.longValue;
      }
      case CsvStaging.FLOAT64 -> {
        if (!parser.parseDouble(data, start, stop)) {
          return false;
        }
        staging.longs[slot] = Double.doubleToRawLongBits(parser.doubleValue);
      }
      case CsvStaging.DATE32 -> {
        long days = DateFields.date(data, start, stop);
        if (days == DateFields.INVALID) {
          return false;
        }
        staging.ints[slot] = (int) days;
      }
      default -> {
        if (!recordAscii && !ascii.ascii(start, stop) && !Utf8Check.valid(data, start, stop)) {
          return false;
        }
        staging.longs[slot] = start;
        staging.ints[slot] = (int) (stop - start);
      }
    }
    return true;
  }

  /**
   * The offset of the first separator, newline or quote at or after {@code p}, which is then
   * inside the cached block; -1 when that would need a block reaching past the range.
   */
  private long next(long p) {
    long offset = p - blockStart;
    if (offset >= 0 && offset < 64) {
      long found = blockMask >>> offset;
      if (found != 0) {
        return p + Long.numberOfTrailingZeros(found);
      }
      p = blockStart + 64;
    }
    while (p + 64 <= end) {
      load(p);
      if (blockMask != 0) {
        return p + Long.numberOfTrailingZeros(blockMask);
      }
      p += 64;
    }
    return -1;
  }

  /** {@link #next} for newlines and quotes only (inside a quoted field). */
  private long nextSpecial(long p) {
    long offset = p - blockStart;
    if (offset >= 0 && offset < 64) {
      long found = blockSpecial >>> offset;
      if (found != 0) {
        return p + Long.numberOfTrailingZeros(found);
      }
      p = blockStart + 64;
    }
    while (p + 64 <= end) {
      load(p);
      if (blockSpecial != 0) {
        return p + Long.numberOfTrailingZeros(blockSpecial);
      }
      p += 64;
    }
    return -1;
  }

  private void load(long p) {
    blockStart = p;
    TextScan.csvMasks64(data, p, separator, quote, masks);
    long newlines = masks[1];
    long quoteBits = quotes ? masks[2] : 0;
    blockNewlines = newlines;
    blockSpecial = newlines | quoteBits;
    blockMask = masks[0] | newlines | quoteBits;
    boolean asciiBlock = masks[3] == 0;
    blockAscii = asciiBlock;
    recordAscii &= asciiBlock;
  }
}
