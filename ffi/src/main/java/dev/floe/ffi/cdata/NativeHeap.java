package dev.floe.ffi.cdata;

import dev.floe.errors.FloeOutOfMemoryException;
import dev.floe.errors.InternalFloeException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;

/**
 * The C heap ({@code malloc}, {@code calloc}, {@code free}) through FFM downcalls, for the small
 * structures the C Data Interface exchanges (structs, pointer arrays, strings). A downcall costs
 * tens of nanoseconds; an {@code Arena} per exported batch would cost tens of microseconds.
 */
@SuppressWarnings("restricted") // downcalls and reinterpret are this class's purpose
final class NativeHeap {
  private static final MethodHandle MALLOC;
  private static final MethodHandle CALLOC;
  private static final MethodHandle FREE;
  /** Blocks allocated here and not yet freed (tests check it returns to where it was). */
  private static final LongAdder LIVE_BLOCKS = new LongAdder();

  static {
    Linker linker = Linker.nativeLinker();
    var libc = linker.defaultLookup();
    MALLOC = linker.downcallHandle(
        libc.find("malloc").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
        Linker.Option.critical(false));
    CALLOC = linker.downcallHandle(
        libc.find("calloc").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
        Linker.Option.critical(false));
    FREE = linker.downcallHandle(
        libc.find("free").orElseThrow(),
        FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG),
        Linker.Option.critical(false));
  }

  private NativeHeap() {}

  /** The number of blocks from {@link #mallocOrThrow} and {@link #callocOrThrow} not yet freed. */
  static long liveBlocks() {
    return LIVE_BLOCKS.sum();
  }

  /** {@code malloc(bytes)} (at least 1 byte); throws instead of returning NULL. */
  static long mallocOrThrow(long bytes, String what) {
    long address;
    try {
      address = (long) MALLOC.invokeExact(Math.max(bytes, 1L));
    } catch (Throwable failure) {
      throw new InternalFloeException("malloc(" + bytes + ") for " + what + " failed", failure);
    }
    if (address == 0) {
      throw new FloeOutOfMemoryException(
          "the C heap refused " + bytes + " bytes for " + what + " (C Data Interface)");
    }
    LIVE_BLOCKS.increment();
    return address;
  }

  /** {@code calloc(1, bytes)}: zeroed memory; throws instead of returning NULL. */
  static long callocOrThrow(long bytes, String what) {
    long address;
    try {
      address = (long) CALLOC.invokeExact(1L, Math.max(bytes, 1L));
    } catch (Throwable failure) {
      throw new InternalFloeException("calloc(" + bytes + ") for " + what + " failed", failure);
    }
    if (address == 0) {
      throw new FloeOutOfMemoryException(
          "the C heap refused " + bytes + " bytes for " + what + " (C Data Interface)");
    }
    LIVE_BLOCKS.increment();
    return address;
  }

  /** {@code free(address)}; NULL is ignored. Never throws (release callbacks use it). */
  static void free(long address) {
    if (address == 0) {
      return;
    }
    try {
      FREE.invokeExact(address);
      LIVE_BLOCKS.decrement();
    } catch (Throwable failure) {
      Releases.record(failure);
    }
  }

  /** A segment of {@code bytes} at {@code address} (no lifetime of its own). */
  static MemorySegment view(long address, long bytes) {
    return MemorySegment.ofAddress(address).reinterpret(bytes);
  }

  /** The NUL-terminated UTF-8 string at {@code address}, or null for NULL. */
  static String readString(long address) {
    if (address == 0) {
      return null;
    }
    return MemorySegment.ofAddress(address).reinterpret(Long.MAX_VALUE).getString(0);
  }

  /** The UTF-8 bytes of {@code text} plus a terminating NUL. */
  static byte[] cString(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] terminated = new byte[utf8.length + 1];
    System.arraycopy(utf8, 0, terminated, 0, utf8.length);
    return terminated;
  }
}
