package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.planner.plan.AsofJoinOptions;
import dev.floe.planner.plan.AsofStrategy;
import dev.floe.testkit.LeakChecked;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link DataFrame#joinAsof} by example, each expectation taken from Polars 1.44: the three
 * strategies over duplicate right keys, exact matches excluded, tolerance (numbers, durations on
 * dates and datetimes), by groups (null by values pair with nothing), null keys, empty sides, the
 * output columns (coalesced key, kept right key, suffixes, dropped by columns), the sortedness
 * errors, type errors, and eager against lazy.
 */
@LeakChecked
class AsofJoinTest {
  private static DataFrame frame(String key, List<?> keys, String value, long first) {
    long[] values = new long[keys.size()];
    Arrays.setAll(values, row -> first + row);
    return DataFrame.of(Series.ofList(key, DataType.INT64, keys), Series.ofLongs(value, values));
  }

  /** The right values ({@code y}) each left row gets, left keys {@code t} against right keys {@code t}. */
  private static List<Object> matched(List<?> left, List<?> right, AsofJoinOptions options) {
    try (DataFrame l = frame("t", left, "x", 0); DataFrame r = frame("t", right, "y", 100);
        DataFrame joined = l.joinAsof(r, options);
        DataFrame lazy = l.lazy().joinAsof(r.lazy(), options).collect()) {
      assertThat(lazy.rows()).as("lazy == eager").isEqualTo(joined.rows());
      assertThat(joined.columns()).containsExactly("t", "x", "y");
      return joined.column("y").toList();
    }
  }

