package dev.floe.memory;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps freed blocks of {@link NativeMemory#HUGE_PAGE} bytes or more for reuse, by size class (a
 * multiple of 2 MiB), up to a total of {@code -Dfloe.memory.blockCacheBytes} (256 MiB by default;
 * 0 turns the cache off). glibc returns blocks this large to the kernel on free and maps them anew
 * on the next allocation, so every large operation result paid for page faults and the kernel's
 * zeroing of fresh pages: 4.7 ms of the 7.3 ms it took to allocate and fill a 64 MiB buffer here,
 * against 2.6 ms to fill a reused one. Allocators such as jemalloc and mimalloc keep such blocks
 * too. Reused blocks are warm (last in, first out) and keep their huge-page advice.
 *
 * <p>Accounting is unaffected: a cached block belongs to no {@link BufferAllocator}.
 */
final class LargeBlockCache {
  static final long LIMIT = Long.getLong("floe.memory.blockCacheBytes", 256L << 20);

  private static final Map<Long, ArrayDeque<Long>> FREE = new HashMap<>();
  private static long cachedBytes;

  private LargeBlockCache() {}

  /** The size class of a block of {@code bytes} (at least {@link NativeMemory#HUGE_PAGE}). */
  static long sizeClass(long bytes) {
    return (bytes + NativeMemory.HUGE_PAGE - 1) & -NativeMemory.HUGE_PAGE;
  }

  /** A cached block of exactly {@code sizeClass} bytes, or 0 when there is none. */
  static synchronized long take(long sizeClass) {
    ArrayDeque<Long> blocks = FREE.get(sizeClass);
    if (blocks == null || blocks.isEmpty()) {
      return 0;
    }
    cachedBytes -= sizeClass;
    return blocks.pop();
  }

  /** Keeps the block for reuse and returns true, or returns false when the cache is full. */
  static synchronized boolean offer(long address, long sizeClass) {
    if (cachedBytes + sizeClass > LIMIT) {
      return false;
    }
    FREE.computeIfAbsent(sizeClass, size -> new ArrayDeque<>()).push(address);
    cachedBytes += sizeClass;
    return true;
  }

  /** Bytes held for reuse now. */
  static synchronized long cachedBytes() {
    return cachedBytes;
  }
}
