package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.memory.types.DataType;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.Slice;
import dev.floe.planner.plan.WithColumns;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The driver runs the rules to a fixed point within its pass limit, skips switched-off rules
 * (unknown names are an error listing the valid ones), catches a rule that changes the output
 * schema and reports which rules fired; the default rules turn a head of a filtered projection
 * into one scan that projects, filters and limits.
 */
class OptimizerTest {
  /** Slice(Select(Filter(Scan(16 columns), a > 3), [b]), 0, 5). */
  private static LogicalPlan headOfFilteredProjection() {
    return new Slice(new Select(new Filter(Tables.wide(16), col("a").gt(3)), List.of(col("b"))), 0, 5);
  }

  @Test
  void pushesProjectionPredicateAndLimitIntoTheScan() {
    Optimized optimized = Optimizer.defaults().optimize(headOfFilteredProjection());
    // the scan applies its predicate before its limit, so both may go in; the predicate's column is read
    assertThat(PlanPrinter.print(optimized.plan())).isEqualTo("""
        SELECT [col("b")]
          DF wide [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p]
            PROJECT 2/16 COLUMNS [a, b]
            SELECTION col("a") > 3
            LIMIT 5
        """);
    OptimizerReport report = optimized.report();
    assertThat(report.firedRules()).containsExactly("predicate_pushdown", "slice_pushdown", "projection_pushdown");
    assertThat(report.fixedPoint()).isTrue();
    assertThat(report.passes()).isEqualTo(2);
    assertThat(report.runs()).hasSize(20); // 10 rules, 2 passes
    assertThat(report.runs().subList(10, 20)).noneMatch(OptimizerReport.RuleRun::fired);
    assertThat(report.time("predicate_pushdown"))
        .isEqualTo(report.runs().get(5).time().plus(report.runs().get(15).time()));
    assertThat(report.time("no_such_rule")).isZero();
    assertThat(report.describe()).startsWith("optimizer: 2 passes, fixed point\n  pass 1: predicate_pushdown ")
        .endsWith("  pass 2: nothing fired\n");
  }

  @Test
  void aPlanWithNothingToDoTakesOnePassAndComesBackAsItself() {
    LogicalPlan plan = new Filter(new Slice(Tables.scan(), -2, 2), col("a").gt(1));
    Optimized optimized = Optimizer.defaults().optimize(plan);
    assertThat(optimized.plan()).isSameAs(plan);
    assertThat(optimized.report().passes()).isEqualTo(1);
    assertThat(optimized.report().firedRules()).isEmpty();
  }

  @Test
  void switchedOffRulesDoNotRunAndUnknownNamesListTheValidOnes() {
    Optimized optimized = Optimizer.defaults().without("slice_pushdown", "projection_pushdown")
        .optimize(headOfFilteredProjection());
    assertThat(PlanPrinter.print(optimized.plan())).isEqualTo("""
        SLICE offset=0, length=5
          SELECT [col("b")]
            DF wide [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p]
              SELECTION col("a") > 3
        """);
    assertThat(optimized.report().disabled()).containsExactly("slice_pushdown", "projection_pushdown");
    assertThat(optimized.report().runs()).extracting(OptimizerReport.RuleRun::rule)
        .doesNotContain("slice_pushdown", "projection_pushdown");
    assertThat(optimized.report().describe()).contains("disabled: slice_pushdown, projection_pushdown");
    assertThatThrownBy(() -> Optimizer.defaults().without("limit_pushdown"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no optimizer rule 'limit_pushdown'; rules are: constant_folding, "
            + "eliminate_redundant_projection, eliminate_redundant_sort, sorted_group_head, filter_merge, predicate_pushdown, "
            + "slice_pushdown, common_subplan_elimination, projection_pushdown, common_subexpression_elimination");
  }

  /** A broken rule: casts the first output column to f64 (once: it leaves a with_columns root alone). */
  private record CastFirstColumn() implements OptimizerRule {
    @Override
    public String name() {
      return "cast_first_column";
    }

    @Override
    public LogicalPlan rewrite(LogicalPlan plan) {
      if (plan instanceof WithColumns) {
        return plan;
      }
      String first = plan.schema().names().getFirst();
      return new WithColumns(plan, List.of(col(first).cast(DataType.FLOAT64)));
    }
  }

  /** A broken rule: points a select at a column that does not exist, so the plan no longer resolves. */
  private record BadReference() implements OptimizerRule {
    @Override
    public String name() {
      return "bad_reference";
    }

    @Override
    public LogicalPlan rewrite(LogicalPlan plan) {
      return plan instanceof Select select ? new Select(select.input(), List.of(col("missing"))) : plan;
    }
  }

  @Test
  void aRuleThatChangesTheSchemaOrBreaksThePlanIsCaughtByName() {
    Optimizer casting = new Optimizer(List.of(new CastFirstColumn()), 3);
    assertThatThrownBy(() -> casting.optimize(Tables.scan()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("optimizer rule 'cast_first_column' changed the output schema from [a: ")
        .hasMessageContaining("a bug in the rule");
    Optimizer breaking = new Optimizer(List.of(new BadReference()), 3);
    assertThatThrownBy(() -> breaking.optimize(new Select(Tables.scan(), List.of(col("a")))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("optimizer rule 'bad_reference' produced a plan that does not resolve")
        .hasMessageContaining("missing");
  }

  /** A rule that never settles: wraps the plan in one more slice every time. */
  private record EndlessSlices() implements OptimizerRule {
    @Override
    public String name() {
      return "endless_slices";
    }

    @Override
    public LogicalPlan rewrite(LogicalPlan plan) {
      return new Slice(plan, 0, 10);
    }
  }

  @Test
  void stopsAtThePassLimitAndSaysSo() {
    Optimized optimized = new Optimizer(List.of(new EndlessSlices()), 3).optimize(Tables.scan());
    assertThat(optimized.report().passes()).isEqualTo(3);
    assertThat(optimized.report().fixedPoint()).isFalse();
    assertThat(optimized.report().fired()).hasSize(3);
    assertThat(optimized.report().describe()).startsWith("optimizer: 3 passes, stopped at the pass limit");
    assertThatThrownBy(() -> new Optimizer(List.of(new EndlessSlices(), new EndlessSlices()), 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'endless_slices'");
  }
}
