package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.ComputeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinOptions.MaintainOrder;
import dev.floe.planner.plan.JoinType;
import dev.floe.planner.plan.Scan;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Join edge cases against Polars (empty sides, all-null keys, one very skewed key, Int32 against
 * Int64 keys beyond the Int32 range, float keys with NaN and -0.0, many morsels probing one
 * table), the errors (sides, columns and key values named; nothing leaks), the cross-join size
 * guard, the plan text, and a self-join reading its source once.
 */
@LeakChecked
class JoinTest {
  @TempDir Path directory;

  private static final List<JoinType> KEYED = List.of(JoinType.INNER, JoinType.LEFT, JoinType.RIGHT, JoinType.FULL,
      JoinType.SEMI, JoinType.ANTI);

  /** Every keyed join type, nulls equal or not, eager and on 7-row morsels, as Polars with maintain_order left. */
  private static void everyType(PolarsJoinCases cases, List<PolarsCases.TestColumn> left,
      List<PolarsCases.TestColumn> right, String key) {
    for (JoinType how : KEYED) {
      for (boolean nullsEqual : List.of(false, true)) {
        MaintainOrder order = how == JoinType.RIGHT ? MaintainOrder.RIGHT : MaintainOrder.LEFT;
        JoinOptions options = JoinOptions.on(key).how(how).nullsEqual(nullsEqual).maintainOrder(order);
        String python = "df.join(other, on='" + key + "', how='" + how.keyword() + "', nulls_equal="
            + (nullsEqual ? "True" : "False") + ", maintain_order='" + order.name().toLowerCase() + "')";
        cases.add(left, right, (l, r) -> l.join(r, options), python, how == JoinType.FULL);
        cases.add(left, right, (l, r) -> l.lazy().join(r.lazy(), options)
            .collect(CollectOptions.DEFAULT.withMorselRows(7)), python, how == JoinType.FULL);
      }
    }
  }

  private static PolarsCases.TestColumn column(String name, DataType type, String polars, List<?> values) {
    return new PolarsCases.TestColumn(name, type, polars, values);
  }

  private static List<Object> repeat(Object value, int count) {
    return new ArrayList<>(Collections.nCopies(count, value));
  }

  @Test
  void edgeCasesAgreeWithPolars() throws Exception {
    PolarsJoinCases cases = new PolarsJoinCases(directory);
    List<PolarsCases.TestColumn> some = List.of(column("k", DataType.INT64, "pl.Int64", List.of(1L, 2L, 2L, 3L)),
        JoinGen.longs("v", 4, 0));
    List<PolarsCases.TestColumn> none = List.of(column("k", DataType.INT64, "pl.Int64", List.of()),
        JoinGen.longs("v", 0, 0));
    everyType(cases, none, some, "k");
    everyType(cases, some, none, "k");
    everyType(cases, none, none, "k");
    List<PolarsCases.TestColumn> nulls = List.of(column("k", DataType.INT64, "pl.Int64", repeat(null, 5)),
        JoinGen.longs("v", 5, 0));
    everyType(cases, nulls, nulls, "k");
    everyType(cases, nulls, some, "k");
    // one key on most rows of both sides: about 125 x 80 pairs of it
    Random random = new Random(7);
    List<Object> skewedLeft = new ArrayList<>();
    List<Object> skewedRight = new ArrayList<>();
    for (int row = 0; row < 150; row++) {
      skewedLeft.add(random.nextInt(6) == 0 ? (Object) (long) random.nextInt(50) : (Object) 7L);
      skewedRight.add(row < 80 ? (Object) 7L : (Object) (long) random.nextInt(50));
    }
    everyType(cases, List.of(column("k", DataType.INT64, "pl.Int64", skewedLeft), JoinGen.longs("v", 150, 0)),
        List.of(column("k", DataType.INT64, "pl.Int64", skewedRight), JoinGen.longs("w", 150, 0)), "k");
    // Int32 against Int64 beyond the Int32 range: 2^32 + 1 must not match 1
    everyType(cases, List.of(column("k", DataType.INT32, "pl.Int32", List.of(1, -1, 0, 5)), JoinGen.longs("v", 4, 0)),
        List.of(column("k", DataType.INT64, "pl.Int64", List.of(4294967297L, -1L, 0L, 5L, 5L)),
            JoinGen.longs("w", 5, 0)), "k");
    everyType(cases, List.of(column("k", DataType.FLOAT64, "pl.Float64", List.of(Double.NaN, -0.0, 0.0, 1.5)),
        JoinGen.longs("v", 4, 0)), List.of(column("k", DataType.FLOAT64, "pl.Float64",
        java.util.Arrays.asList(0.0, Double.NaN, null, 1.5)), JoinGen.longs("w", 4, 0)), "k");
    everyType(cases, List.of(column("k", DataType.UTF8, "pl.String", java.util.Arrays.asList("", "é", null, "日本")),
        JoinGen.longs("v", 4, 0)), List.of(column("k", DataType.UTF8, "pl.String",
        java.util.Arrays.asList("日本", "", "", null, "e")), JoinGen.longs("w", 5, 0)), "k");
    // many probe morsels against one table: 3000 unique keys against 2000 with overlap
    List<Object> manyLeft = new ArrayList<>();
    List<Object> manyRight = new ArrayList<>();
    for (int row = 0; row < 3000; row++) {
      manyLeft.add("s" + (row * 7919 % 4000));
    }
    for (int row = 0; row < 2000; row++) {
      manyRight.add("s" + (row * 3 % 5000));
    }
    everyType(cases, List.of(column("k", DataType.UTF8, "pl.String", manyLeft), JoinGen.longs("v", 3000, 0)),
        List.of(column("k", DataType.UTF8, "pl.String", manyRight), JoinGen.longs("w", 2000, 0)), "k");
    assertThat(cases.mismatches()).as("differences from Polars out of " + cases.size()).isEmpty();
  }

