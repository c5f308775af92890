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

  private static final MethodHandle ALIGNED_ALLOC;
  private static final MethodHandle FREE;

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
  }

  private NativeMemory() {}

  /**
   * Allocates {@code bytes} (a positive multiple of {@link #ALIGNMENT}) aligned to 64 bytes and
   * returns the address, or 0 when the C allocator refuses.
   */
  static long allocate(long bytes) {
    try {
      return (long) ALIGNED_ALLOC.invokeExact(ALIGNMENT, bytes);
    } catch (Throwable failure) {
      throw new InternalFloeException("aligned_alloc(" + bytes + ") failed", failure);
    }
  }

  static void free(long address) {
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
