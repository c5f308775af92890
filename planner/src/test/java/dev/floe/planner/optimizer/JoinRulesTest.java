package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.Join;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinType;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Select;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules around joins, as golden plans: predicates move into the input(s) whose rows the join
 * does not pad with nulls (both for inner and cross, the left for left, semi and anti, the right
 * for right, none for full), renamed back from suffixed names; conjuncts over both sides stay;
 * projections keep each side's keys and the columns that give a needed right column its suffix;
 * a self-join shares one cache. Also the plan text and the schema errors.
 */
class JoinRulesTest {
  private static final PredicatePushdown PREDICATES = new PredicatePushdown();
  private static final ProjectionPushdown PROJECTIONS = new ProjectionPushdown();

  private static LogicalPlan join(JoinType how) {
    return Join.of(Tables.scan("t"), Tables.scan("u"), JoinOptions.on("a").how(how));
  }

  private static final dev.floe.planner.expr.Expr BOTH_SIDES =
      col("d").gt(1).and(col("s_right").eq("x")).and(col("b").lt(col("b_right")));

  @Test
  void innerJoinsTakeEachSidesConjunctsAndKeepTheMixedOnesAbove() {
    assertThat(PlanPrinter.print(PREDICATES.rewrite(new Filter(join(JoinType.INNER), BOTH_SIDES)))).isEqualTo("""
        FILTER col("b") < col("b_right")
          INNER JOIN ON [col("a")] = [col("a")]
            DF t [a, b, s, d]
              SELECTION col("d") > 1
            DF u [a, b, s, d]
              SELECTION col("s") == "x"
        """);
  }

  @Test
  void leftJoinsTakeOnlyLeftConjunctsAndRightJoinsOnlyRightOnes() {
    assertThat(PlanPrinter.print(PREDICATES.rewrite(new Filter(join(JoinType.LEFT), BOTH_SIDES)))).isEqualTo("""
        FILTER (col("s_right") == "x") & (col("b") < col("b_right"))
          LEFT JOIN ON [col("a")] = [col("a")]
            DF t [a, b, s, d]
              SELECTION col("d") > 1
            DF u [a, b, s, d]
        """);
    LogicalPlan right = new Filter(join(JoinType.RIGHT), col("b").gt(1).and(col("d_right").gt(2)));
    assertThat(PlanPrinter.print(PREDICATES.rewrite(right))).isEqualTo("""
        FILTER col("b") > 1
          RIGHT JOIN ON [col("a")] = [col("a")]
            DF t [a, b, s, d]
            DF u [a, b, s, d]
              SELECTION col("d") > 2
        """);
  }

  @Test
  void semiAndAntiJoinsTakeEverythingIntoTheLeftAndKeyConditionsIntoTheRightToo() {
    for (JoinType how : List.of(JoinType.SEMI, JoinType.ANTI)) {
      LogicalPlan plan = new Filter(join(how), col("a").gt(1).and(col("s").eq("y")));
      assertThat(PlanPrinter.print(PREDICATES.rewrite(plan))).isEqualTo(how + """
           JOIN ON [col("a")] = [col("a")]
            DF t [a, b, s, d]
              SELECTION (col("a") > 1) & (col("s") == "y")
            DF u [a, b, s, d]
              SELECTION col("a") > 1
          """);
    }
  }

  @Test
  void nothingMovesThroughAFullJoin() {
    LogicalPlan plan = new Filter(join(JoinType.FULL), col("d").gt(1).and(col("d_right").gt(1)));
    assertThat(PREDICATES.rewrite(plan)).isSameAs(plan);
  }

