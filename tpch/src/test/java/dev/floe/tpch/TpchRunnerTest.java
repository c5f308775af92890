package dev.floe.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.DataFrame;
import dev.floe.Floe;
import dev.floe.errors.InvalidOperationException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the runner at SF0.1 (the data the smoke test generates) over every query written so far. */
class TpchRunnerTest {
  private static final Path DATA = Path.of("target", "tpch-sf0.1");
  /** The reference answers: kept in the module's test resources, else the team's shared copy. */
  private static final Path ANSWERS = Stream.of(Path.of("src", "test", "resources", "answers", "sf0.1"),
          Path.of("..", "..", "shared", "tpch", "answers", "sf0.1"))
      .map(Path::toAbsolutePath).filter(Files::isDirectory).findFirst().orElseThrow();

  @Test
  void runsEveryQueryPrintsTheTableAndWritesTheAnswers(@TempDir Path temp) throws Exception {
    Path output = temp.resolve("answers");
    Path json = temp.resolve("timings.json");
    TpchOptions options = new TpchOptions(0.1, List.of(), DATA, output, 2, ANSWERS, json);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<TpchRunner.Result> results = TpchRunner.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);

    List<TpchQuery> present = TpchQueries.all();
    assertThat(results).extracting(TpchRunner.Result::query)
        .containsExactlyElementsOf(present.stream().map(TpchQuery::number).toList());
    assertThat(text).contains("TPC-H SF0.1, 2 warm runs per query")
        .contains("query       rows    cold ms  warm median ms  answer")
        .containsPattern("Q06 +1 +[0-9.]+ +[0-9.]+  OK")
        .contains("Q06: 1 rows, cold")
        .contains("revenue")
        .containsPattern("total +[0-9.]+ +[0-9.]+");
    for (TpchRunner.Result result : results) {
      assertThat(result.warmMillis()).hasSize(2);
      assertThat(result.check()).isIn("OK", "no reference");
      Path file = output.resolve(String.format("q%02d.parquet", result.query()));
      assertThat(file).isRegularFile();
      try (DataFrame written = Floe.readParquet(file.toString())) {
        assertThat(written.height()).isEqualTo(result.rows());
      }
    }
    try (DataFrame q06 = Floe.readParquet(output.resolve("q06.parquet").toString())) {
      assertThat(TpchAnswers.differences(q06, TpchAnswers.referenceFile(ANSWERS, 6), true)).isEmpty();
    }
    assertThat(Files.readString(json)).startsWith("{\"engine\":\"floe\",\"scale\":0.1,\"runs\":2,\"queries\":[")
        .containsPattern("\\{\"query\":6,\"rows\":1,\"cold_ms\":[0-9.]+,\"warm_ms\":\\[[0-9.]+,[0-9.]+\\],"
            + "\"warm_median_ms\":[0-9.]+,\"answer\":\"OK\"\\}");
  }

  @Test
  void aMissingQueryIsAnErrorNamingTheWrittenOnes() {
    int missing = 1;
    while (missing <= 22 && TpchQueries.find(missing) != null) {
      missing++;
    }
    if (missing > 22) {
      return;
    }
    int number = missing;
    assertThatThrownBy(() -> TpchRunner.queries(List.of(number)))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("query " + number + " is not written yet; written: ")
        .hasMessageContaining("6");
  }

  @Test
  void aQueryThatThrowsIsReportedAndTheOthersStillRun(@TempDir Path temp) throws Exception {
    TpchQuery broken = new TpchQuery() {
      @Override
      public int number() {
        return 7;
      }

      @Override
      public dev.floe.LazyFrame build(TpchTables tables) {
        throw new InvalidOperationException("not supported yet");
      }
    };
    Path json = temp.resolve("t.json");
    TpchOptions options = new TpchOptions(0.1, List.of(), DATA, null, 1, null, json);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<TpchRunner.Result> results = TpchRunner.run(List.of(broken, TpchQueries.find(6)), options,
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(results).extracting(TpchRunner.Result::check).containsExactly("ERROR", "-");
    assertThat(results.getFirst().passed()).isFalse();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("Q07 failed: dev.floe.errors.InvalidOperationException: not supported yet")
        .containsPattern("Q07 +- +- +-  ERROR")
        .containsPattern("Q06 +1 +[0-9.]+ +[0-9.]+  -");
    assertThat(Files.readString(json)).contains("{\"query\":7,\"rows\":-1,\"cold_ms\":null,\"warm_ms\":[],"
        + "\"warm_median_ms\":null,\"answer\":\"ERROR\"}");
  }

  @Test
  void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
    TpchRunner.Result result = new TpchRunner.Result(1, 4, 10, new double[] {4, 1, 3, 2}, "-");
    assertThat(result.warmMedianMillis()).isEqualTo(2.5);
    assertThat(new TpchRunner.Result(1, 4, 10, new double[0], "-").warmMedianMillis()).isEqualTo(10);
    assertThat(new TpchRunner.Result(1, 4, 10, new double[0], "DIFF").passed()).isFalse();
  }
}
