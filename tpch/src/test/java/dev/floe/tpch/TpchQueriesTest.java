package dev.floe.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.DataFrame;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * All 22 TPC-H queries at scale factor 0.1 (generated on first use, cached in {@code target/})
 * against the reference answers kept in {@code src/test/resources/answers/sf0.1}.
 */
class TpchQueriesTest {
  private static final Path ANSWERS = Path.of("src", "test", "resources", "answers", "sf0.1").toAbsolutePath();

  @ParameterizedTest(name = "Q{0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22})
  void matchesTheReferenceAtScaleOneTenth(int number) {
    Path data = TpchData.generate(0.1, Path.of("target", "tpch-sf0.1"));
    TpchQuery query = TpchQueries.find(number);
    assertThat(query).as("query %d", number).isNotNull();
    try (DataFrame result = query.build(new TpchTables(data)).collect()) {
      assertThat(TpchAnswers.differences(result, TpchAnswers.referenceFile(ANSWERS, number), query.ordered()))
          .as("differences of Q%d from the reference", number)
          .isEmpty();
    }
  }
}
