package dev.floe.cli;

import dev.floe.testkit.LeakChecked;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./floe run Script.java} does: the JDK's source launcher (JEP 330/458) with Floe on the
 * class path and Floe's JVM flags. Runs the README's example, examples/QuickStart.java, in a child
 * JVM so the README cannot drift from the API.
 */
@LeakChecked
class SourceLaunchTest {

  @Test
  void quickStartExampleRunsFromSource() throws IOException, InterruptedException {
    Path script = Path.of("..", "examples", "QuickStart.java").toAbsolutePath().normalize();
    assertThat(script).exists();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "--add-modules=jdk.incubator.vector",
                    "--enable-native-access=ALL-UNNAMED",
                    "--class-path",
                    System.getProperty("java.class.path"),
                    script.toString()))
            .redirectErrorStream(true)
            .start();
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      process.destroyForcibly();
    }
    assertThat(finished).as("the script finished within 120 s").isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("shape: (4, 3)").contains("Lisbon").contains("shape: (2, 2)");
  }

  @Test
  void launcherScriptPassesTheFlagsAndClassPath() throws IOException {
    String launcher = Files.readString(Path.of("..", "floe"));
    assertThat(launcher)
        .contains("--add-modules=jdk.incubator.vector")
        .contains("--enable-native-access=ALL-UNNAMED")
        .contains("--class-path \"$jar\" \"$script\"");
  }
}
