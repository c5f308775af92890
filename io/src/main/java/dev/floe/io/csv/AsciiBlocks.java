package dev.floe.io.csv;

import dev.floe.kernels.TextScan;
import java.lang.foreign.MemorySegment;

/**
 * Answers "is this field all ASCII?" for the fields of one chunk, in increasing order, by checking
 * the chunk's bytes a block at a time ({@link TextScan#ascii}, vectorised) instead of running the
 * UTF-8 validator on every string field. A field inside an all-ASCII block is valid UTF-8 without
 * further work; a field in a block with a high byte is checked by the caller as before (so the
 * results and error messages do not change). Blocks start at the first field they are asked about
 * and cover at least {@link #BLOCK} bytes, so a reader that stops early (a row limit) checks little
 * more than it parsed. Polars validates whole string buffers rather than fields in the same spirit.
 */
final class AsciiBlocks {
  /** Bytes checked at once: big enough to amortise the call, small enough to stay in L1/L2. */
  static final long BLOCK = 64 * 1024;

  private final MemorySegment data;
  private final long limit;
  private long asciiStart;
  private long asciiEnd;
  private long checkedEnd;

  /** Fields of {@code data} below {@code limit} (the chunk's end) will be asked about. */
  AsciiBlocks(MemorySegment data, long limit) {
    this.data = data;
    this.limit = limit;
  }

  /** True when {@code [start, end)} is known to be all ASCII; false means "check it yourself". */
  boolean ascii(long start, long end) {
    if (start >= asciiStart && end <= asciiEnd) {
      return true;
    }
    if (end <= checkedEnd) {
      return false;
    }
    long stop = Math.min(Math.max(end, start + BLOCK), Math.max(limit, end));
    checkedEnd = stop;
    if (TextScan.ascii(data, start, stop)) {
      asciiStart = start;
      asciiEnd = stop;
      return true;
    }
    return false;
  }
}
