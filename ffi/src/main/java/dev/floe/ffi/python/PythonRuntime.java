package dev.floe.ffi.python;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The process's one embedded CPython: started on its {@link PythonThread}, which then releases the
 * GIL; holds the bridge's helper namespace ({@link Bootstrap}) and turns pending Python errors into
 * {@link PythonException}s. The interpreter is never finalized (numpy and pyarrow cannot be
 * initialized twice in a process).
 */
final class PythonRuntime {
  private static PythonRuntime instance;
  private static PythonOptions instanceOptions;
  private static RuntimeException broken;

  final PythonInstall install;
  final CPython py;
  final Conversions conversions;
  final ArrowCapsules capsules;
  private final PythonThread thread;
  private long helpers;
  private long formatter;
  private long compiler;

  private PythonRuntime(PythonInstall install, CPython py) {
    this.install = install;
    this.py = py;
    this.conversions = new Conversions(this);
    this.capsules = new ArrowCapsules(this);
    this.thread = new PythonThread(py);
  }

  /**
   * The runtime, started with {@code options} on first use. Later calls must name the same
   * libpython: a process can host one CPython only.
   */
  static synchronized PythonRuntime start(PythonOptions options) {
    if (broken != null) {
      throw new PythonConfigurationException("CPython failed to start earlier in this process", broken);
    }
    if (instance != null && options.equals(instanceOptions)) {
      return instance; // the common case: no need to run the executable again
    }
    PythonInstall install = PythonInstall.locate(options);
    if (instance != null) {
      if (!instance.install.libpython().equals(install.libpython())) {
        throw new PythonConfigurationException(
            "CPython from " + instance.install.libpython() + " is already running in this process; cannot also start "
                + install.libpython());
      }
      instance.prepend(options.extraPaths());
      instanceOptions = options;
      return instance;
    }
    CPython py = new CPython(Libc.dlopenGlobal(install.libpython()));
    PythonRuntime runtime = new PythonRuntime(install, py);
    List<String> paths = new ArrayList<>();
    options.extraPaths().forEach(path -> paths.add(path.toAbsolutePath().toString()));
    install.sitePackages().forEach(path -> paths.add(path.toString()));
    try {
      runtime.thread.runWithoutGil(() -> {
        runtime.initialize(paths);
        return null;
      });
    } catch (RuntimeException e) {
      broken = e;
      throw e;
    }
    instanceOptions = options;
    return instance = runtime;
  }

  /** Puts {@code paths} first on the running interpreter's {@code sys.path}. */
  private void prepend(List<java.nio.file.Path> paths) {
    if (paths.isEmpty()) {
      return;
    }
    List<String> names = paths.stream().map(path -> path.toAbsolutePath().toString()).toList();
    run(() -> {
      long prepend = helper("floe_prepend");
      try {
        py.decRef(conversions.callFunction(prepend, List.of(names)));
      } finally {
        py.decRef(prepend);
      }
      return null;
    });
  }

  /** On the Python thread: starts CPython, runs the bootstrap, sets sys.path, releases the GIL. */
  private void initialize(List<String> paths) {
    if ((int) CPython.call(py.Py_IsInitialized) != 0) {
      throw new PythonConfigurationException("CPython was already initialized in this process by other code");
    }
    Libc.setenv("PYTHONHOME", install.home().toString());
    CPython.invoke(py.Py_InitializeEx, 0); // 0: leave the JVM's signal handlers alone
    try {
      helpers = newNamespace("_floe_bridge");
      try (Arena arena = Arena.ofConfined()) {
        py.decRef(check(CPython.call(py.PyRun_String, arena.allocateFrom(Bootstrap.SOURCE), CPython.FILE_INPUT,
            helpers, helpers)));
      }
      formatter = helper("floe_format");
      compiler = helper("floe_compile");
      long setup = helper("floe_setup");
      try {
        py.decRef(conversions.callFunction(setup, List.of(paths, install.executable().toString())));
      } finally {
        py.decRef(setup);
      }
    } finally {
      CPython.call(py.PyEval_SaveThread); // from now on every task takes the GIL itself
    }
  }

  /** A new reference to the bridge's helper named {@code name}. */
  long helper(String name) {
    try (Arena arena = Arena.ofConfined()) {
      long found = CPython.call(py.PyDict_GetItemString, helpers, arena.allocateFrom(name));
      if (found == 0) {
        throw new IllegalStateException("bridge helper " + name + " is missing");
      }
      py.incRef(found);
      return found;
    }
  }

