package dev.floe.memory;

import dev.floe.errors.InternalFloeException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The C allocator reached through FFM downcalls: {@code aligned_alloc} and {@code free}. One
 * downcall each way costs tens of nanoseconds, far less than an {@code Arena.ofShared()} per
 * buffer (~36 us to close) and, unlike one arena shared by all buffers, frees each buffer on its own.
 */
@SuppressWarnings("restricted") // FFM downcalls and reinterpret are this class's purpose
final class NativeMemory {
  static final long ALIGNMENT = 64;

  /**
   * Buffers of at least this many bytes are aligned to it and advised to use transparent huge
   * pages. A fresh 64 MiB buffer otherwise takes 16,384 page faults as a builder fills it (glibc
   * maps blocks this large anew each time), which cost more than the appends themselves in
   * {@code Int64BuilderBenchmark}; with 2 MiB pages it takes 32. {@code -Dfloe.memory.hugePages=false}
   * turns the advice off.
   */
  static final long HUGE_PAGE = 2L << 20;

  private static final int MADV_HUGEPAGE = 14; // Linux <sys/mman.h>

  private static final MethodHandle ALIGNED_ALLOC;
  private static final MethodHandle FREE;
  private static final MethodHandle MADVISE; // null where the C library has no madvise

  static {
    Linker linker = Linker.nativeLinker();
    var libc = linker.defaultLookup();
    ALIGNED_ALLOC =
        linker.downcallHandle(
            libc.find("aligned_alloc").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
            Linker.Option.critical(false));
    FREE =
        linker.downcallHandle(
            libc.find("free").orElseThrow(),
            FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG),
            Linker.Option.critical(false));
    MADVISE =
        System.getProperty("os.name", "").startsWith("Linux")
                && !"false".equalsIgnoreCase(System.getProperty("floe.memory.hugePages"))
            ? libc.find("madvise")
                .map(
                    address ->
                        linker.downcallHandle(
                            address,
                            FunctionDescriptor.of(
                                ValueLayout.JAVA_INT,
                                ValueLayout.JAVA_LONG,
                                ValueLayout.JAVA_LONG,
                                ValueLayout.JAVA_INT)))
                .orElse(null)
            : null;
  }

  private static final int M_MMAP_THRESHOLD = -3; // glibc <malloc.h>

  static {
    // glibc raises its mmap threshold each time a mapped block is freed (up to 32 MiB), after which
    // blocks of that size come from its heaps and stay resident once freed; a fixed threshold
    // keeps every block of 2 MiB or more (the ones LargeBlockCache does not keep) going back to
    // the kernel on free. TPC-H Q21's peak resident set: 1.24 GB without the cache, with the
    // dynamic threshold.
    if (System.getProperty("os.name", "").startsWith("Linux")
        && !"false".equalsIgnoreCase(System.getProperty("floe.memory.fixedMmapThreshold"))) {
      Linker linker = Linker.nativeLinker();
      linker.defaultLookup().find("mallopt").ifPresent(address -> {
        try {
          int ignored = (int) linker.downcallHandle(address,
                  FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT))
              .invokeExact(M_MMAP_THRESHOLD, (int) HUGE_PAGE);
        } catch (Throwable notSet) {
          // a tuning only: allocation works the same without it
        }
      });
    }
  }

  private NativeMemory() {}

  /**
   * Allocates {@code bytes} (a positive multiple of {@link #ALIGNMENT}) aligned to 64 bytes and
   * returns the address, or 0 when the C allocator refuses.
   */
  static long allocate(long bytes) {
    if (bytes >= HUGE_PAGE) {
      long sizeClass = LargeBlockCache.sizeClass(bytes);
      long reused = LargeBlockCache.take(sizeClass);
      return reused != 0 ? reused : allocateFromC(sizeClass);
    }
    return allocateFromC(bytes);
  }

  private static long allocateFromC(long bytes) {
    boolean huge = bytes >= HUGE_PAGE && MADVISE != null;
    long address;
    try {
      address = (long) ALIGNED_ALLOC.invokeExact(huge ? HUGE_PAGE : ALIGNMENT, bytes);
    } catch (Throwable failure) {
      throw new InternalFloeException("aligned_alloc(" + bytes + ") failed", failure);
    }
    if (huge && address != 0) {
      adviseHugePages(address, bytes);
    }
    return address;
  }

  /** Best effort: a kernel without transparent huge pages refuses, and that is fine. */
  private static void adviseHugePages(long address, long bytes) {
    long length = (bytes + 4095) & -4096L;
    try {
      int ignored = (int) MADVISE.invokeExact(address, length, MADV_HUGEPAGE);
    } catch (Throwable failure) {
      throw new InternalFloeException("madvise(" + address + ", " + length + ") failed", failure);
    }
  }

  /** Frees a block {@link #allocate} returned for {@code bytes} (large ones may be cached). */
  static void free(long address, long bytes) {
    if (bytes >= HUGE_PAGE && LargeBlockCache.offer(address, LargeBlockCache.sizeClass(bytes))) {
      return;
    }
    freeToC(address);
  }

  /** Returns a block to the C allocator (no cache). */
  static void freeToC(long address) {
    try {
      FREE.invokeExact(address);
    } catch (Throwable failure) {
      throw new InternalFloeException("free(" + address + ") failed", failure);
    }
  }

  /** A segment of {@code bytes} at {@code address}; its lifetime is managed by {@link Buffer}. */
  static MemorySegment segment(long address, long bytes) {
    return MemorySegment.ofAddress(address).reinterpret(bytes);
  }

  /** Rounds {@code bytes} up to a multiple of 64 (at least 64). */
  static long padded(long bytes) {
    return Math.max(ALIGNMENT, (bytes + ALIGNMENT - 1) & -ALIGNMENT);
  }
}
