package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.planner.expr.Expr;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-key sorts (per-key direction, nulls first or last, stable), top_k and bottom_k,
 * is_duplicated, is_unique and n_unique against Polars 1.44, on seeded random frames with few
 * distinct values (ties, nulls, NaN, -0.0, strings and booleans); a few frames are large enough
 * for the parallel sort to cut them into runs and merge them.
 */
@LeakChecked
class SortTopKDifferentialTest {
  private static final List<String> NAMES = List.of("i", "f", "s", "b");

  @TempDir Path directory;

  @Test
  void sortsAgreeWithPolars() throws Exception {
    Random random = new Random(2026);
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    for (int index = 0; index < 304; index++) {
      int rows = index < 300 ? random.nextInt(40) : 70_000 + random.nextInt(1000);
      List<PolarsCases.TestColumn> frame = ReshapeGen.frame(random, rows);
      List<String> keys = keys(random);
      boolean[] descending = new boolean[keys.size()];
      List<String> flags = new ArrayList<>();
      for (int key = 0; key < keys.size(); key++) {
        descending[key] = random.nextBoolean();
        flags.add(descending[key] ? "True" : "False");
      }
      boolean nullsLast = random.nextBoolean();
      SortOptions options = SortOptions.DEFAULT.withDescending(descending).withNullsLast(nullsLast)
          .withMaintainOrder(true);
      boolean lazy = random.nextBoolean();
      String python = "df.sort(" + pyList(keys) + ", descending=[" + String.join(", ", flags)
          + "], nulls_last=" + (nullsLast ? "True" : "False") + ", maintain_order=True)";
      cases.add(frame, df -> lazy ? df.lazy().sort(options, keys.toArray(String[]::new)).collect()
          : df.sort(options, keys.toArray(String[]::new)), python, false);
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  /**
   * Polars' top_k does not keep the input order of ties, so half the cases compare only the key
   * columns (in order), the other half break every tie with a last key of distinct values and
   * compare whole rows in order.
   */
  @Test
  void topAndBottomKAgreeWithPolars() throws Exception {
    Random random = new Random(77);
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    for (int index = 0; index < 300; index++) {
      int rows = random.nextInt(30);
      List<PolarsCases.TestColumn> frame = new ArrayList<>(ReshapeGen.frame(random, rows));
      List<String> keys = new ArrayList<>(keys(random));
      boolean tieBreak = index % 2 == 1;
      if (tieBreak) {
        List<Object> distinct = new ArrayList<>();
        for (long row = 0; row < rows; row++) {
          distinct.add(row * 3 - 7);
        }
        Collections.shuffle(distinct, random);
        frame.add(new PolarsCases.TestColumn("u", dev.floe.memory.types.DataType.INT64, "pl.Int64", distinct));
        keys.add("u");
      }
      int k = random.nextInt(rows + 3);
      boolean bottom = random.nextBoolean();
      List<Boolean> reverse = new ArrayList<>();
      int reverseKind = random.nextInt(3); // none, one for all, one per key
      for (int key = 0; key < (reverseKind == 0 ? 0 : reverseKind == 1 ? 1 : keys.size()); key++) {
        reverse.add(random.nextBoolean());
      }
      String reversePython = reverse.isEmpty() ? "" : ", reverse=" + (reverseKind == 1
          ? pyBool(reverse.getFirst()) : "[" + String.join(", ", reverse.stream().map(SortTopKDifferentialTest::pyBool).toList()) + "]");
      String python = "df." + (bottom ? "bottom_k" : "top_k") + "(" + k + ", by=" + pyList(keys)
          + reversePython + ")" + (tieBreak ? "" : ".select(" + pyList(keys) + ")");
      List<Expr> by = keys.stream().map(Floe::col).toList();
      boolean lazy = random.nextBoolean();
      String[] projected = (tieBreak ? frame.stream().map(PolarsCases.TestColumn::name).toList() : keys)
          .toArray(String[]::new);
      cases.add(frame, df -> {
        if (lazy) {
          LazyFrame frameLazy = df.lazy();
          return (bottom ? frameLazy.bottomK(k, by, reverse) : frameLazy.topK(k, by, reverse))
              .select(projected).collect();
        }
        try (DataFrame top = bottom ? df.bottomK(k, by, reverse) : df.topK(k, by, reverse)) {
          return top.select(projected);
        }
      }, python, false);
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  @Test
  void duplicatesAgreeWithPolars() throws Exception {
    Random random = new Random(5);
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    for (int index = 0; index < 300; index++) {
      List<PolarsCases.TestColumn> frame = ReshapeGen.frame(random, random.nextInt(14));
      List<String> columns = keys(random);
      String selected = "df.select(" + pyList(columns) + ")";
      String[] names = columns.toArray(String[]::new);
      switch (index % 3) {
        case 0 -> cases.add(frame, df -> flags(df, names, true),
            "pl.DataFrame(" + selected + ".is_duplicated())", false);
        case 1 -> cases.add(frame, df -> flags(df, names, false),
            "pl.DataFrame(" + selected + ".is_unique())", false);
        default -> cases.add(frame, df -> DataFrame.of(Series.ofLongs("n", df.nUnique(names))),
            "pl.DataFrame({'n': [df.n_unique(subset=" + pyList(columns) + ")]})", false);
      }
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  private static DataFrame flags(DataFrame frame, String[] names, boolean duplicated) {
    try (DataFrame selected = frame.select(names)) {
      return DataFrame.of(duplicated ? selected.isDuplicated() : selected.isUnique());
    }
  }

  /** One to four of the columns, in random order. */
  private static List<String> keys(Random random) {
    List<String> names = new ArrayList<>(NAMES);
    Collections.shuffle(names, random);
    return names.subList(0, 1 + random.nextInt(names.size()));
  }

  static String pyBool(boolean value) {
    return value ? "True" : "False";
  }

  static String pyList(List<String> names) {
    return "[" + String.join(", ", names.stream().map(name -> "'" + name + "'").toList()) + "]";
  }
}
