package dev.floe.io.ipc;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Backs every page of a read-write file mapping before it is filled, with {@code madvise(2)}'s
 * {@code MADV_POPULATE_WRITE} (Linux 5.14+), through FFM. One call allocates the pages that
 * filling the mapping would otherwise fault in one at a time, and, above all, a file system that
 * cannot back them (a full tmpfs) then fails this call with {@code EFAULT} instead of raising
 * {@code SIGBUS} in the middle of a copy. Where the call is not available (another OS, an older
 * kernel, no native access) it does nothing and the pages are faulted in as they are written.
 */
final class WritablePages {
  private static final int MADV_POPULATE_WRITE = 23;
  private static final int EFAULT = 14;
  private static final int ENOMEM = 12;
  private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
  private static final MethodHandle MADVISE = lookup();

  private WritablePages() {}

  @SuppressWarnings("restricted") // a downcall to madvise: the JVM runs with --enable-native-access
  private static MethodHandle lookup() {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return null;
    }
    try {
      Linker linker = Linker.nativeLinker();
      return linker.defaultLookup().find("madvise")
          .map(symbol -> linker.downcallHandle(symbol, FunctionDescriptor.of(ValueLayout.JAVA_INT,
              ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT),
              Linker.Option.captureCallState("errno")))
          .orElse(null);
    } catch (RuntimeException | Error unavailable) {
      return null;
    }
  }

  /**
   * Backs all pages of {@code mapping} (which starts on a page, as file mappings do).
   *
   * @return true when they were populated, false when the call is not available (nothing done)
   * @throws IOException when the file system cannot back them (out of space or memory)
   */
  static boolean populate(MemorySegment mapping) throws IOException {
    if (MADVISE == null || mapping.byteSize() == 0) {
      return false;
    }
    int result;
    int errno;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(CALL_STATE);
      try {
        result = (int) MADVISE.invokeExact(state, mapping, mapping.byteSize(), MADV_POPULATE_WRITE);
      } catch (Throwable unavailable) {
        return false;
      }
      errno = (int) ERRNO.get(state, 0L);
    }
    if (result == 0) {
      return true;
    }
    if (errno == EFAULT || errno == ENOMEM) {
      throw new IOException("the file system cannot back " + mapping.byteSize() + " bytes (madvise errno "
          + errno + "); is it full?");
    }
    return false; // EINVAL (a kernel before 5.14) and the like: fault the pages in as they are written
  }
}
