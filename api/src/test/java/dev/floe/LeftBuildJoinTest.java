package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.memory.types.DataType;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinOptions.Validate;
import dev.floe.planner.plan.JoinType;
import dev.floe.testkit.LeakChecked;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Semi, anti and left joins whose right side is larger than the left, which build on the left and
 * probe the right side's morsels, against a plain Java join: repeated keys on both sides, null keys
 * with and without {@code nullsEqual}, a right side in several chunks cut into many morsels, one
 * integer key (looked up by its value), string keys and two keys (looked up by equality), an empty
 * left side, a left side large enough to be built in partitions, and the {@code 1:m} check of a
 * left join (semi and anti joins refuse it, as Polars).
 */
@LeakChecked
class LeftBuildJoinTest {
  private static final List<JoinType> TYPES = List.of(JoinType.SEMI, JoinType.ANTI, JoinType.LEFT);

  @Test
  void integerKeysWithRepeatsAndNulls() {
    Random random = new Random(11);
    for (boolean nulls : new boolean[] {false, true}) {
      List<List<Object>> left = keys(random, 3_000, 2_000, nulls, false);
      List<List<Object>> right = keys(random, 40_000, 2_500, nulls, false);
      check(left, right, false, 1_000);
      check(left, right, true, 777);
    }
  }

  @Test
  void stringAndTwoColumnKeys() {
    Random random = new Random(12);
    List<List<Object>> left = keys(random, 2_000, 800, true, true);
    List<List<Object>> right = keys(random, 25_000, 1_000, true, true);
    check(left, right, false, 1_500);
    check(left, right, true, 4_096);
    List<List<Object>> leftPairs = pairs(random, 1_500, true);
    List<List<Object>> rightPairs = pairs(random, 20_000, true);
    check(leftPairs, rightPairs, false, 900);
    check(leftPairs, rightPairs, true, 900);
  }

  @Test
  void emptyLeftSide() {
    Random random = new Random(13);
    check(List.of(), keys(random, 5_000, 100, true, false), false, 1_000);
  }

  @Test
  void largeLeftSideBuiltInPartitions() {
    Random random = new Random(14);
    List<List<Object>> left = keys(random, (1 << 20) + 5_000, 3_000_000, true, false);
    List<List<Object>> right = keys(random, (1 << 20) + 90_000, 3_000_000, true, false);
    check(left, right, false, 1 << 16);
  }

  @Test
  void oneToManyChecksTheLeftKeys() {
    try (DataFrame left = DataFrame.of(Series.ofLongs("k", 1, 2, 3), Series.ofLongs("v", 10, 20, 30));
        DataFrame right = DataFrame.of(Series.ofLongs("k", 1, 1, 2, 2, 4, 4), Series.ofLongs("w", 1, 2, 3, 4, 5, 6));
        DataFrame joined = left.lazy().join(right.lazy(), JoinOptions.on("k").how(JoinType.LEFT)
            .validate(Validate.ONE_TO_MANY)).collect()) {
      assertThat(joined.column("w").toList()).containsExactly(1L, 2L, 3L, 4L, null);
    }
    try (DataFrame left = DataFrame.of(Series.ofLongs("k", 1, 2, 1), Series.ofLongs("v", 10, 20, 30));
        DataFrame right = DataFrame.of(Series.ofLongs("k", 1, 1, 2, 2, 4, 4), Series.ofLongs("w", 1, 2, 3, 4, 5, 6))) {
      assertThatThrownBy(() -> left.lazy().join(right.lazy(), JoinOptions.on("k").how(JoinType.LEFT)
          .validate(Validate.ONE_TO_MANY)).collect().close())
          .hasMessageContaining("1:m").hasMessageContaining("left key 1 occurs 2 times");
    }
  }

  /** Rows of one key: a Long (or a String when {@code strings}) below {@code range}, some null. */
  private static List<List<Object>> keys(Random random, int rows, int range, boolean nulls, boolean strings) {
    List<List<Object>> keys = new ArrayList<>(rows);
    for (int row = 0; row < rows; row++) {
      long value = random.nextInt(range);
      Object key = nulls && random.nextInt(15) == 0 ? null : strings ? "s" + value : (Object) value;
      keys.add(Arrays.asList(key));
    }
    return keys;
  }

