package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.planner.plan.Cache;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.Union;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Repeated subtrees become one shared cache; plans without repeats, and repeats over caches, stay. */
class CommonSubplanEliminationTest {
  private static final CommonSubplanElimination RULE = new CommonSubplanElimination();

  @Test
  void aSubplanUsedTwiceBecomesOneSharedCache() {
    LogicalPlan filtered = new Filter(Tables.scan(), col("a").gt(1));
    LogicalPlan plan = new Union(List.of(filtered, new Filter(Tables.scan(), col("a").gt(1))));
    assertThat(PlanPrinter.print(RULE.rewrite(plan))).isEqualTo("""
        UNION 2 INPUTS
          CACHE -9223372036854775808
            FILTER col("a") > 1
              DF t [a, b, s, d]
          CACHE -9223372036854775808
            FILTER col("a") > 1
              DF t [a, b, s, d]
        """);
  }

  @Test
  void plansWithoutRepeatsAndRepeatsOverCachesStayAsTheyAre() {
    LogicalPlan distinct = new Union(List.of(new Filter(Tables.scan(), col("a").gt(1)),
        new Filter(Tables.scan("u"), col("a").gt(1))));
    assertThat(RULE.rewrite(distinct)).isSameAs(distinct);
    Cache cache = new Cache(Tables.scan(), Long.MIN_VALUE);
    LogicalPlan overCache = new Union(List.of(new Select(cache, List.of(col("a"))), new Select(cache, List.of(col("a")))));
    assertThat(RULE.rewrite(overCache)).isSameAs(overCache);
  }

  @Test
  void newIdsSkipTheIdsThePlansUse() {
    Cache user = new Cache(Tables.scan("u"), Long.MIN_VALUE);
    LogicalPlan plan = new Union(List.of(user, new Filter(Tables.scan(), col("a").gt(1)),
        new Filter(Tables.scan(), col("a").gt(1))));
    LogicalPlan shared = RULE.rewrite(plan);
    assertThat(((Cache) shared.inputs().get(1)).id()).isEqualTo(Long.MIN_VALUE + 1);
    assertThat(((Cache) shared.inputs().get(2)).id()).isEqualTo(Long.MIN_VALUE + 1);
  }
}
