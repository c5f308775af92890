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
 * The project's Python with pyarrow ({@link dev.floe.testkit.ProjectPython}), and a runner of
 * scripts in it for the cross-process tests. Fails, never skips, when there is none.
 */
final class ProjectPython {
  private ProjectPython() {}

  static String executable() {
    return dev.floe.testkit.ProjectPython.executable();
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
