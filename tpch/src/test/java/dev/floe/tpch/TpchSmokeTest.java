package dev.floe.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.DataFrame;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TpchSmokeTest {
  @Test
  void q06MatchesTheReferenceAtScaleOneTenth() {
    Path data = TpchData.generate(0.1, Path.of("target", "tpch-sf0.1"));
    TpchQuery query = TpchQueries.find(6);
    try (DataFrame result = query.build(new TpchTables(data)).collect()) {
      assertThat(TpchAnswers.differences(result,
          TpchAnswers.referenceFile(Path.of("..", "..", "shared", "tpch", "answers", "sf0.1").toAbsolutePath(), 6),
          query.ordered())).isEmpty();
    }
  }
}
