package dev.floe;

import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinOptions.MaintainOrder;
import dev.floe.planner.plan.JoinType;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joins of every type on the awkward inputs of {@link EdgeFrames} against Polars: an empty left,
 * right or both; all-null keys with nulls equal and not; duplicated keys on both sides (the
 * many-to-many explosion); NaN, -0.0 and 0.0 keys; single rows; a left side with one key in 99% of
 * 200,000 rows. Each eagerly and lazily (also with 5-row morsels on one and two threads).
 */
@LeakChecked
class RelationalEdgeJoinsTest {
  @TempDir Path directory;

  @Test
  void joinsOnEdgeInputs() throws Exception {
    PolarsJoinCases cases = new PolarsJoinCases(directory);
    EdgeFrames.Named empty = EdgeFrames.empty();
    EdgeFrames.Named dup = EdgeFrames.duplicates(30, 4, 11);
    EdgeFrames.Named dupOther = EdgeFrames.duplicates(20, 5, 12);
    EdgeFrames.Named nulls = EdgeFrames.allNull(6);
    EdgeFrames.Named single = EdgeFrames.single();
    EdgeFrames.Named floats = EdgeFrames.floats(25, 13);
    EdgeFrames.Named floatsOther = EdgeFrames.floats(15, 14);
    List<EdgeFrames.Named[]> pairs = List.of(
        new EdgeFrames.Named[] {empty, dup}, new EdgeFrames.Named[] {dup, empty},
        new EdgeFrames.Named[] {empty, empty}, new EdgeFrames.Named[] {nulls, nulls},
        new EdgeFrames.Named[] {nulls, dup}, new EdgeFrames.Named[] {dup, nulls},
        new EdgeFrames.Named[] {dup, dupOther}, new EdgeFrames.Named[] {single, single},
        new EdgeFrames.Named[] {single, dup}, new EdgeFrames.Named[] {floats, floatsOther},
        new EdgeFrames.Named[] {EdgeFrames.skewed(200_000), EdgeFrames.duplicates(12, 12, 15)});
    for (EdgeFrames.Named[] pair : pairs) {
      boolean big = pair[0].columns().getFirst().values().size() > 1000;
      for (JoinType how : JoinType.values()) {
        if (how == JoinType.CROSS) {
          if (!big) {
            add(cases, pair, JoinOptions.cross(), "how='cross'", true, false);
          }
          continue;
        }
        // the skewed pair (200,000 rows out) once per key kind that hashes differently
        for (String key : big ? List.of("ki", "kf") : EdgeFrames.KEYS) {
          for (boolean nullsEqual : big ? new boolean[] {false} : new boolean[] {false, true}) {
            MaintainOrder order = how == JoinType.RIGHT ? MaintainOrder.RIGHT : MaintainOrder.LEFT;
            JoinOptions options = JoinOptions.on(key).how(how).nullsEqual(nullsEqual).maintainOrder(order);
            String python = "on='" + key + "', how='" + how.keyword() + "', nulls_equal="
                + EdgeCases.py(nullsEqual) + ", maintain_order='"
                + order.name().toLowerCase(Locale.ROOT) + "'";
            add(cases, pair, options, python, how != JoinType.FULL, big);
          }
        }
        if (!big) {
          // two keys (string and float), and the key columns of both sides kept apart
          MaintainOrder order = how == JoinType.RIGHT ? MaintainOrder.RIGHT : MaintainOrder.LEFT;
          String orderName = order.name().toLowerCase(Locale.ROOT);
          add(cases, pair, JoinOptions.on("ks", "kf").how(how).maintainOrder(order),
              "on=['ks', 'kf'], how='" + how.keyword() + "', maintain_order='" + orderName + "'",
              how != JoinType.FULL, false);
          add(cases, pair, JoinOptions.on("ki").how(how).coalesce(false).maintainOrder(order),
              "on='ki', how='" + how.keyword() + "', coalesce=False, maintain_order='" + orderName + "'",
              how != JoinType.FULL, false);
        }
      }
    }
    // keys of type null on both sides (not right joins: Polars 1.44 puts the left values in the
    // key column of a right join on null-typed keys with nulls_equal)
    for (EdgeFrames.Named[] pair : List.of(new EdgeFrames.Named[] {withNullKey(nulls), withNullKey(single)},
        new EdgeFrames.Named[] {withNullKey(empty), withNullKey(nulls)},
        new EdgeFrames.Named[] {withNullKey(dup), withNullKey(empty)})) {
      for (JoinType how : List.of(JoinType.INNER, JoinType.LEFT, JoinType.FULL, JoinType.SEMI, JoinType.ANTI)) {
        for (boolean nullsEqual : new boolean[] {false, true}) {
          JoinOptions options = JoinOptions.on("kn").how(how).nullsEqual(nullsEqual).maintainOrder(MaintainOrder.LEFT);
          add(cases, pair, options, "on='kn', how='" + how.keyword() + "', nulls_equal="
              + EdgeCases.py(nullsEqual) + ", maintain_order='left'", how != JoinType.FULL, false);
        }
      }
      // the null-typed column as a value carried through every join type (padded rows included)
      for (JoinType how : JoinType.values()) {
        if (how != JoinType.CROSS) {
          MaintainOrder order = how == JoinType.RIGHT ? MaintainOrder.RIGHT : MaintainOrder.LEFT;
          add(cases, pair, JoinOptions.on("ki").how(how).maintainOrder(order), "on='ki', how='" + how.keyword()
              + "', maintain_order='" + order.name().toLowerCase(Locale.ROOT) + "'", how != JoinType.FULL, false);
        }
      }
    }
    List<String> mismatches = cases.mismatches();
    assertThatEmpty(mismatches, cases.size());
    org.assertj.core.api.Assertions.assertThat(cases.failedOnBoth()).as("cases failing on both sides").isZero();
  }

  /** The frame with a column {@code kn} of type null. */
  private static EdgeFrames.Named withNullKey(EdgeFrames.Named frame) {
    List<PolarsCases.TestColumn> columns = new ArrayList<>(frame.columns());
    List<Object> nulls = new ArrayList<>();
    frame.columns().getFirst().values().forEach(value -> nulls.add(null));
    columns.add(new PolarsCases.TestColumn("kn", dev.floe.memory.types.DataType.NULL, "pl.Null", nulls));
    return new EdgeFrames.Named(frame.name() + "+null", columns);
  }

  private static void add(PolarsJoinCases cases, EdgeFrames.Named[] pair, JoinOptions options, String python,
      boolean ordered, boolean big) {
    List<BiFunction<DataFrame, DataFrame, DataFrame>> runs = new ArrayList<>();
    runs.add((left, right) -> left.join(right, options));
    List<CollectOptions> modes = big
        ? List.of(CollectOptions.DEFAULT.withMorselRows(1000).withThreads(2)) : EdgeCases.LAZY;
    for (CollectOptions collect : modes) {
      runs.add((left, right) -> left.lazy().join(right.lazy(), options).collect(collect));
    }
    for (BiFunction<DataFrame, DataFrame, DataFrame> run : runs) {
      cases.add(pair[0].columns(), pair[1].columns(), run, "df.join(other, " + python + ")", !ordered);
    }
  }

  private static void assertThatEmpty(List<String> mismatches, int size) {
    org.assertj.core.api.Assertions.assertThat(mismatches).as("differences from Polars out of " + size + ":\n"
        + String.join("\n", mismatches.subList(0, Math.min(10, mismatches.size())).stream()
            .map(EdgeCases::shorten).toList())).isEmpty();
  }
}
