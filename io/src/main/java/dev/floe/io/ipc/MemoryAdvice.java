package dev.floe.io.ipc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * {@code madvise(2)} on mapped files, through FFM. A reader that knows which byte ranges it will
 * touch (the projected column chunks of a Parquet file) turns readahead off for the mapping
 * ({@code MADV_RANDOM}: otherwise the kernel reads megabytes around every page fault, so a
 * 2-of-16-column read pulls in the whole file) and asks for exactly its ranges
 * ({@code MADV_WILLNEED}: read ahead asynchronously). Advice is only a hint: where the call is not
 * available (no native access, another OS) it does nothing.
 */
final class MemoryAdvice {
  private static final int MADV_RANDOM = 1;
  private static final int MADV_WILLNEED = 3;
  private static final int MADV_DONTNEED = 4;
  private static final long PAGE = 4096;
  private static final MethodHandle MADVISE = lookup();

  private MemoryAdvice() {}

  @SuppressWarnings("restricted") // a downcall to madvise: the JVM runs with --enable-native-access
  private static MethodHandle lookup() {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return null;
    }
    try {
      Linker linker = Linker.nativeLinker();
      return linker.defaultLookup().find("madvise")
          .map(symbol -> linker.downcallHandle(symbol, FunctionDescriptor.of(
              ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT)))
          .orElse(null);
    } catch (RuntimeException | Error unavailable) {
      return null;
    }
  }

  static void random(MemorySegment mapping) {
    advise(mapping, 0, mapping.byteSize(), MADV_RANDOM);
  }

  static void willNeed(MemorySegment mapping, long offset, long length) {
    advise(mapping, offset, length, MADV_WILLNEED);
  }

  /**
   * {@code MADV_DONTNEED} on a file mapping: its pages leave the process' resident set (the page
   * cache keeps them); a later read faults them in again from the file, so this is always safe.
   */
  static void dontNeed(MemorySegment mapping, long offset, long length) {
    advise(mapping, offset, length, MADV_DONTNEED);
  }

  /** Advises the pages covering {@code [offset, offset + length)} of the mapping (clamped to it). */
  private static void advise(MemorySegment mapping, long offset, long length, int advice) {
    if (MADVISE == null || length <= 0 || offset < 0 || offset >= mapping.byteSize()) {
      return;
    }
    long end = Math.min(mapping.byteSize(), offset + length);
    long base = mapping.address();
    long start = Math.floorDiv(base + offset, PAGE) * PAGE;
    long stop = base + end;
    try {
      int ignored = (int) MADVISE.invokeExact(MemorySegment.ofAddress(start), stop - start, advice);
    } catch (Throwable notAdvised) {
      // a hint only: reading works the same without it
    }
  }
}
