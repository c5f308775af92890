package dev.floe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Python with Polars that differential tests compare against: {@code -Dfloe.polars.python} if
 * set, else the project's pinned venv from {@code scripts/python-env.sh} (created on first use).
 * Fails, never skips, when there is none: CI must compare against Polars.
 */
final class PolarsPython {
  private static String cached;

  private PolarsPython() {}

  static synchronized String executable() throws IOException, InterruptedException {
    if (cached != null) {
      return cached;
    }
    String configured = System.getProperty("floe.polars.python");
    if (configured != null && !configured.isBlank()) {
      return cached = configured;
    }
    Path script = Path.of("..", "scripts", "python-env.sh").toAbsolutePath().normalize();
    Process process =
        new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError(
          "could not set up the Polars venv with " + script
              + "; run it by hand to see why, or pass -Dfloe.polars.python=/path/to/python");
    }
    String python = output.lines().reduce((first, second) -> second).orElse("");
    if (!Files.isExecutable(Path.of(python))) {
      throw new AssertionError(script + " printed '" + python + "', which is not an executable");
    }
    return cached = python;
  }

  /**
   * Runs {@code script} (whose text names its output file {@code RESULTS}; it must close {@code
   * out} itself or leave that to the appended {@code out.close()}) with this Python in {@code
   * directory}, and returns the output file's lines; asserts the script succeeded and wrote {@code
   * expectedLines} lines.
   */
  static java.util.List<String> run(Path directory, String prefix, String script, int expectedLines)
      throws IOException, InterruptedException {
    Path scriptFile = directory.resolve(prefix + "-" + System.nanoTime() + ".py");
    Path results = directory.resolve(scriptFile.getFileName() + ".out");
    Files.writeString(scriptFile, (script + "out.close()\n").replace("RESULTS", results.toString()),
        StandardCharsets.UTF_8);
    Process process = new ProcessBuilder(executable(), scriptFile.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    org.assertj.core.api.Assertions.assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
    org.assertj.core.api.Assertions.assertThat(process.exitValue()).as("the Polars script failed: %s", output).isZero();
    java.util.List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
    org.assertj.core.api.Assertions.assertThat(lines).hasSize(expectedLines);
    return lines;
  }
}
