package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.testing.FrameAssertions.assertFrameEqual;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinOptions.MaintainOrder;
import dev.floe.testing.AssertFrameOptions;
import dev.floe.testkit.LeakChecked;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An inner join with a small left side and no order to keep streams its right side through a
 * table over the left rows; its rows must be those of the general path (asked for by keeping the
 * left order), in any order: duplicates on both sides, null keys with and without {@code
 * nullsEqual}, two keys, categorical keys, a right side in many batches and morsels, and a left
 * side with no rows.
 */
@LeakChecked
class StreamedInnerJoinTest {
  private static final AssertFrameOptions ANY_ORDER = AssertFrameOptions.DEFAULTS.withCheckRowOrder(false);

  private static DataFrame frame(Random random, int rows, String prefix, int domain) {
    List<Object> keys = new ArrayList<>();
    List<Object> tags = new ArrayList<>();
    long[] values = new long[rows];
    for (int row = 0; row < rows; row++) {
      keys.add(random.nextInt(10) == 0 ? null : (long) random.nextInt(domain));
      tags.add(random.nextInt(12) == 0 ? null : "t" + random.nextInt(3));
      values[row] = random.nextLong();
    }
    return DataFrame.of(Series.of("k", keys.toArray()), Series.of("s", tags.toArray()),
        Series.ofLongs(prefix + "v", values));
  }

  private static DataFrame rightInBatches(Random random, int batches, int rows, int domain) {
    List<DataFrame> parts = new ArrayList<>();
    try {
      for (int batch = 0; batch < batches; batch++) {
        parts.add(frame(random, rows, "r", domain));
      }
      return Floe.concat(parts);
    } finally {
      parts.forEach(DataFrame::close);
    }
  }

  @ParameterizedTest(name = "seed {0}, {1} left rows, nullsEqual {2}, two keys {3}, categorical {4}")
  @CsvSource({
    "1, 40, false, false, false", "2, 40, true, false, false", "3, 200, false, true, false",
    "4, 200, true, true, false", "5, 60, false, false, true", "6, 0, false, false, false", "7, 1, true, true, false"
  })
  void givesTheRowsOfTheGeneralPath(long seed, int leftRows, boolean nullsEqual, boolean twoKeys,
      boolean categorical) {
    Random random = new Random(seed);
    try (DataFrame left = frame(random, leftRows, "l", 50);
        DataFrame right = rightInBatches(random, 7, 900, 50)) {
      LazyFrame l = left.lazy();
      LazyFrame r = right.lazy();
      if (categorical) {
        l = l.withColumns(col("s").cast(dev.floe.memory.types.DataType.CATEGORICAL));
        r = r.withColumns(col("s").cast(dev.floe.memory.types.DataType.CATEGORICAL));
      }
      JoinOptions options = (twoKeys ? JoinOptions.on("k", "s") : categorical ? JoinOptions.on("s")
          : JoinOptions.on("k")).nullsEqual(nullsEqual);
      CollectOptions small = CollectOptions.DEFAULT.withMorselRows(128);
      try (DataFrame streamed = l.join(r, options).collect(small);
          DataFrame general = l.join(r, options.maintainOrder(MaintainOrder.LEFT)).collect(small)) {
        try (QueryProfile profile = l.join(r, options).profile(small)) {
          assertThat(profile.timings().column("node").toList())
              .anyMatch(node -> String.valueOf(node).contains("probing a table of"));
        }
        assertFrameEqual(streamed, general, ANY_ORDER);
        assertThat(streamed.height()).isEqualTo(general.height());
      }
    }
  }
}
