package dev.floe.ffi.cdata;

import dev.floe.ffi.python.PythonBridge;
import dev.floe.ffi.python.TestPython;

/**
 * pyarrow in this JVM for the C Data tests: the project's {@link PythonBridge} (started once with
 * the venv {@link TestPython} finds), with {@code pyarrow} imported as {@code pa} in a namespace
 * of its own.
 */
final class EmbeddedPython {
  private static final String NAMESPACE = "cdata_tests";
  private static EmbeddedPython instance;

  private final PythonBridge bridge;

  private EmbeddedPython(PythonBridge bridge) {
    this.bridge = bridge;
  }

  static synchronized EmbeddedPython get() {
    if (instance == null) {
      PythonBridge bridge = TestPython.bridge();
      bridge.exec(NAMESPACE, "import pyarrow as pa");
      instance = new EmbeddedPython(bridge);
    }
    return instance;
  }

  /** Runs {@code code} with {@code pa} in scope; a Python exception fails the caller's test. */
  void run(String code) {
    bridge.exec(NAMESPACE, code);
  }
}
