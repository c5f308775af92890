package dev.floe.ffi.python;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/** The few C library functions the bridge needs: dynamic loading, malloc/free and setenv. */
@SuppressWarnings("restricted") // native calls on C pointers are this class's purpose
final class Libc {
  /** Resolve every symbol when loading, so a broken library fails at once rather than later. */
  static final int RTLD_NOW = 2;
  /** Make the library's symbols visible to extension modules (numpy, pyarrow) loaded after it. */
  static final int RTLD_GLOBAL = 0x100;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final MethodHandle DLOPEN = handle("dlopen", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
  private static final MethodHandle DLERROR = handle("dlerror", FunctionDescriptor.of(ADDRESS));
  private static final MethodHandle DLSYM = handle("dlsym", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
  private static final MethodHandle MALLOC = handle("malloc", FunctionDescriptor.of(ADDRESS, JAVA_LONG));
  private static final MethodHandle FREE = handle("free", FunctionDescriptor.ofVoid(ADDRESS));
  private static final MethodHandle SETENV =
      handle("setenv", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));

  private Libc() {}

  private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
    MemorySegment symbol =
        LINKER.defaultLookup().find(name).orElseThrow(() -> new UnsatisfiedLinkError("no C function " + name));
    return LINKER.downcallHandle(symbol, descriptor);
  }

  /** {@code dlopen(path, RTLD_NOW | RTLD_GLOBAL)}; throws with {@code dlerror()} when it fails. */
  static MemorySegment dlopenGlobal(Path library) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment handle = (MemorySegment) DLOPEN.invokeExact(arena.allocateFrom(library.toString()),
          RTLD_NOW | RTLD_GLOBAL);
      if (handle.address() == 0) {
        MemorySegment error = (MemorySegment) DLERROR.invokeExact();
        String reason = error.address() == 0 ? "unknown error" : error.reinterpret(4096).getString(0);
        throw new PythonConfigurationException(
            "could not load libpython " + library + ": " + reason
                + "; pass PythonOptions.withLibpython(path) to use another library");
      }
      return handle;
    } catch (PythonConfigurationException e) {
      throw e;
    } catch (Throwable t) {
      throw new PythonConfigurationException("could not load libpython " + library, t);
    }
  }

  /** The address of {@code name} in the library {@code handle}, or NULL. */
  static MemorySegment dlsym(MemorySegment handle, String name) {
    try (Arena arena = Arena.ofConfined()) {
      return (MemorySegment) DLSYM.invokeExact(handle, arena.allocateFrom(name));
    } catch (Throwable t) {
      throw new IllegalStateException("dlsym(" + name + ") failed", t);
    }
  }

  /** {@code malloc(size)}, as a segment of {@code size} bytes; throws when out of memory. */
  static MemorySegment malloc(long size) {
    try {
      MemorySegment memory = (MemorySegment) MALLOC.invokeExact(size);
      if (memory.address() == 0) {
        throw new OutOfMemoryError("malloc(" + size + ") returned NULL");
      }
      return memory.reinterpret(size);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("malloc failed", t);
    }
  }

  /** {@code free(memory)}; a NULL segment is ignored, as C does. */
  static void free(MemorySegment memory) {
    try {
      FREE.invokeExact(memory);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("free failed", t);
    }
  }

  /** {@code setenv(name, value, 1)}: changes the process environment C code (CPython) reads. */
  static void setenv(String name, String value) {
    try (Arena arena = Arena.ofConfined()) {
      int result = (int) SETENV.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 1);
      if (result != 0) {
        throw new IllegalStateException("setenv(" + name + ") failed");
      }
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("setenv failed", t);
    }
  }
}
