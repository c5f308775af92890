package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.testing.FrameAssertions.assertFrameEqual;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.planner.plan.Scan;
import dev.floe.testkit.LeakChecked;
import java.util.List;
import org.junit.jupiter.api.Test;

/** collectAll gives each query's collect() result and reads a source the queries share once. */
@LeakChecked
class CollectAllTest {
  @Test
  void sharedSubplansRunOnceAndResultsEqualSeparateCollects() {
    try (DataFrame data = DataFrame.of(Series.ofLongs("a", 5, 1, 9, 3, 7), Series.ofLongs("b", 1, 2, 3, 4, 5))) {
      CountingFrameSource source = new CountingFrameSource(data);
      LazyFrame base = new LazyFrame(Scan.of(source)).filter(col("a").gt(2));
      LazyFrame sums = base.select(col("b").sum());
      LazyFrame sorted = base.sort("a");
      List<DataFrame> all = Floe.collectAll(sums, sorted);
      try (DataFrame first = all.get(0); DataFrame second = all.get(1)) {
        assertThat(source.reads.get()).as("the shared filtered scan ran once").isEqualTo(1);
        try (DataFrame expectedSums = sums.collect(); DataFrame expectedSorted = sorted.collect()) {
          assertFrameEqual(first, expectedSums);
          assertFrameEqual(second, expectedSorted);
        }
      }
      assertThat(source.reads.get()).isEqualTo(3);
    }
  }
}
