package dev.floe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Python with Polars that differential tests compare against ({@link
 * dev.floe.testkit.ProjectPython}: {@code -Dfloe.polars.python}, else the project's pinned venv),
 * and a runner for scripts in it. Fails, never skips, when there is none.
 */
final class PolarsPython {
  private PolarsPython() {}

  static String executable() throws IOException, InterruptedException {
    return dev.floe.testkit.ProjectPython.executable();
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