  private static List<Object> values(Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void backwardTakesTheLastOfEqualKeysForwardTheFirstNearestTheCloserWithTiesUp() {
    List<Long> right = List.of(0L, 2L, 2L, 4L, 4L, 6L);
    AsofJoinOptions on = AsofJoinOptions.on("t");
    assertThat(matched(List.of(1L, 2L, 3L, 4L), right, on)).isEqualTo(values(100L, 102L, 102L, 104L));
    assertThat(matched(List.of(1L, 2L, 3L, 4L), right, on.strategy(AsofStrategy.FORWARD)))
        .isEqualTo(values(101L, 101L, 103L, 103L));
    assertThat(matched(List.of(1L, 2L, 3L, 4L), right, on.strategy(AsofStrategy.NEAREST)))
        .isEqualTo(values(102L, 102L, 104L, 104L));
    assertThat(matched(List.of(-1L, 7L), right, on)).isEqualTo(values(null, 105L));
    assertThat(matched(List.of(-1L, 7L), right, on.strategy(AsofStrategy.FORWARD))).isEqualTo(values(100L, null));
    assertThat(matched(List.of(-1L, 7L), right, on.strategy(AsofStrategy.NEAREST))).isEqualTo(values(100L, 105L));
  }

  @Test
  void exactMatchesCanBeExcluded() {
    List<Long> right = List.of(0L, 2L, 2L, 4L, 4L, 6L);
    AsofJoinOptions strict = AsofJoinOptions.on("t").allowExactMatches(false);
    assertThat(matched(List.of(1L, 2L, 3L, 4L), right, strict)).isEqualTo(values(100L, 100L, 102L, 102L));
    assertThat(matched(List.of(1L, 2L, 3L, 4L), right, strict.strategy(AsofStrategy.FORWARD)))
        .isEqualTo(values(101L, 103L, 103L, 105L));
    assertThat(matched(List.of(1L, 2L, 3L, 4L), right, strict.strategy(AsofStrategy.NEAREST)))
        .isEqualTo(values(102L, 104L, 104L, 105L));
  }

  @Test
  void toleranceBoundsTheKeyDistance() {
    List<Long> left = List.of(1L, 2L, 3L, 4L, 10L);
    List<Long> right = List.of(0L, 2L, 2L, 4L, 4L, 6L);
    AsofJoinOptions within = AsofJoinOptions.on("t").tolerance(1);
    assertThat(matched(left, right, within)).isEqualTo(values(100L, 102L, 102L, 104L, null));
    assertThat(matched(left, right, within.strategy(AsofStrategy.FORWARD)))
        .isEqualTo(values(101L, 101L, 103L, 103L, null));
    assertThat(matched(left, right, within.strategy(AsofStrategy.NEAREST)))
        .isEqualTo(values(102L, 102L, 104L, 104L, null));
    assertThat(matched(List.of(1L, 2L, 3L, 4L), right, AsofJoinOptions.on("t").strategy(AsofStrategy.NEAREST)
        .tolerance(0))).isEqualTo(values(null, 102L, null, 104L));
    assertThat(matched(List.of(1L, 3L), List.of(2L, 5L), AsofJoinOptions.on("t").tolerance(1.5)))
        .isEqualTo(values(null, 100L));
    assertThat(matched(List.of(Long.MAX_VALUE), List.of(Long.MIN_VALUE), AsofJoinOptions.on("t").tolerance(5)))
        .as("a distance beyond the long range").isEqualTo(values((Object) null));
    assertThatThrownBy(() -> AsofJoinOptions.on("t").tolerance(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullKeysPairWithNothingAndEmptySidesGiveNulls() {
    assertThat(matched(values(null, 1L, 5L), values(null, 1L, 2L, 3L), AsofJoinOptions.on("t")))
        .isEqualTo(values(null, 101L, 103L));
    assertThat(matched(values(null, null), values(1L), AsofJoinOptions.on("t").strategy(AsofStrategy.NEAREST)))
        .isEqualTo(values(null, null));
    assertThat(matched(values(1L, 5L), List.of(), AsofJoinOptions.on("t"))).isEqualTo(values(null, null));
    assertThat(matched(List.of(), values(1L, 5L), AsofJoinOptions.on("t"))).isEmpty();
    // without the check, nulls may be anywhere
    assertThat(matched(values(1L, null, 5L), values(1L, null, 3L), AsofJoinOptions.on("t").checkSortedness(false)))
        .isEqualTo(values(100L, null, 102L));
  }

  @Test
  void byGroupsPairOnlyEqualNonNullValuesAndDropTheRightByColumns() {
    try (DataFrame left = DataFrame.of(Series.ofLongs("t", 1, 3, 5, 10, 12),
            Series.of("g", "a", null, "a", "b", "b"), Series.ofLongs("x", 1, 2, 3, 4, 5));
        DataFrame right = DataFrame.of(Series.ofLongs("t", 1, 2, 2, 5, 5, 11),
            Series.of("h", "a", "b", null, "a", "a", "b"), Series.ofLongs("y", 10, 20, 60, 30, 40, 50));
        DataFrame renamed = right.rename("t", "u");
        DataFrame joined = left.joinAsof(right, AsofJoinOptions.on("t").byLeft("g").byRight("h"));
        DataFrame kept = left.joinAsof(renamed, AsofJoinOptions.leftOn("t").rightOn("u")
            .byLeft("g").byRight("h").coalesce(false))) {
      assertThat(joined.columns()).containsExactly("t", "g", "x", "y");
      assertThat(joined.column("y").toList()).isEqualTo(values(10L, null, 40L, 20L, 50L));
      assertThat(kept.columns()).containsExactly("t", "g", "x", "u", "y");
      assertThat(kept.column("u").toList()).isEqualTo(values(1L, null, 5L, 2L, 11L));
    }
  }

  @Test
  void outputColumnsFollowPolars() {
    try (DataFrame left = DataFrame.of(Series.ofLongs("t", 1, 2), Series.ofLongs("g", 1, 2));
        DataFrame right = DataFrame.of(Series.ofLongs("t", 1, 2), Series.ofLongs("g", 1, 2));
        DataFrame coalesced = left.joinAsof(right, AsofJoinOptions.on("t"));
        DataFrame both = left.joinAsof(right, AsofJoinOptions.on("t").coalesce(false).suffix("_x"))) {
      assertThat(coalesced.columns()).containsExactly("t", "g", "g_right");
      assertThat(both.columns()).containsExactly("t", "g", "t_x", "g_x");
      assertThat(both.column("t_x").toList()).isEqualTo(values(1L, 2L));
      try (DataFrame clash = right.withColumns(col("g").alias("g_right"))) {
        assertThatThrownBy(() -> left.joinAsof(clash, AsofJoinOptions.on("t")))
            .isInstanceOf(InvalidOperationException.class).hasMessageContaining("two columns named 'g_right'");
      }
    }
  }

  @Test
  void datesAndDatetimesTakeDurationTolerances() {
    LocalDate day = LocalDate.of(2024, 1, 1);
    try (DataFrame left = DataFrame.of(Series.ofDates("t", day, day.plusDays(4)));
        DataFrame right = DataFrame.of(Series.ofDates("t", day.minusDays(2), day.plusDays(2)), Series.ofLongs("y", 1, 2));
        DataFrame twoDays = left.joinAsof(right, AsofJoinOptions.on("t").tolerance(Duration.ofDays(2)));
        DataFrame lessThanTwo = left.joinAsof(right, AsofJoinOptions.on("t").tolerance(Duration.ofHours(47)));
        DataFrame asNumber = left.joinAsof(right, AsofJoinOptions.on("t").tolerance(2))) {
      assertThat(twoDays.column("y").toList()).isEqualTo(values(1L, 2L));
      assertThat(lessThanTwo.column("y").toList()).isEqualTo(values(null, null));
      assertThat(asNumber.column("y").toList()).isEqualTo(values(1L, 2L));
    }
    LocalDateTime noon = LocalDateTime.of(2024, 1, 1, 12, 0);
    try (DataFrame left = DataFrame.of(Series.ofDateTimes("t", noon, noon.plusSeconds(10)));
        DataFrame right = DataFrame.of(Series.ofDateTimes("t", noon.minusNanos(1000), noon.plusSeconds(5)),
            Series.ofLongs("y", 1, 2));
        DataFrame near = left.joinAsof(right, AsofJoinOptions.on("t").strategy(AsofStrategy.NEAREST)
            .tolerance(Duration.ofSeconds(5)))) {
      assertThat(near.column("y").toList()).isEqualTo(values(1L, 2L));
      assertThat(near.dtypes().getFirst()).isInstanceOf(DataType.Timestamp.class);
    }
    try (DataFrame left = DataFrame.of(Series.ofLongs("t", 1));
        DataFrame right = DataFrame.of(Series.ofLongs("t", 1))) {
      assertThatThrownBy(() -> left.joinAsof(right, AsofJoinOptions.on("t").tolerance(Duration.ofDays(1))))
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("needs a temporal key");
    }
  }

  @Test
  void floatKeysAndMixedIntegerWidths() {
    try (DataFrame left = DataFrame.of(Series.ofDoubles("t", -0.0, 1.0, 2.5), Series.ofLongs("x", 1, 2, 3));
        DataFrame right = DataFrame.of(Series.ofDoubles("t", 0.0, 1.5, 2.0), Series.ofLongs("y", 1, 2, 3));
        DataFrame joined = left.joinAsof(right, AsofJoinOptions.on("t").tolerance(0.5))) {
      assertThat(joined.column("y").toList()).isEqualTo(values(1L, null, 3L));
    }
    try (DataFrame left = DataFrame.of(Series.ofInts("t", 1, 5));
        DataFrame right = DataFrame.of(Series.ofLongs("t", 4_294_967_297L, 4L), Series.ofLongs("y", 1, 2))) {
      // right not sorted (2^32 + 1 before 4): the check names the side and the column
      assertThatThrownBy(() -> left.joinAsof(right, AsofJoinOptions.on("t")))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("the right frame is not sorted by its key column 't'");
    }
    try (DataFrame left = DataFrame.of(Series.ofInts("t", 1, 5));
        DataFrame right = DataFrame.of(Series.ofLongs("t", 4L, 4_294_967_297L), Series.ofLongs("y", 1, 2));
        DataFrame joined = left.joinAsof(right, AsofJoinOptions.on("t"))) {
      assertThat(joined.dtypes()).containsExactly(DataType.INT32, DataType.INT64);
      assertThat(joined.column("y").toList()).isEqualTo(values(null, 1L));
    }
  }

  @Test
  void unsortedInputsFailNamingTheSideColumnAndRows() {
    assertThatThrownBy(() -> matched(List.of(5L, 1L, 10L), List.of(1L, 2L), AsofJoinOptions.on("t")))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("the left frame is not sorted by its key column 't'")
        .hasMessageContaining("row 1 (1) comes after row 0 (5)")
        .hasMessageContaining("checkSortedness(false)");
    assertThatThrownBy(() -> matched(values(1L, null), List.of(1L), AsofJoinOptions.on("t")))
        .hasMessageContaining("the left frame is not sorted").hasMessageContaining("nulls first");
    assertThatThrownBy(() -> matched(List.of(1L), values(1L, 3L, 2L), AsofJoinOptions.on("t")))
        .hasMessageContaining("the right frame is not sorted");
    try (DataFrame left = DataFrame.of(Series.ofLongs("t", 5, 1), Series.ofStrings("g", "a", "b"));
        DataFrame right = DataFrame.of(Series.ofLongs("t", 3, 1), Series.ofStrings("g", "a", "a"),
            Series.ofLongs("y", 3, 1))) {
      assertThatThrownBy(() -> left.joinAsof(right, AsofJoinOptions.on("t").by("g")))
          .hasMessageContaining("the right frame is not sorted by its key column 't' within the by group (g=a)");
      // sorted within each group, not overall: fine
      try (DataFrame sortedRight = right.sort("t");
          DataFrame joined = left.joinAsof(sortedRight, AsofJoinOptions.on("t").by("g"))) {
        assertThat(joined.column("y").toList()).isEqualTo(values(3L, null));
      }
    }
  }

  @Test
  void keyAndColumnErrors() {
    try (DataFrame left = DataFrame.of(Series.ofLongs("t", 1), Series.ofInts("g", 1));
        DataFrame right = DataFrame.of(Series.ofDoubles("t", 1.0), Series.ofLongs("g", 1));
        DataFrame text = DataFrame.of(Series.ofStrings("t", "a"))) {
      assertThatThrownBy(() -> left.joinAsof(right, AsofJoinOptions.on("t")))
          .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("'t' is i64 on the left");
      assertThatThrownBy(() -> left.joinAsof(left, AsofJoinOptions.on("nope")))
          .isInstanceOf(ColumnNotFoundException.class).hasMessageContaining("left key");
      assertThatThrownBy(() -> text.joinAsof(text, AsofJoinOptions.on("t")))
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("numeric or temporal");
      try (DataFrame ints = right.withColumns(col("t").cast(DataType.INT64))) {
        assertThatThrownBy(() -> left.joinAsof(ints, AsofJoinOptions.on("t").by("g")))
            .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("by column types do not match");
        assertThatThrownBy(() -> left.joinAsof(ints, AsofJoinOptions.on("t").byLeft("g")))
            .isInstanceOf(InvalidOperationException.class).hasMessageContaining("1 left by columns but 0 right");
      }
    }
  }

  @Test
  void lazyPlansPrintAndFiltersOnLeftColumnsMoveIntoTheLeftInput() {
    try (DataFrame left = DataFrame.of(Series.ofLongs("t", 1, 2, 3), Series.ofLongs("x", 1, 2, 3));
        DataFrame right = DataFrame.of(Series.ofLongs("t", 1, 3), Series.ofLongs("x", 7, 8), Series.ofLongs("z", 1, 2))) {
      LazyFrame query = left.lazy().joinAsof(right.lazy(), AsofJoinOptions.on("t").strategy(AsofStrategy.FORWARD)
              .tolerance(1).suffix("_r"))
          .filter(col("x").gt(1).and(col("x_r").lt(9))).select(col("t"), col("x_r"));
      String optimized = query.explain();
      assertThat(optimized).contains("ASOF JOIN FORWARD ON col(\"t\") = col(\"t\") TOLERANCE 1 SUFFIX \"_r\"");
      assertThat(optimized.lines().filter(line -> line.contains("SELECTION col(\"x\") > 1")).count()).isEqualTo(1);
      try (DataFrame result = query.collect()) {
        assertThat(result.rows()).isEqualTo(List.of(List.of(2L, 8L), List.of(3L, 8L)));
      }
      try (DataFrame morsels = query.collect(CollectOptions.DEFAULT.withMorselRows(1))) {
        assertThat(morsels.rows()).isEqualTo(List.of(List.of(2L, 8L), List.of(3L, 8L)));
      }
    }
  }

  @Test
  void timestampsInEveryUnitConvertTheDuration() {
    for (TimeUnit unit : TimeUnit.values()) {
      DataType type = new DataType.Timestamp(unit, null);
      try (DataFrame rawLeft = DataFrame.of(Series.ofLongs("t", 0, 10));
          DataFrame rawRight = DataFrame.of(Series.ofLongs("t", 0), Series.ofLongs("y", 5));
          DataFrame left = rawLeft.cast(java.util.Map.of("t", type));
          DataFrame right = rawRight.cast(java.util.Map.of("t", type));
          DataFrame joined = left.joinAsof(right, AsofJoinOptions.on("t").tolerance(Duration.ofSeconds(9)))) {
        // 10 units are within 9 seconds for every unit but seconds
        assertThat(joined.column("y").toList()).as(unit.name()).isEqualTo(values(5L, unit == TimeUnit.SECOND ? null : 5L));
      }
    }
  }

  @Test
  void aSelfJoinPairsEachRowWithTheOneBeforeIt() {
    try (DataFrame frame = DataFrame.of(Series.ofLongs("t", 1, 2, 2, 5), Series.ofLongs("x", 10, 20, 30, 40))) {
      LazyFrame lazy = frame.lazy();
      try (DataFrame previous = lazy.joinAsof(lazy, AsofJoinOptions.on("t").allowExactMatches(false)).collect()) {
        assertThat(previous.columns()).containsExactly("t", "x", "x_right");
        assertThat(previous.column("x_right").toList()).isEqualTo(values(null, 10L, 10L, 30L));
      }
    }
  }

  @Test
  void durationKeysTakeDurationTolerances() {
    try (DataFrame left = DataFrame.of(Series.of("t", Duration.ofSeconds(10), Duration.ofSeconds(20)));
        DataFrame right = DataFrame.of(Series.of("t", Duration.ofSeconds(8), Duration.ofSeconds(25)),
            Series.ofLongs("y", 1, 2));
        DataFrame joined = left.joinAsof(right, AsofJoinOptions.on("t").strategy(AsofStrategy.FORWARD)
            .tolerance(Duration.ofSeconds(5)))) {
      assertThat(joined.column("y").toList()).isEqualTo(values(null, 2L));
    }
  }

  @Test
  void manyMorselsKeepTheLeftRowsInPlace() {
    int rows = 10_000;
    long[] leftKeys = new long[rows];
    long[] rightKeys = new long[rows / 3];
    Arrays.setAll(leftKeys, row -> row);
    Arrays.setAll(rightKeys, row -> row * 3L + 1);
    try (DataFrame left = DataFrame.of(Series.ofLongs("t", leftKeys));
        DataFrame right = DataFrame.of(Series.ofLongs("t", rightKeys), Series.ofLongs("y", rightKeys));
        DataFrame joined = left.lazy().joinAsof(right.lazy(), AsofJoinOptions.on("t"))
            .collect(CollectOptions.DEFAULT.withMorselRows(100))) {
      List<Object> matched = joined.column("y").toList();
      for (int row = 0; row < rows; row++) {
        long expected = row < 1 ? -1 : Math.min((row - 1) / 3 * 3L + 1, rightKeys[rightKeys.length - 1]);
        assertThat(matched.get(row)).as("row " + row).isEqualTo(expected < 0 ? null : expected);
      }
      assertThat(joined.column("t").toList()).isEqualTo(Arrays.stream(leftKeys).boxed().toList());
    }
  }
}
