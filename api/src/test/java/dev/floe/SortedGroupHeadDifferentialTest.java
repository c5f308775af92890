package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The optimizer's {@code sorted_group_head} with the engine's top-n per group against the same
 * query with the rule switched off (a whole sort, then each group's head): 600 seeded frames with
 * nulls in keys and values, NaN and signed zeros, ties, sort keys of i64, f64, i32 and date, either
 * direction, nulls first or last, heads of the sort key and of another column, n from 0 to 4, on
 * one and two threads. Groups come out in another order (no maintainOrder), so rows are compared
 * sorted by key; within a group the lists must be identical, as both sorts are stable.
 */
@LeakChecked
class SortedGroupHeadDifferentialTest {
  private static final DataType[] KEY_TYPES = {DataType.INT64, DataType.FLOAT64, DataType.INT32, DataType.DATE32};

  @Test
  void topRowsPerGroupEqualTheSortedHeads() {
    Random random = new Random(20261124L);
    int fired = 0;
    for (int index = 0; index < 600; index++) {
      int rows = random.nextInt(8) == 0 ? random.nextInt(3) : random.nextInt(300);
      DataType type = KEY_TYPES[random.nextInt(KEY_TYPES.length)];
      int groups = 1 + random.nextInt(random.nextBoolean() ? 4 : 60);
      List<Object> keys = new ArrayList<>();
      List<Object> sortKeys = new ArrayList<>();
      List<Object> other = new ArrayList<>();
      for (int row = 0; row < rows; row++) {
        keys.add(random.nextInt(12) == 0 ? null : (long) random.nextInt(groups));
        sortKeys.add(random.nextInt(8) == 0 ? null : value(type, random));
        other.add(random.nextInt(10) == 0 ? null : "r" + row);
      }
      boolean descending = random.nextBoolean();
      boolean nullsLast = random.nextBoolean();
      int n = random.nextInt(5);
      int threads = 1 + random.nextInt(2);
      try (DataFrame frame = DataFrame.of(Series.ofList("k", DataType.INT64, keys), Series.ofList("v", type, sortKeys),
          Series.ofList("o", DataType.UTF8, other))) {
        LazyFrame query = frame.lazy().sort(SortOptions.DEFAULT.withDescending(descending).withNullsLast(nullsLast), "v")
            .groupBy("k").agg(col("v").head(n).alias("top"), col("o").head(n).alias("others"));
        String plan = query.explain(true);
        fired += plan.contains("sorted_group_head") ? 1 : 0;
        try (DataFrame rewritten = query.collect(CollectOptions.DEFAULT.withThreads(threads));
            DataFrame sorted = query.collect(CollectOptions.DEFAULT.withThreads(threads)
                .withoutRules("sorted_group_head"))) {
          assertThat(byKey(rewritten)).as("case %d: %s", index, plan).isEqualTo(byKey(sorted));
        }
      }
    }
    assertThat(fired).as("the rule fired").isEqualTo(600);
  }

  private static Object value(DataType type, Random random) {
    int small = random.nextInt(20) - 10;
    return switch (type) {
      case DataType.Float64 t -> switch (random.nextInt(12)) {
        case 0 -> Double.NaN;
        case 1 -> -0.0;
        case 2 -> 0.0;
        default -> small / 4.0;
      };
      case DataType.Int32 t -> small;
      case DataType.Date32 t -> LocalDate.ofEpochDay(small);
      default -> (long) small;
    };
  }

  /** The rows as lists, sorted by the group key (nulls first). */
  private static List<List<Object>> byKey(DataFrame frame) {
    List<List<Object>> rows = new ArrayList<>(frame.rows());
    rows.sort(Comparator.comparing(row -> (Long) row.getFirst(), Comparator.nullsFirst(Comparator.naturalOrder())));
    return rows;
  }
}
