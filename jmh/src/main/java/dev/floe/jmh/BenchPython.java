package dev.floe.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Python that benchmarks use to write their input files with pyarrow: {@code -Dfloe.polars.python}
 * if set, else the project's pinned venv from {@code scripts/python-env.sh} (created on first use;
 * looked for from the working directory and its parent, so it works from the repository and from a
 * module directory under Maven).
 */
final class BenchPython {
  private static String cached;

  private BenchPython() {}

  static synchronized String executable() throws IOException, InterruptedException {
    if (cached != null) {
      return cached;
    }
    String configured = System.getProperty("floe.polars.python");
    if (configured != null && !configured.isBlank()) {
      return cached = configured;
    }
    for (Path root : new Path[] {Path.of(""), Path.of("..")}) {
      Path script = root.resolve("scripts").resolve("python-env.sh").toAbsolutePath().normalize();
      if (!Files.isRegularFile(script)) {
        continue;
      }
      Process process =
          new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("could not set up the Python venv with " + script
            + "; run it by hand to see why, or pass -Dfloe.polars.python=/path/to/python");
      }
      return cached = output.lines().reduce((first, second) -> second).orElse("python3");
    }
    return cached = "python3";
  }
}
