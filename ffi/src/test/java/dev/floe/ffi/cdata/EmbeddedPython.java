package dev.floe.ffi.cdata;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A minimal CPython embedded in the test JVM through FFM, for checking the C Data Interface against
 * pyarrow in the same process. Enabled by the environment variable {@code FLOE_TEST_PYTHON}: the
 * python executable of a venv with pyarrow. {@code dlopen(RTLD_NOW | RTLD_GLOBAL)} first (plain
 * library lookup breaks extension modules), then {@code Py_InitializeEx(0)} with the venv's
 * site-packages first on {@code sys.path}. The initializing thread keeps the GIL, so every call must
 * come from it; Python is never finalized.
 */
@SuppressWarnings("restricted")
final class EmbeddedPython {
  private static final int RTLD_NOW = 2;
  private static final int RTLD_GLOBAL = 0x100;
  private static EmbeddedPython instance;
  private static Thread owner;

  private final MethodHandle runString;

  private EmbeddedPython(MethodHandle runString) {
    this.runString = runString;
  }

  /** The interpreter, started on first use; null when {@code FLOE_TEST_PYTHON} is not set. */
  static synchronized EmbeddedPython get() throws Throwable {
    String python = System.getenv("FLOE_TEST_PYTHON");
    if (python == null || python.isBlank()) {
      return null;
    }
    if (instance != null) {
      if (owner != Thread.currentThread()) {
        throw new IllegalStateException("the embedded Python belongs to " + owner);
      }
      return instance;
    }
    List<String> paths = ask(python,
        "import sysconfig, site; print(sysconfig.get_config_var('LIBDIR') + '/'"
            + " + sysconfig.get_config_var('LDLIBRARY')); print(site.getsitepackages()[0])");
    Linker linker = Linker.nativeLinker();
    var libc = linker.defaultLookup();
    MethodHandle dlopen = linker.downcallHandle(libc.find("dlopen").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    MethodHandle dlsym = linker.downcallHandle(libc.find("dlsym").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
    long handle;
    long initialize;
    long run;
    try (Arena arena = Arena.ofConfined()) {
      handle = (long) dlopen.invokeExact(arena.allocateFrom(paths.get(0)), RTLD_NOW | RTLD_GLOBAL);
      if (handle == 0) {
        throw new IllegalStateException("dlopen(" + paths.get(0) + ") failed");
      }
      initialize = (long) dlsym.invokeExact(handle, arena.allocateFrom("Py_InitializeEx"));
      run = (long) dlsym.invokeExact(handle, arena.allocateFrom("PyRun_SimpleString"));
    }
    MethodHandle init = linker.downcallHandle(
        MemorySegment.ofAddress(initialize), FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
    init.invokeExact(0);
    EmbeddedPython python3 = new EmbeddedPython(linker.downcallHandle(MemorySegment.ofAddress(run),
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS)));
    python3.run("import sys\nsys.path.insert(0, " + quote(paths.get(1)) + ")\nimport pyarrow as pa\n");
    instance = python3;
    owner = Thread.currentThread();
    return instance;
  }

  /** Runs {@code code} in {@code __main__}; throws if it raised (the traceback goes to stderr). */
  void run(String code) throws Throwable {
    try (Arena arena = Arena.ofConfined()) {
      int status = (int) runString.invokeExact(arena.allocateFrom(code));
      if (status != 0) {
        throw new AssertionError("Python raised (traceback on stderr) running:\n" + code);
      }
    }
  }

  static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static List<String> ask(String python, String code) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(python, "-c", code).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(python + " failed: " + output);
    }
    return output.lines().toList();
  }
}
