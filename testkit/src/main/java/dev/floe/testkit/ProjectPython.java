package dev.floe.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The project's Python for tests (Polars, pyarrow, numpy, DuckDB): {@code -Dfloe.polars.python}
 * if set, else the pinned venv {@code scripts/python-env.sh} prints (creating it on first use).
 * Fails, never skips, when there is none: CI sets the venv up and must run these tests.
 */
public final class ProjectPython {
  private static String cached;

  private ProjectPython() {}

  /** The python executable's path; throws {@link AssertionError} saying how to fix a missing venv. */
  public static synchronized String executable() {
    if (cached != null) {
      return cached;
    }
    String configured = System.getProperty("floe.polars.python");
    if (configured != null && !configured.isBlank()) {
      return cached = configured;
    }
    Path script = Path.of("..", "scripts", "python-env.sh").toAbsolutePath().normalize();
    try {
      Process process =
          new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("could not set up the project's Python venv with " + script
            + "; run it by hand to see why, or pass -Dfloe.polars.python=/path/to/python");
      }
      String python = output.lines().reduce((first, second) -> second).orElse("");
      if (!Files.isExecutable(Path.of(python))) {
        throw new AssertionError(script + " printed '" + python + "', which is not an executable");
      }
      return cached = python;
    } catch (IOException failure) {
      throw new UncheckedIOException("could not run " + script, failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + script, interrupted);
    }
  }
}
