package dev.floe.ffi.python;

import dev.floe.errors.InvalidOperationException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * CPython embedded in the JVM: runs code, converts simple values (see {@link PyObjectRef} and the
 * conversion rules on {@link #eval}), and moves Arrow data through the PyCapsule protocol. There is
 * one bridge per process ({@link #start}, {@link #get}); every method may be called from any
 * thread, and all run on one dedicated Python thread, one at a time, waiting for the result
 * (a call made from that thread itself, say from Python calling back into Java, runs directly).
 *
 * <p>Code runs in named namespaces: {@code "__main__"} (the default) is the {@code __main__}
 * module's globals; any other name is a private dict created on first use, so that independent
 * users need not clash. {@link #close()} stops this bridge and drops its private namespaces, but
 * does not finalize CPython: extension modules such as numpy cannot be initialized twice in one
 * process, so the interpreter lives until the JVM exits and a later {@link #start} reuses it.
 */
public final class PythonBridge implements AutoCloseable {
  /** The name of the default namespace, the globals of the {@code __main__} module. */
  public static final String MAIN = "__main__";

  private static volatile PythonBridge current; // written under the class lock, read without it

  private final PythonRuntime runtime;
  private final Map<String, Long> namespaces = new HashMap<>(); // owned dicts, Python thread only
  private volatile boolean closed;

  private PythonBridge(PythonRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Starts CPython as {@code options} describe (the first time in this process) and returns the
   * bridge; returns the open bridge if there is one. Throws {@link PythonConfigurationException}
   * when the interpreter cannot be found or loaded, or a different one is already running.
   */
  public static synchronized PythonBridge start(PythonOptions options) {
    Objects.requireNonNull(options, "options");
    PythonRuntime runtime = PythonRuntime.start(options);
    if (current == null || current.closed) {
      current = new PythonBridge(runtime);
    }
    return current;
  }

  /** The open bridge; throws {@link InvalidOperationException} if none was started. */
  public static PythonBridge get() {
    PythonBridge bridge = current; // no lock: Python code running on the bridge's thread may call this
    if (bridge == null || bridge.closed) {
      throw new InvalidOperationException("no Python bridge is running; call PythonBridge.start(options) first");
    }
    return bridge;
  }

  /** The interpreter's version, such as {@code "3.11"}. */
  public String pythonVersion() {
    return runtime.install().version();
  }

  /** Runs {@code source} (statements) in the {@code __main__} namespace. */
  public void exec(String source) {
    exec(MAIN, source);
  }

  /** Runs {@code source} (statements) in the namespace {@code namespace}. */
  public void exec(String namespace, String source) {
    Objects.requireNonNull(source, "source");
    run(() -> {
      runtime.py.decRef(runtime.check(runtime.runString(source, CPython.FILE_INPUT, globals(namespace))));
      return null;
    });
  }

  /**
   * Evaluates {@code expression} in {@code __main__} and converts the result: None to null, bool to
   * Boolean, int to Long (BigInteger when it does not fit), float to Double, str to String, bytes
   * to byte[], list to List, tuple to an unmodifiable List, dict to Map, recursively; any other
   * object becomes a {@link PyObjectRef} the caller must close.
   */
  public Object eval(String expression) {
    return eval(MAIN, expression);
  }

  /** {@link #eval(String)} in the namespace {@code namespace}. */
  public Object eval(String namespace, String expression) {
    Objects.requireNonNull(expression, "expression");
    return run(() -> convert(runtime.runString(expression, CPython.EVAL_INPUT, globals(namespace))));
  }

  /** Evaluates {@code expression} in {@code __main__} and returns the object unconverted. */
  public PyObjectRef evalRef(String expression) {
    return evalRef(MAIN, expression);
  }

  /** {@link #evalRef(String)} in the namespace {@code namespace}. */
  public PyObjectRef evalRef(String namespace, String expression) {
    Objects.requireNonNull(expression, "expression");
    return run(() -> new PyObjectRef(runtime,
        runtime.check(runtime.runString(expression, CPython.EVAL_INPUT, globals(namespace)))));
  }

  /**
   * Calls {@code function} (a name or dotted expression such as {@code "json.dumps"}, evaluated in
   * {@code __main__}) with {@code args} converted as {@link #eval} describes in reverse (a {@link
   * PyObjectRef} passes its object), and converts the result the same way.
   */
  public Object call(String function, Object... args) {
    return callIn(MAIN, function, args);
  }

  /** {@link #call} with the function looked up in the namespace {@code namespace}. */
  public Object callIn(String namespace, String function, Object... args) {
    Objects.requireNonNull(function, "function");
    return run(() -> convert(invoke(namespace, function, args)));
  }

  /** {@link #call}, returning the result unconverted. */
  public PyObjectRef callRef(String function, Object... args) {
    return callRefIn(MAIN, function, args);
  }

  /** {@link #callIn}, returning the result unconverted. */
  public PyObjectRef callRefIn(String namespace, String function, Object... args) {
    Objects.requireNonNull(function, "function");
    return run(() -> new PyObjectRef(runtime, invoke(namespace, function, args)));
  }

  /** Calls {@code target.method(*args)} and converts the result as {@link #eval} does. */
  public Object callMethod(PyObjectRef target, String method, Object... args) {
    Objects.requireNonNull(method, "method");
    return run(() -> {
      long bound;
      try (Arena arena = Arena.ofConfined()) {
        bound = runtime.check(
            CPython.call(runtime.py.PyObject_GetAttrString, target.address(), arena.allocateFrom(method)));
      }
      try {
        return convert(runtime.conversions.callFunction(bound, Arrays.asList(args)));
      } finally {
        runtime.py.decRef(bound);
      }
    });
  }

  /**
   * Wraps a {@code malloc}'d ArrowArrayStream (such as {@code dev.floe.ffi.cdata.ArrowStructs.allocateStream()}) in a Python
   * object whose {@code __arrow_c_stream__()} returns it in an {@code "arrow_array_stream"}
   * capsule, once. The bridge owns the struct from this call on, even if it throws: the capsule's
   * destructor calls {@code release} unless a consumer moved the stream out, then {@code free}s it.
   */
  public PyObjectRef wrapArrowStream(MemorySegment arrowArrayStream) {
    Objects.requireNonNull(arrowArrayStream, "arrowArrayStream");
    return run(() -> new PyObjectRef(runtime, runtime.capsules.wrapStream(arrowArrayStream)));
  }

  /**
   * Wraps a {@code malloc}'d ArrowSchema and ArrowArray in a Python object whose {@code
   * __arrow_c_array__()} returns them as {@code "arrow_schema"} and {@code "arrow_array"} capsules,
   * once. Ownership passes as for {@link #wrapArrowStream}.
   */
  public PyObjectRef wrapArrowArray(MemorySegment schema, MemorySegment array) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(array, "array");
    return run(() -> new PyObjectRef(runtime, runtime.capsules.wrapArray(schema, array)));
  }

  /**
   * Wraps a {@code malloc}'d ArrowSchema in a Python object whose {@code __arrow_c_schema__()}
   * returns it in an {@code "arrow_schema"} capsule, once (there is one struct to hand out).
   * Ownership passes as for {@link #wrapArrowStream}.
   */
  public PyObjectRef wrapArrowSchema(MemorySegment schema) {
    Objects.requireNonNull(schema, "schema");
    return run(() -> new PyObjectRef(runtime, runtime.capsules.wrapSchema(schema)));
  }

  /**
   * Calls {@code producer.__arrow_c_schema__()} and moves the ArrowSchema out into a new {@code
   * malloc}'d struct the caller owns (release it, then free it with {@code
   * dev.floe.ffi.cdata.ArrowStructs.releaseSchema} and {@code free}, when done).
   */
  public MemorySegment takeArrowSchema(PyObjectRef producer) {
    Objects.requireNonNull(producer, "producer");
    return run(() -> runtime.capsules.takeSchema(producer.address()));
  }

  /**
   * Calls {@code producer.__arrow_c_stream__()} and moves the ArrowArrayStream out into a new
   * {@code malloc}'d 40-byte struct that the caller owns: read it (for example with {@code
   * Floe.importArrowStream}, which moves it out) or call its {@code release}, then {@code free} it.
   */
  public MemorySegment takeArrowStream(PyObjectRef producer) {
    Objects.requireNonNull(producer, "producer");
    return run(() -> runtime.capsules.takeStream(producer.address()));
  }

  /** Calls {@code producer.__arrow_c_array__()} and moves both structs out; the caller owns them. */
  public ArrowArrayStructs takeArrowArray(PyObjectRef producer) {
    Objects.requireNonNull(producer, "producer");
    return run(() -> runtime.capsules.takeArray(producer.address()));
  }

  /** Stops this bridge and drops its private namespaces; CPython itself keeps running. */
  @Override
  public void close() {
    synchronized (PythonBridge.class) {
      if (closed) {
        return;
      }
      closed = true;
    }
    runtime.run(() -> {
      namespaces.values().forEach(runtime.py::decRef);
      namespaces.clear();
      return null;
    });
  }

  private <T> T run(java.util.concurrent.Callable<T> work) {
    if (closed) {
      throw new InvalidOperationException("this Python bridge was closed");
    }
    return runtime.run(work);
  }

  private long globals(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    if (namespace.equals(MAIN)) {
      return runtime.mainNamespace();
    }
    return namespaces.computeIfAbsent(namespace, runtime::newNamespace);
  }

  private long invoke(String namespace, String function, Object[] args) {
    long callable = runtime.check(runtime.runString(function, CPython.EVAL_INPUT, globals(namespace)));
    try {
      return runtime.conversions.callFunction(callable, Arrays.asList(args));
    } finally {
      runtime.py.decRef(callable);
    }
  }

  private Object convert(long result) {
    runtime.check(result);
    try {
      return runtime.conversions.toJava(result, true);
    } finally {
      runtime.py.decRef(result);
    }
  }
}
