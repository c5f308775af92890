package dev.floe.ffi.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
    String configured = System.getProperty("floe.polars.python");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    Path script = Path.of("..", "scripts", "python-env.sh").toAbsolutePath().normalize();
    try {
      Process process =
          new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("could not set up the Python venv with " + script
            + "; run it by hand to see why, or pass -Dfloe.polars.python=/path/to/python");
      }
      String python = output.lines().reduce((first, second) -> second).orElse("");
      if (!Files.isExecutable(Path.of(python))) {
        throw new AssertionError(script + " printed '" + python + "', which is not an executable");
      }
      return python;
    } catch (IOException e) {
      throw new AssertionError("could not run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + script, e);
    }
  }
}
