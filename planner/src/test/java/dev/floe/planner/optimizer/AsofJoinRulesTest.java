package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.planner.plan.AsofJoin;
import dev.floe.planner.plan.AsofJoinOptions;
import dev.floe.planner.plan.AsofStrategy;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Select;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules around as-of joins, as golden plans: conjuncts over left columns move into the left
 * input, everything else stays above (a right-side filter would change which row pairs);
 * projections keep the key and by columns of both sides and the left columns that give a needed
 * right column its suffix. Also the plan text, the output schema and the schema errors.
 */
class AsofJoinRulesTest {
  private static final PredicatePushdown PREDICATES = new PredicatePushdown();
  private static final ProjectionPushdown PROJECTIONS = new ProjectionPushdown();

  private static AsofJoin asof(AsofJoinOptions options) {
    return new AsofJoin(Tables.scan("t"), Tables.scan("u"), options);
  }

  @Test
  void printsTheStrategyKeysAndTheOptionsThatDifferFromPolarsDefaults() {
    assertThat(PlanPrinter.print(asof(AsofJoinOptions.on("a")))).isEqualTo("""
        ASOF JOIN BACKWARD ON col("a") = col("a")
          DF t [a, b, s, d]
          DF u [a, b, s, d]
        """);
    AsofJoin all = asof(AsofJoinOptions.leftOn("a").rightOn("d").byLeft("s").byRight("s")
        .strategy(AsofStrategy.NEAREST).tolerance(Duration.ofMinutes(90)).suffix("_r").allowExactMatches(false)
        .checkSortedness(false).coalesce(false));
    assertThat(all.describe()).isEqualTo("ASOF JOIN NEAREST ON col(\"a\") = col(\"d\") BY [s] = [s] TOLERANCE PT1H30M"
        + " SUFFIX \"_r\" NO EXACT MATCHES NO SORTEDNESS CHECK NO COALESCE");
  }

  @Test
  void outputColumnsDropTheRightByColumnsAndTheCoalescedKey() {
    assertThat(asof(AsofJoinOptions.on("a")).schema().names())
        .containsExactly("a", "b", "s", "d", "b_right", "s_right", "d_right");
    assertThat(asof(AsofJoinOptions.on("a").by("s")).schema().names())
        .containsExactly("a", "b", "s", "d", "b_right", "d_right");
    assertThat(asof(AsofJoinOptions.on("a").coalesce(false)).schema().names())
        .containsExactly("a", "b", "s", "d", "a_right", "b_right", "s_right", "d_right");
    assertThat(asof(AsofJoinOptions.leftOn("a").rightOn("d")).schema().names())
        .containsExactly("a", "b", "s", "d", "a_right", "b_right", "s_right", "d_right");
  }

  @Test
  void leftConjunctsMoveIntoTheLeftInputAndTheRestStays() {
    LogicalPlan plan = new Filter(asof(AsofJoinOptions.on("a").by("s")),
        col("d").gt(1).and(col("s").eq("x")).and(col("b_right").lt(2)).and(col("b").lt(col("d_right"))));
    assertThat(PlanPrinter.print(PREDICATES.rewrite(plan))).isEqualTo("""
        FILTER (col("b_right") < 2) & (col("b") < col("d_right"))
          ASOF JOIN BACKWARD ON col("a") = col("a") BY [s] = [s]
            DF t [a, b, s, d]
              SELECTION (col("d") > 1) & (col("s") == "x")
            DF u [a, b, s, d]
        """);
  }

  @Test
  void projectionsKeepKeysByColumnsAndSuffixSources() {
    LogicalPlan plan = new Select(asof(AsofJoinOptions.on("a").by("s")), List.of(col("d_right")));
    assertThat(PlanPrinter.print(PROJECTIONS.rewrite(plan))).isEqualTo("""
        SELECT [col("d_right")]
          ASOF JOIN BACKWARD ON col("a") = col("a") BY [s] = [s]
            DF t [a, b, s, d]
              PROJECT 3/4 COLUMNS [a, s, d]
            DF u [a, b, s, d]
              PROJECT 3/4 COLUMNS [a, s, d]
        """);
    LogicalPlan leftOnly = new Select(asof(AsofJoinOptions.leftOn("a").rightOn("d")), List.of(col("b")));
    assertThat(PlanPrinter.print(PROJECTIONS.rewrite(leftOnly))).isEqualTo("""
        SELECT [col("b")]
          ASOF JOIN BACKWARD ON col("a") = col("d")
            DF t [a, b, s, d]
              PROJECT 2/4 COLUMNS [a, b]
            DF u [a, b, s, d]
              PROJECT 1/4 COLUMNS [d]
        """);
  }

  @Test
  void schemaErrorsNameTheSideAndTheColumn() {
    assertThatThrownBy(() -> asof(AsofJoinOptions.leftOn("a").rightOn("x")).schema())
        .isInstanceOf(ColumnNotFoundException.class).hasMessageContaining("right key");
    assertThatThrownBy(() -> asof(AsofJoinOptions.on("a").by("nope")).schema())
        .isInstanceOf(ColumnNotFoundException.class).hasMessageContaining("left by column");
    assertThatThrownBy(() -> asof(AsofJoinOptions.leftOn("a").rightOn("b")).schema())
        .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("'a' is i64 on the left, 'b' is f64");
    assertThatThrownBy(() -> asof(AsofJoinOptions.on("s")).schema())
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("numeric or temporal");
    assertThatThrownBy(() -> asof(AsofJoinOptions.on("a").tolerance(Duration.ofSeconds(1))).schema())
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("Duration tolerance needs a temporal key");
    assertThatThrownBy(() -> AsofJoinOptions.on("a").tolerance(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
