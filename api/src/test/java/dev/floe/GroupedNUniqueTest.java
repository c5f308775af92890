package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code nUnique} per group over integer and date columns (the direct path that counts each
 * group's sorted run) against counts made with Java sets over the same rows: null counts once as a
 * value, as in Polars, and groups come out in order of first appearance. A float column takes the
 * general path and must agree with it on the same rows.
 */
@LeakChecked
class GroupedNUniqueTest {
  @Test
  void countsDistinctValuesPerGroupWithNullAsOneValue() {
    SplittableRandom random = new SplittableRandom(7);
    int rows = 20_000;
    Object[] keys = new Object[rows];
    Object[] bytes = new Object[rows];
    Object[] ints = new Object[rows];
    Object[] longs = new Object[rows];
    Object[] dates = new Object[rows];
    for (int row = 0; row < rows; row++) {
      keys[row] = (long) random.nextInt(3_000);
      bytes[row] = random.nextInt(10) == 0 ? null : (byte) random.nextInt(-5, 5);
      ints[row] = random.nextInt(10) == 0 ? null : random.nextInt(-3, 3);
      longs[row] = random.nextInt(20) == 0 ? null : random.nextLong() % 4;
      dates[row] = random.nextInt(10) == 0 ? null : LocalDate.of(2020, 1, 1).plusDays(random.nextInt(6));
    }
    try (DataFrame frame = DataFrame.of(Series.of("k", DataType.INT64, keys), Series.of("b", DataType.INT8, bytes),
            Series.of("i", DataType.INT32, ints), Series.of("l", DataType.INT64, longs),
            Series.of("d", DataType.DATE32, dates));
        DataFrame counted = frame.groupBy("k").agg(col("b").nUnique(), col("i").nUnique(), col("l").nUnique(),
            col("d").nUnique())) {
      List<Long> order = new ArrayList<>();
      Map<Long, List<Set<Object>>> expected = new HashMap<>();
      for (int row = 0; row < rows; row++) {
        Long key = (Long) keys[row];
        List<Set<Object>> sets = expected.computeIfAbsent(key, unused -> {
          order.add(key);
          return List.of(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
        });
        sets.get(0).add(String.valueOf(bytes[row])); // "null" stands for the null value
        sets.get(1).add(String.valueOf(ints[row]));
        sets.get(2).add(String.valueOf(longs[row]));
        sets.get(3).add(String.valueOf(dates[row]));
      }
      List<List<Object>> want = new ArrayList<>();
      for (Long key : order) {
        List<Object> row = new ArrayList<>();
        row.add(key);
        for (Set<Object> set : expected.get(key)) {
          row.add((long) set.size());
        }
        want.add(row);
      }
      List<List<Object>> got = new ArrayList<>();
      for (List<Object> row : counted.rows()) {
        List<Object> widened = new ArrayList<>();
        widened.add(row.getFirst());
        for (Object count : row.subList(1, row.size())) {
          widened.add(((Number) count).longValue());
        }
        got.add(widened);
      }
      assertThat(counted.schema().types().subList(1, 5)).containsOnly(DataType.UINT32);
      assertThat(got).isEqualTo(want);
    }
  }

  @Test
  void aFloatColumnTakesTheGeneralPathAndAgreesWithItsOwnIntegers() {
    try (DataFrame frame = DataFrame.of(Series.of("k", 1L, 1L, 1L, 2L, 2L, 3L),
            Series.of("x", DataType.INT64, 5L, null, 5L, null, null, 7L),
            Series.of("f", DataType.FLOAT64, 5.0, null, 5.0, null, null, 7.0));
        DataFrame counted = frame.groupBy("k").agg(col("x").nUnique(), col("f").nUnique())) {
      assertThat(counted.rows()).extracting(row -> List.of(((Number) row.get(1)).longValue(),
          ((Number) row.get(2)).longValue())).containsExactly(List.of(2L, 2L), List.of(1L, 1L), List.of(1L, 1L));
    }
  }
}