  /** Rows of two keys (a Long and a String), either null at times. */
  private static List<List<Object>> pairs(Random random, int rows, boolean nulls) {
    List<List<Object>> keys = new ArrayList<>(rows);
    for (int row = 0; row < rows; row++) {
      Object first = nulls && random.nextInt(20) == 0 ? null : (Object) (long) random.nextInt(30);
      Object second = nulls && random.nextInt(20) == 0 ? null : "t" + random.nextInt(40);
      keys.add(Arrays.asList(first, second));
    }
    return keys;
  }

  private static DataFrame frame(List<List<Object>> keys, List<DataType> types, String payload, long base) {
    List<Series> columns = new ArrayList<>();
    for (int key = 0; key < types.size(); key++) {
      List<Object> values = new ArrayList<>(keys.size());
      for (List<Object> row : keys) {
        values.add(row.get(key));
      }
      columns.add(Series.ofList("k" + key, types.get(key), values));
    }
    long[] payloads = new long[keys.size()];
    for (int row = 0; row < payloads.length; row++) {
      payloads[row] = base + row;
    }
    columns.add(Series.ofLongs(payload, payloads));
    return DataFrame.of(columns.toArray(Series[]::new));
  }

  /** Checks all three joins of {@code left} with {@code right} (cut in four chunks) against a Java join. */
  private static void check(List<List<Object>> leftKeys, List<List<Object>> rightKeys, boolean nullsEqual,
      int morselRows) {
    int width = rightKeys.getFirst().size();
    Map<List<Object>, List<Integer>> rightRows = new HashMap<>();
    for (int row = 0; row < rightKeys.size(); row++) {
      List<Object> key = rightKeys.get(row);
      if (nullsEqual || !key.contains(null)) {
        rightRows.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
      }
    }
    String[] names = width == 2 ? new String[] {"k0", "k1"} : new String[] {"k0"};
    boolean strings = rightKeys.stream().anyMatch(key -> key.getFirst() instanceof String);
    List<DataType> types = width == 2 ? List.of(DataType.INT64, DataType.UTF8)
        : List.of(strings ? DataType.UTF8 : DataType.INT64);
    List<DataFrame> chunks = new ArrayList<>();
    int[] cuts = {0, rightKeys.size() / 5, rightKeys.size() / 2, rightKeys.size() / 2 + 1, rightKeys.size()};
    try {
      for (int part = 0; part + 1 < cuts.length; part++) {
        chunks.add(frame(rightKeys.subList(cuts[part], cuts[part + 1]), types, "w", cuts[part]));
      }
      try (DataFrame right = Floe.concat(chunks); DataFrame left = frame(leftKeys, types, "v", 1_000_000_000L)) {
        for (JoinType how : TYPES) {
          JoinOptions options = JoinOptions.on(names).how(how).nullsEqual(nullsEqual);
          try (DataFrame joined = left.lazy().join(right.lazy(), options)
              .collect(CollectOptions.DEFAULT.withThreads(2).withMorselRows(morselRows))) {
            List<Object[]> expected = new ArrayList<>();
            for (int row = 0; row < leftKeys.size(); row++) {
              List<Object> key = leftKeys.get(row);
              List<Integer> matches = rightRows.getOrDefault(key, List.of());
              List<Object> prefix = new ArrayList<>(key);
              prefix.add(1_000_000_000L + row);
              if (how != JoinType.LEFT) {
                if (matches.isEmpty() == (how == JoinType.ANTI)) {
                  expected.add(prefix.toArray());
                }
                continue;
              }
              for (int match : matches) {
                List<Object> out = new ArrayList<>(prefix);
                out.add((long) match);
                expected.add(out.toArray());
              }
              if (matches.isEmpty()) {
                List<Object> out = new ArrayList<>(prefix);
                out.add(null);
                expected.add(out.toArray());
              }
            }
            compare(joined, expected, how + " join, nullsEqual " + nullsEqual);
          }
        }
      }
    } finally {
      chunks.forEach(DataFrame::close);
    }
  }

  private static void compare(DataFrame joined, List<Object[]> expected, String what) {
    assertThat(joined.height()).as("%s: rows", what).isEqualTo(expected.size());
    if (expected.isEmpty()) {
      return;
    }
    assertThat(joined.width()).as("%s: columns", what).isEqualTo(expected.getFirst().length);
    for (int column = 0; column < joined.width(); column++) {
      Series series = joined.column(column);
      for (int row = 0; row < expected.size(); row++) {
        Object want = expected.get(row)[column];
        Object got = series.get(row);
        if (!Objects.equals(want, got)) {
          assertThat(got).as("%s: row %d, column %d", what, row, column).isEqualTo(want);
        }
      }
    }
  }
}