  @Test
  void aConditionOnTheKeysIsCopiedIntoTheOtherInput() {
    LogicalPlan plan = new Filter(join(JoinType.LEFT), col("a").eq(3));
    assertThat(PlanPrinter.print(PREDICATES.rewrite(plan))).isEqualTo("""
        LEFT JOIN ON [col("a")] = [col("a")]
          DF t [a, b, s, d]
            SELECTION col("a") == 3
          DF u [a, b, s, d]
            SELECTION col("a") == 3
        """);
    LogicalPlan renamed = new Filter(Join.of(Tables.scan("t"), Tables.scan("u"),
        JoinOptions.leftOn("d").rightOn("a").how(JoinType.RIGHT)), col("a_right").gt(2));
    assertThat(PlanPrinter.print(PREDICATES.rewrite(renamed))).isEqualTo("""
        RIGHT JOIN ON [col("d")] = [col("a")]
          DF t [a, b, s, d]
            SELECTION col("d") > 2
          DF u [a, b, s, d]
            SELECTION col("a") > 2
        """);
  }

  @Test
  void floatKeysAreNotCopiedAndValidatedJoinsTakeNothing() {
    LogicalPlan floats = new Filter(Join.of(Tables.scan("t"), Tables.scan("u"), JoinOptions.on("b")),
        col("b").gt(0.5));
    assertThat(PlanPrinter.print(PREDICATES.rewrite(floats))).isEqualTo("""
        INNER JOIN ON [col("b")] = [col("b")]
          DF t [a, b, s, d]
            SELECTION col("b") > 0.5
          DF u [a, b, s, d]
        """);
    LogicalPlan validated = new Filter(Join.of(Tables.scan("t"), Tables.scan("u"),
        JoinOptions.on("a").validate(JoinOptions.Validate.ONE_TO_ONE)), col("d").gt(1));
    assertThat(PREDICATES.rewrite(validated)).isSameAs(validated);
  }

  @Test
  void projectionsKeepTheKeysAndTheColumnsBehindASuffix() {
    LogicalPlan plan = new Select(join(JoinType.INNER), List.of(col("b_right"), col("d")));
    assertThat(PlanPrinter.print(PROJECTIONS.rewrite(plan))).isEqualTo("""
        SELECT [col("b_right"), col("d")]
          INNER JOIN ON [col("a")] = [col("a")]
            DF t [a, b, s, d]
              PROJECT 3/4 COLUMNS [a, b, d]
            DF u [a, b, s, d]
              PROJECT 2/4 COLUMNS [a, b]
        """);
    LogicalPlan semi = new Select(join(JoinType.SEMI), List.of(col("s")));
    assertThat(PlanPrinter.print(PROJECTIONS.rewrite(semi))).isEqualTo("""
        SELECT [col("s")]
          SEMI JOIN ON [col("a")] = [col("a")]
            DF t [a, b, s, d]
              PROJECT 2/4 COLUMNS [a, s]
            DF u [a, b, s, d]
              PROJECT 1/4 COLUMNS [a]
        """);
  }

  @Test
  void aScanPredicatesOwnColumnsAreDroppedRightAboveTheScanUnderAJoin() {
    LogicalPlan plan = new Select(Join.of(Tables.scan("t"), Tables.scan("u").withPredicate(col("s").eq("x")),
        JoinOptions.on("a")), List.of(col("b"), col("b_right")));
    String once = PlanPrinter.print(new ProjectionPushdown(true).rewrite(plan));
    assertThat(once).isEqualTo("""
        SELECT [col("b"), col("b_right")]
          INNER JOIN ON [col("a")] = [col("a")]
            DF t [a, b, s, d]
              PROJECT 2/4 COLUMNS [a, b]
            SELECT [col("a"), col("b")]
              DF u [a, b, s, d]
                PROJECT 3/4 COLUMNS [a, b, s]
                SELECTION col("s") == "x"
        """);
    // the optimizer adds it once, after its passes (within them, slices and filters would move below it)
    assertThat(PlanPrinter.print(Optimizer.defaults().optimize(plan).plan())).isEqualTo(once);
    assertThat(PlanPrinter.print(PROJECTIONS.rewrite(plan))).doesNotContain("SELECT [col(\"a\"), col(\"b\")]");
  }