  /** A new namespace dict with builtins and {@code __name__} set (an owned reference). */
  long newNamespace(String name) {
    long dict = check(CPython.call(py.PyDict_New));
    try (Arena arena = Arena.ofConfined()) {
      checkStatus(CPython.call(py.PyDict_SetItemString, dict, arena.allocateFrom("__builtins__"),
          CPython.call(py.PyEval_GetBuiltins)));
      long nameObject = conversions.toPython(name);
      try {
        checkStatus(CPython.call(py.PyDict_SetItemString, dict, arena.allocateFrom("__name__"), nameObject));
      } finally {
        py.decRef(nameObject);
      }
    }
    return dict;
  }

  /** The borrowed globals dict of {@code __main__}. */
  long mainNamespace() {
    try (Arena arena = Arena.ofConfined()) {
      long module = check(CPython.call(py.PyImport_AddModule, arena.allocateFrom("__main__")));
      return check(CPython.call(py.PyModule_GetDict, module));
    }
  }

  /**
   * Compiles {@code source} (as a file when {@code start} is {@link CPython#FILE_INPUT}, else as an
   * expression) under a name tracebacks can show the lines of, and runs it in {@code globals}: a
   * new reference to the result, or 0 with an error set.
   */
  long runString(String source, int start, long globals) {
    String mode = start == CPython.FILE_INPUT ? "exec" : "eval";
    long code = conversions.callFunction(compiler, List.of(source, mode));
    try {
      return CPython.call(py.PyEval_EvalCode, code, globals, globals);
    } finally {
      py.decRef(code);
    }
  }

  /** Returns {@code result}, or throws the pending Python exception when it is 0 (NULL). */
  long check(long result) {
    if (result == 0) {
      throw takeError();
    }
    return result;
  }

  /** Throws the pending Python exception when a C API {@code status} is negative. */
  void checkStatus(long status) {
    if (status < 0) {
      throw takeError();
    }
  }

  /** Takes the pending Python exception (clearing it) and converts it, with its traceback. */
  PythonException takeError() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment type = arena.allocate(JAVA_LONG);
      MemorySegment value = arena.allocate(JAVA_LONG);
      MemorySegment trace = arena.allocate(JAVA_LONG);
      CPython.invoke(py.PyErr_Fetch, type, value, trace);
      if (type.get(JAVA_LONG, 0) == 0) {
        return new PythonException("SystemError", "a Python call failed without setting an exception", "");
      }
      CPython.invoke(py.PyErr_NormalizeException, type, value, trace);
      long t = type.get(JAVA_LONG, 0);
      long v = value.get(JAVA_LONG, 0);
      long tb = trace.get(JAVA_LONG, 0);
      try {
        if (v != 0 && tb != 0) {
          CPython.call(py.PyException_SetTraceback, v, tb);
        }
        return describe(t, v, tb);
      } finally {
        py.decRef(t);
        py.decRef(v);
        py.decRef(tb);
      }
    }
  }

  private PythonException describe(long type, long value, long trace) {
    if (formatter != 0) {
      long args = CPython.call(py.PyTuple_New, 3L);
      if (args != 0) {
        long[] items = {type, value == 0 ? py.none : value, trace == 0 ? py.none : trace};
        for (int i = 0; i < 3; i++) {
          py.incRef(items[i]);
          CPython.call(py.PyTuple_SetItem, args, (long) i, items[i]);
        }
        long result = CPython.call(py.PyObject_Call, formatter, args, 0L);
        py.decRef(args);
        if (result != 0) {
          try {
            if (conversions.toJava(result, false) instanceof List<?> parts && parts.size() == 3) {
              return new PythonException(
                  String.valueOf(parts.get(0)), String.valueOf(parts.get(1)), String.valueOf(parts.get(2)));
            }
          } catch (RuntimeException ignored) {
            // fall through to the plain description below
          } finally {
            py.decRef(result);
          }
        }
      }
      CPython.invoke(py.PyErr_Clear);
    }
    return new PythonException("Exception", "a Python error occurred (its traceback could not be formatted)", "");
  }

  /** The executable and site-packages this runtime was started with. */
  PythonInstall install() {
    return install;
  }

  /** Whether the caller is the Python thread (and so already holds the GIL inside a task). */
  boolean onPythonThread() {
    return thread.isCurrent();
  }

  /** Runs {@code work} with the GIL on the Python thread and waits; runs it directly if already there. */
  <T> T run(Callable<T> work) {
    return thread.run(work);
  }

  /** Runs {@code work} on the Python thread later, with the GIL, ignoring failures. */
  void runLater(Runnable work) {
    thread.runLater(work);
  }

}