  @Test
  void validationFailuresNameTheSideAndADuplicatedKey() {
    try (DataFrame left = DataFrame.of(Series.ofLongs("k", 1, 2, 3), Series.ofLongs("v", 1, 2, 3));
        DataFrame right = DataFrame.of(Series.ofLongs("k", 2, 9, 2), Series.ofLongs("w", 1, 2, 3))) {
      assertThatThrownBy(() -> left.join(right, JoinOptions.on("k").validate(JoinOptions.Validate.MANY_TO_ONE)))
          .isInstanceOf(ComputeException.class)
          .hasMessageContaining("m:1").hasMessageContaining("the right key 2 occurs 2 times");
      assertThatThrownBy(() -> right.join(left, JoinOptions.on("k").how(JoinType.LEFT)
          .validate(JoinOptions.Validate.ONE_TO_ONE))).hasMessageContaining("the left key 2 occurs 2 times");
      try (DataFrame fine = left.join(right, JoinOptions.on("k").validate(JoinOptions.Validate.ONE_TO_MANY))) {
        assertThat(fine.height()).isEqualTo(2);
      }
      assertThatThrownBy(() -> left.join(right, JoinOptions.on("k").how(JoinType.RIGHT)
          .validate(JoinOptions.Validate.ONE_TO_MANY))).isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("1:m validation on a right join is not supported");
    }
  }

  @Test
  void keyErrorsNameTheSideAndTheColumn() {
    try (DataFrame left = DataFrame.of(Series.ofLongs("k", 1, 2));
        DataFrame right = DataFrame.of(Series.ofStrings("k", "a", "b"))) {
      assertThatThrownBy(() -> left.join(right, "nope")).isInstanceOf(ColumnNotFoundException.class)
          .hasMessageContaining("join: left key").hasMessageContaining("'nope'");
      assertThatThrownBy(() -> left.join(right, "k")).hasMessageContaining("i64 on the left")
          .hasMessageContaining("str on the right");
      try (DataFrame wide = DataFrame.of(Series.ofLongs("k", 1, 2), Series.ofLongs("v", 3, 4))) {
        assertThatThrownBy(() -> wide.join(wide, JoinOptions.on("k").suffix("")))
            .isInstanceOf(InvalidOperationException.class).hasMessageContaining("two columns named 'v'");
      }
    }
  }

