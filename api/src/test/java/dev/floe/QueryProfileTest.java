package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.testkit.LeakChecked;
import java.util.List;
import org.junit.jupiter.api.Test;

/** profile() gives collect()'s result and one timed row per node that ran, inputs inside their consumers. */
@LeakChecked
class QueryProfileTest {
  @Test
  void profileTimesEveryNodeAndGivesTheResult() {
    long[] values = new long[5_000];
    for (int row = 0; row < values.length; row++) {
      values[row] = row % 100;
    }
    try (DataFrame data = DataFrame.of(Series.ofLongs("a", values), Series.ofLongs("b", values))) {
      LazyFrame query = data.lazy().filter(col("a").gt(90)).withColumns(col("b").mul(2).alias("c"))
          .sort("c").head(7);
      try (QueryProfile profile = query.profile(CollectOptions.DEFAULT.withMorselRows(500));
          DataFrame expected = query.collect()) {
        assertThat(profile.result()).isEqualTo(expected);
        DataFrame timings = profile.timings();
        assertThat(timings.columns()).containsExactly("node", "start", "end", "rows", "peak_memory");
        List<List<Object>> rows = timings.rows();
        // one pipeline (scan filter, withColumns, per-morsel top-k) finishes first, the head of
        // the sort around it next, and the whole query last
        assertThat(rows).hasSize(3);
        assertThat(rows.getLast().get(0)).isEqualTo("query");
        rows = rows.subList(0, 2);
        assertThat((String) rows.getFirst().get(0)).isEqualTo("pipeline: TopK 7 <- WithColumns [(col(\"b\") * 2)"
            + ".alias(\"c\")] <- Filter col(\"a\") > 90 <- DF [a, b]; 5000 rows");
        assertThat(rows.getFirst().get(3)).as("7 rows of each of the 10 morsels").isEqualTo(70L);
        assertThat((String) rows.getLast().get(0)).isEqualTo("SLICE offset=0, length=7");
        assertThat(rows.getLast().get(3)).isEqualTo(7L);
        for (List<Object> row : rows) {
          assertThat((Long) row.get(2)).isGreaterThanOrEqualTo((Long) row.get(1));
          assertThat((Long) rows.getLast().get(1)).isLessThanOrEqualTo((Long) row.get(1));
          assertThat((Long) rows.getLast().get(2)).isGreaterThanOrEqualTo((Long) row.get(2));
        }
      }
    }
  }
}
