package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.planner.expr.Expr;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code groupBy(...).agg(...)} against Polars on seeded random frames ({@link GroupByGen}): one or
 * two keys of every kind (nulls, NaN, -0.0 and 0.0 included), 1, 10, 10,000 or all-unique
 * distinct keys, every reduction, arithmetic over reductions, implode; with maintainOrder (rows
 * compared in order) and without (rows compared as multisets); each case run eagerly, lazily with
 * every rule, lazily without optimization, or lazily with 7-row morsels on 4 threads, so that the
 * partial aggregation and its merge run across many morsels.
 */
@LeakChecked
class GroupByDifferentialTest {
  @TempDir Path directory;

  @Test
  void groupByAgreesWithPolars() throws Exception {
    Random random = new Random(20261124);
    GroupByGen gen = new GroupByGen(random);
    PolarsFrameCases cases = new PolarsFrameCases(directory);
    for (int index = 0; index < 1200; index++) {
      boolean big = index % 150 == 3;
      int rows = big ? 20_000 : random.nextInt(4) == 0 ? random.nextInt(4) : random.nextInt(120);
      int[] cardinalities = big ? new int[] {10_000, Integer.MAX_VALUE} : new int[] {1, 10, Integer.MAX_VALUE};
      int cardinality = cardinalities[random.nextInt(cardinalities.length)];
      List<PolarsCases.TestColumn> frame = gen.frame(rows, Math.min(cardinality, Math.max(rows, 1)));
      List<String> keys = new ArrayList<>();
      keys.add(gen.pick(GroupByGen.KEYS.toArray(String[]::new)));
      if (random.nextInt(3) == 0) {
        String second = gen.pick(GroupByGen.KEYS.toArray(String[]::new));
        if (!keys.contains(second)) {
          keys.add(second);
        }
      }
      int aggCount = big ? 3 : 1 + random.nextInt(4);
      List<Expr> aggs = new ArrayList<>();
      List<String> pythonAggs = new ArrayList<>();
      for (int agg = 0; agg < aggCount; agg++) {
        GroupByGen.AggCase aggCase = gen.agg("a" + agg);
        aggs.add(aggCase.floe());
        pythonAggs.add(aggCase.python());
      }
      boolean maintainOrder = random.nextBoolean();
      GroupByOptions options = GroupByOptions.DEFAULT.withMaintainOrder(maintainOrder);
      String[] keyNames = keys.toArray(String[]::new);
      String python = "df.group_by(" + pyList(keys) + ", maintain_order=" + (maintainOrder ? "True" : "False")
          + ").agg(" + String.join(", ", pythonAggs) + ")";
      Function<DataFrame, DataFrame> floe = switch (index % 4) {
        case 0 -> df -> df.groupBy(options, keyNames).agg(aggs);
        case 1 -> df -> df.lazy().groupBy(options, keyNames).agg(aggs).collect();
        case 2 -> df -> df.lazy().groupBy(options, keyNames).agg(aggs)
            .collect(CollectOptions.DEFAULT.withNoOptimization(true));
        default -> df -> df.lazy().groupBy(options, keyNames).agg(aggs)
            .collect(CollectOptions.DEFAULT.withMorselRows(7).withThreads(4));
      };
      if (index % 8 == 1) {
        // a filter on a key above the aggregate (pushed below it) and a projection of the output
        String key = keys.getFirst();
        List<String> kept = new ArrayList<>(keys);
        kept.add("a0");
        String[] keptNames = kept.toArray(String[]::new);
        floe = df -> df.lazy().groupBy(options, keyNames).agg(aggs).filter(col(key).isNotNull())
            .select(keptNames).collect();
        python += ".filter(pl.col('" + key + "').is_not_null()).select(" + pyList(kept) + ")";
      }
      cases.add(frame, floe, python, !maintainOrder);
    }
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
    // the cases test results, not errors: only types Polars rejects (a sum of strings) fail on both sides
    assertThat(cases.bothFailed()).as("cases failing on both sides").isLessThan(cases.size() / 20);
  }

  private static String pyList(List<String> names) {
    return "[" + String.join(", ", names.stream().map(name -> "'" + name + "'").toList()) + "]";
  }
}