  @Test
  void aJoinWhoseColumnsAreAllNeededStaysTheSame() {
    LogicalPlan plan = join(JoinType.FULL);
    assertThat(PROJECTIONS.rewrite(plan)).isSameAs(plan);
  }

  @Test
  void aSelfJoinReadsOneSharedCache() {
    LogicalPlan plan = Join.of(Tables.scan("t"), Tables.scan("t"), JoinOptions.on("a").how(JoinType.LEFT));
    String shared = PlanPrinter.print(new CommonSubplanElimination().rewrite(plan));
    assertThat(shared).isEqualTo("""
        LEFT JOIN ON [col("a")] = [col("a")]
          CACHE -9223372036854775808
            DF t [a, b, s, d]
          CACHE -9223372036854775808
            DF t [a, b, s, d]
        """);
  }

  @Test
  void aJoinOfTwoDifferentInputsSharesNothing() {
    LogicalPlan plan = join(JoinType.INNER);
    assertThat(new CommonSubplanElimination().rewrite(plan)).isSameAs(plan);
  }

  @Test
  void thePlanTextShowsTheOptionsThatDifferFromPolarsDefaults() {
    LogicalPlan plan = Join.of(Tables.scan("t"), Tables.scan("u"), JoinOptions.leftOn(col("a").mod(10))
        .rightOn(col("d")).how(JoinType.FULL).suffix("_r").validate(JoinOptions.Validate.ONE_TO_MANY)
        .nullsEqual(true).coalesce(true).maintainOrder(JoinOptions.MaintainOrder.LEFT));
    assertThat(PlanPrinter.print(plan)).startsWith("FULL JOIN ON [col(\"a\") % 10] = [col(\"d\")] SUFFIX \"_r\""
        + " VALIDATE 1:m NULLS EQUAL COALESCE MAINTAIN ORDER LEFT\n");
    assertThat(PlanPrinter.print(Join.of(Tables.scan("t"), Tables.scan("u"), JoinOptions.cross())))
        .startsWith("CROSS JOIN\n");
  }

  @Test
  void schemaErrorsNameTheSideTheColumnAndTheTypes() {
    assertThatThrownBy(() -> Join.of(Tables.scan("t"), Tables.scan("u"), JoinOptions.leftOn("zz").rightOn("a"))
        .schema()).isInstanceOf(ColumnNotFoundException.class).hasMessageContaining("join: left key")
        .hasMessageContaining("'zz'");
    assertThatThrownBy(() -> Join.of(Tables.scan("t"), Tables.scan("u"), JoinOptions.leftOn("a").rightOn("q"))
        .schema()).isInstanceOf(ColumnNotFoundException.class).hasMessageContaining("join: right key");
    assertThatThrownBy(() -> Join.of(Tables.scan("t"), Tables.scan("u"), JoinOptions.leftOn(col("a"), col("zz").mod(10))
        .rightOn("a", "d").how(JoinType.LEFT)).schema()).isInstanceOf(ColumnNotFoundException.class)
        .hasMessageStartingWith("join: left key col(\"zz\") % 10: no column 'zz'");
    assertThatThrownBy(() -> Join.of(Tables.scan("t"), Tables.scan("u"), JoinOptions.leftOn("a").rightOn("s"))
        .schema()).isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("col(\"a\") is i64 on the left, col(\"s\") is str on the right");
    assertThatThrownBy(() -> Join.of(Tables.scan("t"), Tables.scan("u"), JoinOptions.leftOn("a", "b").rightOn("a"))
        .schema()).isInstanceOf(InvalidOperationException.class).hasMessageContaining("2 left keys but 1 right");
    assertThatThrownBy(() -> Join.of(Tables.scan("t"), Tables.scan("u"), JoinOptions.on("a").how(JoinType.SEMI)
        .validate(JoinOptions.Validate.ONE_TO_ONE)).schema())
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("1:1 validation on a semi join");
  }
}
