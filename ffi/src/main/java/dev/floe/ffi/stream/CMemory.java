package dev.floe.ffi.stream;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

/**
 * The C library's {@code malloc} and {@code free} for the small structures handed to other
 * engines: they may be freed by code outside the JVM (a PyCapsule destructor), so they come from
 * the C allocator, not from an arena (creating and closing an arena costs tens of microseconds).
 */
@SuppressWarnings("restricted") // downcalls to the C library
final class CMemory {
  private static final Linker LINKER = Linker.nativeLinker();
  private static final SymbolLookup LIBC = LINKER.defaultLookup();
  private static final MethodHandle MALLOC = LINKER.downcallHandle(
      LIBC.find("malloc").orElseThrow(), FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
  private static final MethodHandle FREE = LINKER.downcallHandle(
      LIBC.find("free").orElseThrow(), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));

  private CMemory() {}

  /** {@code bytes} zeroed bytes from malloc; throws OutOfMemoryError when malloc fails. */
  static MemorySegment allocate(long bytes) {
    MemorySegment memory;
    try {
      memory = (MemorySegment) MALLOC.invokeExact(bytes);
    } catch (Throwable impossible) {
      throw new AssertionError(impossible);
    }
    if (memory.address() == 0) {
      throw new OutOfMemoryError("malloc(" + bytes + ") failed");
    }
    return memory.reinterpret(bytes).fill((byte) 0);
  }

  /** Frees what {@link #allocate} returned; NULL is ignored. Never throws. */
  static void free(MemorySegment memory) {
    if (memory.address() == 0) {
      return;
    }
    try {
      FREE.invokeExact(memory);
    } catch (Throwable impossible) {
      // free cannot fail; nothing to report
    }
  }

  /** A NUL-terminated UTF-8 copy of {@code text} from malloc. */
  static MemorySegment string(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    MemorySegment memory = allocate(bytes.length + 1L);
    MemorySegment.copy(bytes, 0, memory, ValueLayout.JAVA_BYTE, 0, bytes.length);
    return memory;
  }

  /** The NUL-terminated UTF-8 string at {@code address}, or null for NULL. */
  static String readString(MemorySegment address) {
    return address.address() == 0 ? null : address.reinterpret(Long.MAX_VALUE).getString(0);
  }
}
