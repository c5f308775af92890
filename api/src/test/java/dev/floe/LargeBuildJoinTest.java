package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinType;
import dev.floe.testkit.LeakChecked;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Joins whose build side is large enough (over 2^20 rows) to be built in hash partitions by
 * parallel tasks, against a plain Java hash join: unique right keys (one build row per slot), right
 * keys that repeat, right keys with nulls (a general table per partition) and left keys with
 * nulls (probed by equality); inner, left, semi and anti joins in left order, each left row's
 * matches in right order.
 */
@LeakChecked
class LargeBuildJoinTest {
  private static final int RIGHT_ROWS = (1 << 20) + 50_000;
  private static final int LEFT_ROWS = RIGHT_ROWS + 100_000;
  private static final List<JoinType> TYPES = List.of(JoinType.INNER, JoinType.LEFT, JoinType.SEMI, JoinType.ANTI);

  @Test
  void uniqueRightKeys() {
    Random random = new Random(1);
    Long[] right = new Long[RIGHT_ROWS];
    for (int row = 0; row < RIGHT_ROWS; row++) {
      right[row] = 3L * row;
    }
    for (int row = RIGHT_ROWS - 1; row > 0; row--) {
      int other = random.nextInt(row + 1);
      Long swap = right[row];
      right[row] = right[other];
      right[other] = swap;
    }
    check(left(random, 3 * RIGHT_ROWS + 10, false), right);
  }

  @Test
  void repeatedRightKeys() {
    Random random = new Random(2);
    Long[] right = new Long[RIGHT_ROWS];
    for (int row = 0; row < RIGHT_ROWS; row++) {
      right[row] = (long) random.nextInt(400_000);
    }
    check(left(random, 450_000, false), right);
  }

  @Test
  void nullKeysOnEitherSide() {
    Random random = new Random(3);
    Long[] right = new Long[RIGHT_ROWS];
    for (int row = 0; row < RIGHT_ROWS; row++) {
      right[row] = random.nextInt(50) == 0 ? null : (long) random.nextInt(2_000_000);
    }
    check(left(random, 2_000_000, true), right);
    Long[] unique = new Long[RIGHT_ROWS];
    for (int row = 0; row < RIGHT_ROWS; row++) {
      unique[row] = (long) row;
    }
    check(left(random, RIGHT_ROWS + 1000, true), unique);
  }

  private static Long[] left(Random random, int range, boolean nulls) {
    Long[] keys = new Long[LEFT_ROWS];
    for (int row = 0; row < LEFT_ROWS; row++) {
      keys[row] = nulls && random.nextInt(20) == 0 ? null : (long) random.nextInt(range) - 5;
    }
    return keys;
  }

  private static void check(Long[] leftKeys, Long[] rightKeys) {
    long[] leftValues = new long[LEFT_ROWS];
    for (int row = 0; row < LEFT_ROWS; row++) {
      leftValues[row] = 1_000_000_000L + row;
    }
    long[] rightValues = new long[RIGHT_ROWS];
    Map<Long, List<Integer>> rightRows = new HashMap<>();
    for (int row = 0; row < RIGHT_ROWS; row++) {
      rightValues[row] = row;
      if (rightKeys[row] != null) {
        rightRows.computeIfAbsent(rightKeys[row], key -> new ArrayList<>()).add(row);
      }
    }
    try (DataFrame left = DataFrame.of(Series.ofList("k", DataType.INT64, Arrays.asList(leftKeys)),
            Series.ofLongs("v", leftValues));
        DataFrame right = DataFrame.of(Series.ofList("k", DataType.INT64, Arrays.asList(rightKeys)),
            Series.ofLongs("w", rightValues))) {
      for (JoinType how : TYPES) {
        try (DataFrame joined = left.lazy().join(right.lazy(), JoinOptions.on("k").how(how))
            .collect(CollectOptions.DEFAULT.withThreads(2))) {
          List<Object[]> expected = new ArrayList<>();
          for (int row = 0; row < LEFT_ROWS; row++) {
            List<Integer> matches = leftKeys[row] == null ? List.of() : rightRows.getOrDefault(leftKeys[row], List.of());
            if (how == JoinType.SEMI || how == JoinType.ANTI) {
              if (matches.isEmpty() == (how == JoinType.ANTI)) {
                expected.add(new Object[] {leftKeys[row], leftValues[row]});
              }
              continue;
            }
            for (int match : matches) {
              expected.add(new Object[] {leftKeys[row], leftValues[row], rightValues[match]});
            }
            if (matches.isEmpty() && how == JoinType.LEFT) {
              expected.add(new Object[] {leftKeys[row], leftValues[row], null});
            }
          }
          assertThat(joined.height()).as("%s join rows", how).isEqualTo(expected.size());
          for (int column = 0; column < expected.getFirst().length; column++) {
            Series series = joined.column(column);
            for (int row = 0; row < expected.size(); row++) {
              Object want = expected.get(row)[column];
              Object got = series.get(row);
              if (!java.util.Objects.equals(want, got)) {
                assertThat(got).as("%s join, row %d, column %d", how, row, column).isEqualTo(want);
              }
            }
          }
        }
      }
    }
  }

