package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.Floe.when;
import static dev.floe.testing.FrameAssertions.assertFrameEqual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import dev.floe.testkit.LeakChecked;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * End to end, a subexpression repeated in one select or withColumns is computed once as a
 * temporary column that {@code explain()} shows and the result does not: lazy results equal the
 * eager ones with the rule on, off and over small morsels, and a repeat inside when/then branches
 * fails exactly where the eager query fails.
 */
@LeakChecked
class CommonSubexpressionTest {
  private static final String RULE = "common_subexpression_elimination";
  /** Not plain arithmetic, which the rule leaves to the engine's fused arithmetic. */
  private static final Expr PRODUCT = col("a").mul(col("b")).abs();

  private static DataFrame frame(int rows, long seed) {
    Random random = new Random(seed);
    Object[] a = new Object[rows];
    Object[] b = new Object[rows];
    Object[] s = new Object[rows];
    for (int row = 0; row < rows; row++) {
      a[row] = random.nextInt(10) == 0 ? null : (long) random.nextInt(50);
      b[row] = random.nextInt(10) == 0 ? null : random.nextInt(1000) / 10.0;
      s[row] = random.nextInt(10) == 0 ? null : "k" + random.nextInt(8);
    }
    return DataFrame.of(Series.of("a", DataType.INT64, a), Series.of("b", DataType.FLOAT64, b),
        Series.of("s", DataType.UTF8, s));
  }

  /** The lazy query's result under several options equals {@code eager}'s. */
  private static void assertSameAsEager(DataFrame frame, UnaryOperator<LazyFrame> lazy, UnaryOperator<DataFrame> eager) {
    try (DataFrame expected = eager.apply(frame)) {
      for (CollectOptions options : List.of(CollectOptions.DEFAULT, CollectOptions.DEFAULT.withMorselRows(37),
          CollectOptions.DEFAULT.withoutRules(RULE), CollectOptions.DEFAULT.withNoOptimization(true))) {
        try (DataFrame actual = lazy.apply(frame.lazy()).collect(options)) {
          assertFrameEqual(actual, expected);
        }
      }
    }
  }

  @Test
  void aRepeatInASelectIsComputedOnceAndTheResultIsTheEagerOne() {
    Expr[] exprs = {PRODUCT.add(1).alias("x"), PRODUCT.mul(2).alias("y"), col("s")};
    try (DataFrame frame = frame(500, 1)) {
      String plan = frame.lazy().select(exprs).explain();
      assertThat(plan).contains("""
          SELECT [(col("__floe_cse_0") + 1).alias("x"), (col("__floe_cse_0") * 2).alias("y"), col("s")]
            WITH_COLUMNS [(col("a") * col("b")).abs().alias("__floe_cse_0")]
          """).contains(RULE);
      assertThat(frame.lazy().select(exprs).collectSchema().names()).containsExactly("x", "y", "s");
      assertSameAsEager(frame, lazy -> lazy.select(exprs), eager -> eager.select(exprs));
    }
  }

  @Test
  void aRepeatInAWithColumnsAndInsideAggregationsLeavesNoTemporaryInTheResult() {
    Expr[] exprs = {PRODUCT.add(1).alias("x"), PRODUCT.sum().alias("total"), PRODUCT.mean().alias("b")};
    try (DataFrame frame = frame(300, 2)) {
      assertThat(frame.lazy().filter(col("a").gt(3)).withColumns(exprs).explain())
          .contains("WITH_COLUMNS [(col(\"a\") * col(\"b\")).abs().alias(\"__floe_cse_0\")]");
      assertSameAsEager(frame, lazy -> lazy.filter(col("a").gt(3)).withColumns(exprs), eager -> {
        try (DataFrame filtered = eager.filter(col("a").gt(3))) {
          return filtered.withColumns(exprs);
        }
      });
      try (DataFrame result = frame.lazy().withColumns(exprs).collect()) {
        assertThat(result.columns()).containsExactly("a", "b", "s", "x", "total");
      }
    }
  }

  @Test
  void repeatsInBranchesGiveTheEagerResultAndFailOnlyWhereTheEagerQueryFails() {
    // every branch is evaluated over all rows, eagerly and lazily, so hoisting one changes nothing
    Expr ratio = col("b").div(col("a")).abs();
    Expr[] safe = {when(col("a").gt(0)).then(ratio).otherwise(0.0).alias("r"), ratio.isNull().alias("missing")};
    Expr cast = col("s").cast(DataType.INT64); // strict: "k1" does not parse
    Expr[] failing = {when(col("a").gt(1000)).then(cast).otherwise(0L).alias("x"),
        when(col("a").gt(2000)).then(cast).otherwise(1L).alias("y")};
    try (DataFrame frame = frame(200, 3)) {
      assertThat(frame.lazy().select(safe).explain()).contains("__floe_cse_0");
      assertSameAsEager(frame, lazy -> lazy.select(safe), eager -> eager.select(safe));
      assertThat(frame.lazy().select(failing).explain()).contains("__floe_cse_0");
      Class<? extends Throwable> eagerFailure = failure(() -> frame.select(failing).close());
      assertThat(eagerFailure).isNotNull();
      for (CollectOptions options : List.of(CollectOptions.DEFAULT, CollectOptions.DEFAULT.withoutRules(RULE))) {
        assertThatThrownBy(() -> frame.lazy().select(failing).collect(options).close())
            .isInstanceOf(eagerFailure);
      }
    }
  }

  private static Class<? extends Throwable> failure(Runnable action) {
    try {
      action.run();
      return null;
    } catch (RuntimeException failure) {
      return failure.getClass();
    }
  }
}
