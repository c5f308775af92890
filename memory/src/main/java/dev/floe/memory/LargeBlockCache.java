package dev.floe.memory;

import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Keeps freed blocks of {@link NativeMemory#HUGE_PAGE} bytes or more for reuse, by size class (a
 * multiple of 2 MiB). glibc returns blocks this large to the kernel on free and maps them anew on
 * the next allocation, so every large operation result paid for page faults and the kernel's
 * zeroing of fresh pages: 4.7 ms of the 7.3 ms it took to allocate and fill a 64 MiB buffer here,
 * against 2.6 ms to fill a reused one. Reused blocks are warm (last in, first out) and keep their
 * huge-page advice.
 *
 * <p>Bounds, as jemalloc's retained extents with their decay: at most {@link #LIMIT} bytes ({@code
 * -Dfloe.memory.blockCacheBytes}; by default an eighth of physical memory, at most 8 GiB; 0 turns
 * the cache off), and a block unused for {@link #DECAY_MILLIS} ({@code
 * -Dfloe.memory.blockCacheDecayMillis}, 10 s by default) goes back to the C allocator from a daemon
 * thread, so an idle process does not keep a query's peak. A 256 MiB bound left h2o's group-by q10
 * (10M groups, gigabytes of short-lived columns) mostly unserved: its time swung between 1.1 and
 * 2.5 s from run to run on page faults; a bound of gigabytes holds it at 1.1 s.
 *
 * <p>Accounting is unaffected: a cached block belongs to no {@link BufferAllocator}.
 */
final class LargeBlockCache {
  static final long LIMIT = Long.getLong("floe.memory.blockCacheBytes", defaultLimit());
  static final long DECAY_MILLIS = Long.getLong("floe.memory.blockCacheDecayMillis", 10_000L);

  /** A cached block and when it was freed (System.nanoTime). */
  private record Block(long address, long freedAt) {}

  private static final Map<Long, ArrayDeque<Block>> FREE = new HashMap<>();
  private static long cachedBytes;
  private static ScheduledExecutorService purger; // started with the first cached block

  private LargeBlockCache() {}

  private static long defaultLimit() {
    long physical = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getTotalMemorySize() : 0;
    return physical <= 0 ? 256L << 20 : Math.min(physical / 8, 8L << 30);
  }

  /** The size class of a block of {@code bytes} (at least {@link NativeMemory#HUGE_PAGE}). */
  static long sizeClass(long bytes) {
    return (bytes + NativeMemory.HUGE_PAGE - 1) & -NativeMemory.HUGE_PAGE;
  }

  /** A cached block of exactly {@code sizeClass} bytes, or 0 when there is none. */
  static synchronized long take(long sizeClass) {
    ArrayDeque<Block> blocks = FREE.get(sizeClass);
    if (blocks == null || blocks.isEmpty()) {
      return 0;
    }
    cachedBytes -= sizeClass;
    return blocks.pop().address();
  }

  /** Keeps the block for reuse and returns true, or returns false when the cache is full. */
  static boolean offer(long address, long sizeClass) {
    return offer(address, sizeClass, LIMIT);
  }

  /** {@link #offer(long, long)} with the cache bounded by {@code limit} bytes. */
  static synchronized boolean offer(long address, long sizeClass, long limit) {
    if (cachedBytes + sizeClass > limit) {
      return false;
    }
    FREE.computeIfAbsent(sizeClass, size -> new ArrayDeque<>()).push(new Block(address, System.nanoTime()));
    cachedBytes += sizeClass;
    if (purger == null && DECAY_MILLIS > 0) {
      purger = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "floe-block-cache-decay");
        thread.setDaemon(true);
        return thread;
      });
      long period = Math.max(1, DECAY_MILLIS / 4);
      purger.scheduleWithFixedDelay(() -> purge(DECAY_MILLIS, NativeMemory::freeToC), period, period,
          TimeUnit.MILLISECONDS);
    }
    return true;
  }

  /**
   * Hands every block freed more than {@code olderThanMillis} ago to {@code release} and forgets
   * it; returns the bytes released. Blocks are taken newest first, so the oldest sit at the bottom
   * of each size class's stack.
   */
  static long purge(long olderThanMillis, LongConsumer release) {
    long cutoff = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(olderThanMillis);
    ArrayDeque<Long> expired = new ArrayDeque<>();
    long released = 0;
    synchronized (LargeBlockCache.class) {
      for (Map.Entry<Long, ArrayDeque<Block>> entry : FREE.entrySet()) {
        ArrayDeque<Block> blocks = entry.getValue();
        while (!blocks.isEmpty() && blocks.peekLast().freedAt() - cutoff <= 0) {
          expired.add(blocks.removeLast().address());
          cachedBytes -= entry.getKey();
          released += entry.getKey();
        }
      }
      for (Iterator<ArrayDeque<Block>> classes = FREE.values().iterator(); classes.hasNext(); ) {
        if (classes.next().isEmpty()) {
          classes.remove();
        }
      }
    }
    expired.forEach(release::accept); // outside the lock: free may take a while for large blocks
    return released;
  }

  /** Bytes held for reuse now. */
  static synchronized long cachedBytes() {
    return cachedBytes;
  }
}