  /**
   * A right side in several chunks (the large path concatenates one right column at a time while it
   * gathers it) with string, categorical and float columns holding nulls: every value lands on
   * the left row it matches, in inner and left joins.
   */
  @Test
  void chunkedRightSideWithStringCategoricalAndNullPayloads() {
    Random random = new Random(4);
    Long[] rightKeys = new Long[RIGHT_ROWS];
    for (int row = 0; row < RIGHT_ROWS; row++) {
      rightKeys[row] = 2L * row;
    }
    Collections.shuffle(Arrays.asList(rightKeys), random);
    Long[] leftKeys = left(random, 2 * RIGHT_ROWS + 10, false);
    Map<Long, Integer> rightRow = new HashMap<>();
    for (int row = 0; row < RIGHT_ROWS; row++) {
      rightRow.put(rightKeys[row], row);
    }
    List<DataFrame> parts = new ArrayList<>();
    int[] cuts = {0, 300_000, 700_001, RIGHT_ROWS};
    try {
      for (int part = 0; part + 1 < cuts.length; part++) {
        List<String> strings = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> doubles = new ArrayList<>();
        for (int row = cuts[part]; row < cuts[part + 1]; row++) {
          strings.add(row % 7 == 0 ? null : "s" + row);
          labels.add(row % 11 == 0 ? null : "c" + row % 100);
          doubles.add(row % 5 == 0 ? null : row * 0.5);
        }
        try (DataFrame plain = DataFrame.of(
            Series.ofList("k", DataType.INT64, Arrays.asList(rightKeys).subList(cuts[part], cuts[part + 1])),
            Series.ofList("s", DataType.UTF8, strings), Series.ofList("c", DataType.UTF8, labels),
            Series.ofList("d", DataType.FLOAT64, doubles))) {
          parts.add(plain.withColumns(Floe.col("c").cast(DataType.CATEGORICAL)));
        }
      }
      try (DataFrame right = Floe.concat(parts);
          DataFrame left = DataFrame.of(Series.ofList("k", DataType.INT64, Arrays.asList(leftKeys)))) {
        assertThat(right.column("s").chunks()).as("the right side stays chunked").hasSizeGreaterThan(1);
        for (JoinType how : List.of(JoinType.INNER, JoinType.LEFT)) {
          try (DataFrame joined = left.lazy().join(right.lazy(), JoinOptions.on("k").how(how))
              .collect(CollectOptions.DEFAULT.withThreads(2))) {
            int out = 0;
            for (int row = 0; row < LEFT_ROWS; row++) {
              Integer match = leftKeys[row] == null ? null : rightRow.get(leftKeys[row]);
              if (match == null && how == JoinType.INNER) {
                continue;
              }
              Object[] want = match == null ? new Object[] {leftKeys[row], null, null, null}
                  : new Object[] {leftKeys[row], match % 7 == 0 ? null : "s" + match,
                      match % 11 == 0 ? null : "c" + match % 100, match % 5 == 0 ? null : match * 0.5};
              for (int column = 0; column < want.length; column++) {
                Object got = joined.column(column).get(out);
                if (!java.util.Objects.equals(want[column], got)) {
                  assertThat(got).as("%s join, output row %d, column %d", how, out, column).isEqualTo(want[column]);
                }
              }
              out++;
            }
            assertThat(joined.height()).as("%s join rows", how).isEqualTo(out);
          }
        }
      }
    } finally {
      parts.forEach(DataFrame::close);
    }
  }
}