  @Test
  void failuresInsideTheJoinReleaseEverything() {
    try (DataFrame left = DataFrame.of(Series.ofStrings("k", "1", "x"), Series.ofLongs("v", 1, 2));
        DataFrame right = DataFrame.of(Series.ofLongs("k", 1, 2))) {
      // the left key fails while the join evaluates it (a strict cast of "x")
      assertThatThrownBy(() -> left.join(right, JoinOptions.leftOn(col("k").cast(DataType.INT64)).rightOn("k")))
          .isInstanceOf(ComputeException.class);
    }
    long[] values = new long[50_000];
    for (int row = 0; row < values.length; row++) {
      values[row] = row % 1000;
    }
    try (DataFrame big = DataFrame.of(Series.ofLongs("k", values))) {
      // 50 matches per row: 2.5M rows of output (20 MB a column) cannot fit in 8 MB
      assertThatThrownBy(() -> big.lazy().join(big.lazy(), "k")
          .collect(CollectOptions.DEFAULT.withMemoryLimit(8L << 20)))
          .isInstanceOf(dev.floe.errors.FloeOutOfMemoryException.class)
          .hasMessageContaining("JOIN");
    }
  }

  @Test
  void crossJoinsRefuseAbsurdSizes() {
    try (DataFrame big = DataFrame.of(Series.ofLongs("a", new long[60_000]))) {
      assertThatThrownBy(() -> big.join(big, JoinOptions.cross())).isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("60000 left rows and 60000 right rows would make 3600000000 rows");
    }
  }

  @Test
  void explainShowsTheJoinAndBothInputsAndProfilesTimeIt() {
    try (DataFrame left = DataFrame.of(Series.ofLongs("k", 1, 2));
        DataFrame right = DataFrame.of(Series.ofLongs("k", 2, 3))) {
      LazyFrame query = left.lazy().join(right.lazy(), JoinOptions.on("k").how(JoinType.LEFT));
      String plan = query.explain(false);
      assertThat(plan).startsWith("LEFT JOIN ON [col(\"k\")] = [col(\"k\")]\n  DF");
      assertThat(plan.lines().filter(line -> line.startsWith("  DF")).count()).isEqualTo(2);
      try (QueryProfile profile = query.profile()) {
        assertThat(profile.result().height()).isEqualTo(2);
        assertThat(profile.timings().column("node").toList()).anySatisfy(node ->
            assertThat((String) node).startsWith("LEFT JOIN ON"));
      }
    }
  }

  @Test
  void twoLazyScansOfOneFrameAreOneSource() {
    try (DataFrame data = DataFrame.of(Series.ofLongs("k", 1, 2, 2), Series.ofLongs("v", 1, 2, 3))) {
      LazyFrame self = data.lazy().join(data.lazy(), JoinOptions.on("k").maintainOrder(MaintainOrder.LEFT));
      assertThat(self.explain()).contains("CACHE");
      try (DataFrame joined = self.collect()) {
        assertThat(joined.rows()).containsExactly(List.of(1L, 1L, 1L), List.of(2L, 2L, 2L), List.of(2L, 2L, 3L),
            List.of(2L, 3L, 2L), List.of(2L, 3L, 3L));
      }
    }
  }

  @Test
  void aSelfJoinReadsItsSourceOnce() {
    try (DataFrame data = DataFrame.of(Series.ofLongs("k", 1, 2, 2, 3), Series.ofLongs("v", 10, 20, 30, 40))) {
      CountingFrameSource source = new CountingFrameSource(data);
      LazyFrame lazy = new LazyFrame(Scan.of(source)).filter(col("v").gt(10));
      LazyFrame self = lazy.join(lazy, JoinOptions.on("k").maintainOrder(MaintainOrder.LEFT));
      try (DataFrame shared = self.collect()) {
        assertThat(source.reads.get()).as("the shared scan ran once").isEqualTo(1);
        assertThat(self.explain()).contains("CACHE");
        try (DataFrame separate = self.collect(CollectOptions.DEFAULT.withNoOptimization(true))) {
          assertThat(source.reads.get()).as("without the optimizer each side reads").isEqualTo(3);
          assertThat(shared.rows()).isEqualTo(separate.rows()).hasSize(5); // k = 2 twice on each side, k = 3
          assertThat(shared.columns()).containsExactly("k", "v", "v_right");
        }
      }
    }
  }
}
