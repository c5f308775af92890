package dev.floe.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.DataFrame;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Queries 12 to 22 against the reference answers at scale factor 0.1. */
class Queries12To22Test {
  private static final Path ANSWERS = Path.of("..", "..", "shared", "tpch", "answers", "sf0.1").toAbsolutePath();

  @ParameterizedTest(name = "Q{0}")
  @ValueSource(ints = {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22})
  void matchesTheReferenceAtScaleOneTenth(int number) {
    Path data = TpchData.generate(0.1, Path.of("target", "tpch-sf0.1"));
    TpchQuery query = TpchQueries.find(number);
    assertThat(query).as("query %d", number).isNotNull();
    try (DataFrame result = query.build(new TpchTables(data)).collect()) {
      assertThat(TpchAnswers.differences(result, TpchAnswers.referenceFile(ANSWERS, number), query.ordered()))
          .isEmpty();
    }
  }
}
