package dev.floe.io.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The project's Python with pyarrow, for the cross-process tests: {@code -Dfloe.polars.python} if
 * set, else the pinned venv printed by {@code scripts/python-env.sh} (created on first use), as the
 * api module's differential tests find it. Fails, never skips, when there is none.
 */
final class ProjectPython {
  private static String cached;

  private ProjectPython() {}

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
      throw new AssertionError("could not set up the Python venv with " + script
          + "; run it by hand to see why, or pass -Dfloe.polars.python=/path/to/python");
    }
    String python = output.lines().reduce((first, second) -> second).orElse("");
    if (!Files.isExecutable(Path.of(python))) {
      throw new AssertionError(script + " printed '" + python + "', which is not an executable");
    }
    return cached = python;
  }

  /**
   * Runs {@code script} (saved in {@code scratch}) with {@code arguments} in a separate process and
   * returns the lines it printed on standard output; asserts that it exited with status 0.
   */
  static List<String> run(Path scratch, String script, String... arguments)
      throws IOException, InterruptedException {
    Path file = Files.createTempFile(scratch, "script-", ".py");
    Path errors = Files.createTempFile(scratch, "script-", ".err");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of(executable(), file.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("the Python script finished").isTrue();
    assertThat(process.exitValue()).as("the Python script failed: %s%s", output, Files.readString(errors)).isZero();
    return output.lines().toList();
  }
}
