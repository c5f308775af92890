package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.testkit.LeakCheckExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheckExtension.class)
class MainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void demoPrintsTheFrameASliceASelectionAndASummary() {
    assertThat(run("demo")).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("shape: (6, 7)")
        .contains("frame.slice(1, 3):\nshape: (3, 7)")
        .contains("shape: (6, 3)")
        .contains("statistic")
        .contains("null_count")
        .contains("Zoë")
        .contains("datetime[μs, UTC]")
        .contains("list[str]")
        .contains("Rows: 6");
  }

  @Test
  void unknownCommandListsTheCommands() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown command 'frobnicate'; commands are tpch, demo, run, version, help");
  }

  @Test
  void helpAndVersion() {
    assertThat(run("help")).isZero();
    assertThat(run("version")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("run Script.java [args]").contains("floe (development build) on Java");
  }

  @Test
  void tpchHelpListsTheOptions() {
    assertThat(run("tpch", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("usage: ./floe tpch [--scale 0.1]")
        .contains("--answers DIR")
        .contains("--runs N");
    assertThat(run("help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("tpch [--scale 0.1] ...");
  }

  @Test
  void tpchBadArgumentsNameTheFlagAndValue() {
    assertThat(run("tpch", "--scale", "zero")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("floe tpch: --scale 'zero' is not valid; use a positive number such as 0.1, 1 or 10")
        .contains("usage: ./floe tpch");
    assertThat(run("tpch", "--queries", "0")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("'0' is not a query; use numbers 1 to 22");
  }
}
