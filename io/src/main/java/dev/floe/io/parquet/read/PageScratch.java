package dev.floe.io.parquet.read;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One off-heap buffer per thread that compressed pages are decompressed into. A fresh buffer per
 * column chunk costs a page fault for every 4 KiB the decompressor writes (large allocations come
 * straight from mmap): for TPC-H lineitem that was as much time as the decompression itself. The
 * content only lives while one page is decoded, and a decode never waits on other tasks, so a
 * thread never uses its buffer for two pages at once. Buffers above {@link #LIMIT} are not kept.
 */
final class PageScratch {
  /** The largest buffer kept per thread: 64 MiB. */
  static final long LIMIT = 64L << 20;
  private static final ThreadLocal<MemorySegment> BUFFER = new ThreadLocal<>();

  private PageScratch() {}

  /** This thread's buffer of at least {@code size} bytes, or null when {@code size} exceeds {@link #LIMIT}. */
  static MemorySegment get(long size) {
    if (size > LIMIT) {
      return null;
    }
    MemorySegment buffer = BUFFER.get();
    if (buffer == null || buffer.byteSize() < size) {
      // an automatic arena: freed by the garbage collector once the thread drops it
      buffer = Arena.ofAuto().allocate(Math.max(size, 1L << 20), 64);
      BUFFER.set(buffer);
    }
    return buffer;
  }
}
