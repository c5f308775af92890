package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.testkit.LeakChecked;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** With verbose on, a collect logs the plan as written, the optimized plan, the rules, the run time and each operator's. */
@LeakChecked
class VerboseQueryTest {
  @Test
  void verboseCollectLogsPlansRulesAndTime() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    boolean before = Floe.config().verbose();
    try (DataFrame data = DataFrame.of(Series.ofLongs("a", 1, 2, 3), Series.ofLongs("b", 4, 5, 6))) {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      Floe.config().setVerbose(true);
      try (DataFrame result = data.lazy().filter(col("a").gt(1)).select("b").collect()) {
        assertThat(result.height()).isEqualTo(2);
      }
    } finally {
      Floe.config().setVerbose(before);
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("floe: plan\nSELECT [col(\"b\")]\n  FILTER col(\"a\") > 1\n")
        .contains("floe: optimized plan\nSELECT [col(\"b\")]\n  DF [a, b]; 3 rows\n    SELECTION col(\"a\") > 1\n")
        .contains("floe: optimizer: ").contains("predicate_pushdown").containsPattern("floe: ran in [0-9.]+ ms, 2 rows")
        .contains("floe: operators (start..end us, rows, peak bytes)\n")
        .containsPattern("  [0-9]+\\.\\.[0-9]+ us, 2 rows, [0-9]+ B: pipeline: Select \\[col\\(\"b\"\\)\\] <- Filter col\\(\"a\"\\) > 1 keeping 1 column")
        .containsPattern("  0\\.\\.[0-9]+ us, 2 rows, [0-9]+ B: query\n");
  }
}
