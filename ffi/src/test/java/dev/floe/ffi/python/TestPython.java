package dev.floe.ffi.python;

import java.nio.file.Path;

/**
 * The shared bridge the tests use, started once per JVM with the project's venv: {@code
 * -Dfloe.polars.python} if set, else the python {@code scripts/python-env.sh} prints (creating the
 * venv on first use). Fails, never skips, when there is none: CI must run these tests.
 */
public final class TestPython {
  private static String executable;

  private TestPython() {}

  /** The venv's python executable. */
  public static synchronized Path executable() {
    if (executable == null) {
      executable = locate();
    }
    return Path.of(executable);
  }

  /** The process's bridge, started on first use. */
  public static synchronized PythonBridge bridge() {
    return PythonBridge.start(PythonOptions.of(executable()));
  }

  private static String locate() {
    return dev.floe.testkit.ProjectPython.executable();
  }
}
