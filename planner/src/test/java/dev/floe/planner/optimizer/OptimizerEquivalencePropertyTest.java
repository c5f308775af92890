package dev.floe.planner.optimizer;

import static dev.floe.planner.expr.Exprs.col;
import static dev.floe.planner.expr.Exprs.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Exprs;
import dev.floe.planner.expr.FrameLength;
import dev.floe.planner.plan.Cache;
import dev.floe.planner.plan.Aggregate;
import dev.floe.planner.plan.Distinct;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.Join;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinType;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Scan;
import dev.floe.planner.plan.ScanSource;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.Slice;
import dev.floe.planner.plan.Sort;
import dev.floe.planner.plan.Union;
import dev.floe.planner.plan.WithColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Random plans over two small random tables give the same rows, in the same order, before and
 * after the default optimizer, evaluated by the {@link PlanInterpreter}; and the optimized plan is
 * a fixed point. The plans mix every node with row-wise and order-dependent expressions (cumSum,
 * sum, mean), repeated subexpressions, tails, nulls and keep-none uniques, so that a rule moving
 * something it must not shows up as different rows.
 */
class OptimizerEquivalencePropertyTest {
  private static final Scan T = Tables.scan("t");
  private static final Scan U = Tables.scan("u");

  private static final List<Expr> PREDICATES = List.of(col("a").gt(1), col("d").lt(3), col("b").gt(0.5),
      col("s").eq("x"), col("a").gt(1).and(col("s").eq("y")), col("b").gt(col("b").mean()),
      col("d").cumSum().gt(4), col("^a$").gt(2), col("a").mul(2).gt(col("d")).and(col("b").lt(0.8)),
      // for constant folding
      col("a").gt(1).and(true), col("d").lt(3).or(false), col("a").gt(1).and(false), col("s").eq("x").or(true),
      lit(1).lt(2), lit(2).add(3).gt(col("a")), col("a").isNull().not().not(), lit(true).and(col("b").gt(0.5)));

  private static final List<List<Expr>> SELECTS = List.of(
      List.of(col("a"), col("b"), col("s"), col("d")),
      List.of(col("d").alias("a"), col("b"), col("s"), col("a").alias("d")),
      List.of(Exprs.all()),
      List.of(col("a").add(1).alias("a"), col("b"), col("s"), col("d")),
      List.of(col("a"), col("b").mul(2).alias("b"), col("s"), col("d")),
      List.of(col("a"), col("b"), col("s"), col("d").cumSum().alias("d")),
      List.of(col("a"), col("b"), col("s"), col("d").sum().alias("d")),
      List.of(col("a").mul(1), col("b").sub(0), col("s"), col("d").add(lit(1).sub(1))),
      List.of(lit(1).mul(col("a")).alias("a"), col("b").mul(lit(2).sub(1)), col("s"), col("d")),
      // for common subexpression elimination (of more than plain arithmetic, which it leaves to the
      // engine's fused arithmetic): a repeat, and one inside an aggregation
      List.of(col("a").mul(col("d")).abs().add(1).alias("a"), col("b"), col("s"),
          col("a").mul(col("d")).abs().sub(col("a")).alias("d")),
      List.of(col("a"), col("b").mul(2).abs().mean().add(col("b").mul(2).abs()).alias("b"), col("s"), col("d")));

  private static final List<List<Expr>> WITH_COLUMNS = List.of(
      List.of(col("a").mul(2).alias("a")),
      List.of(col("d").cumSum().alias("d")),
      List.of(col("b").sum().alias("b")),
      List.of(col("a").alias("d"), col("d").alias("a")),
      List.of(col("a").add(lit(2).mul(3)).alias("a"), col("d").add(0)),
      // for common subexpression elimination: a repeat, and a repeat inside a repeat
      List.of(col("a").add(col("d")).abs().mul(2).alias("a"), col("a").add(col("d")).abs().sub(1).alias("d")),
      List.of(col("a").mul(col("d")).abs().add(1).alias("a"),
          col("a").mul(col("d")).abs().add(1).mul(col("a").mul(col("d")).abs()).alias("d")),
      List.of(col("a").add(col("d")).alias("e"), col("s").alias("f")));

  private static final List<List<Expr>> ROOTS = List.of(List.of(col("b")), List.of(col("d"), col("a")),
      List.of(col("s")), List.of(new FrameLength()), List.of(col("a").sum()));

  @Property(tries = 400)
  void optimizedPlansGiveTheSameRows(@ForAll long seed) {
    Random random = new Random(seed);
    Map<ScanSource, List<List<Object>>> tables = new HashMap<>();
    tables.put(T.source(), rows(random));
    tables.put(U.source(), rows(random));
    LogicalPlan plan = plan(random, 4);
    if (random.nextInt(3) == 0) {
      plan = joined(plan, random);
    }
    if (random.nextBoolean()) {
      plan = new Select(plan, ROOTS.get(random.nextInt(ROOTS.size())));
    }
    Optimized optimized = Optimizer.defaults().optimize(plan);
    PlanInterpreter interpreter = new PlanInterpreter(tables);
    String context = "seed " + seed + "\n" + PlanPrinter.print(plan) + "optimized:\n"
        + PlanPrinter.print(optimized.plan());
    assertThat(interpreter.run(optimized.plan())).as(context).isEqualTo(interpreter.run(plan));
    assertThat(optimized.report().fixedPoint()).as(context).isTrue();
  }

  /** The generator gives every rule plans to rewrite (else the property would not test it). */
  @Test
  void everyRuleFiresOnSomeGeneratedPlans() {
    Map<String, Integer> fired = new HashMap<>();
    for (long seed = 0; seed < 400; seed++) {
      Random random = new Random(seed);
      rows(random);
      rows(random);
      for (String rule : Optimizer.defaults().optimize(plan(random, 4)).report().firedRules()) {
        fired.merge(rule, 1, Integer::sum);
      }
    }
    for (String rule : Optimizer.defaults().ruleNames()) {
      if (rule.equals("sorted_group_head")) {
        // its plans (heads per group: list columns, groups in another order) are outside this
        // generator's four-column frames compared in order; SortedGroupHeadTest has its golden plans
        // and api's SortedGroupHeadDifferentialTest runs it against the plan without it
        continue;
      }
      assertThat(fired.getOrDefault(rule, 0)).as(rule + " fired on " + fired).isGreaterThanOrEqualTo(5);
    }
  }

  private static LogicalPlan plan(Random random, int depth) {
    if (depth == 0 || random.nextInt(5) == 0) {
      return random.nextBoolean() ? T : U;
    }
    LogicalPlan input = plan(random, depth - 1);
    return switch (random.nextInt(10)) {
      case 8 -> aggregate(input, random);
      case 0, 1 -> new Filter(input, PREDICATES.get(random.nextInt(PREDICATES.size())));
      case 2 -> new Select(input, SELECTS.get(random.nextInt(SELECTS.size())));
      case 3 -> withColumns(input, random);
      case 4 -> sort(input, random);
      case 5 -> new Slice(input, random.nextInt(8) - 3, random.nextInt(7));
      case 6 -> new Distinct(input, List.of(List.<String>of(), List.of("a"), List.of("s", "d")).get(random.nextInt(3)),
          random.nextBoolean() ? Distinct.Keep.FIRST : Distinct.Keep.NONE, true);
      case 7 -> random.nextBoolean() ? new Union(List.of(input, plan(random, depth - 1))) : sharedCache(input, random);
      default -> new Cache(input, random.nextLong());
    };
  }

  /**
   * A group-by that keeps the four columns' names and types (a select puts them back in order):
   * by a and s with sums of b and d, or by s with a sum of a, a mean of b and a sum of d.
   */
  private static LogicalPlan aggregate(LogicalPlan input, Random random) {
    Aggregate aggregate = random.nextBoolean()
        ? new Aggregate(input, List.of(col("a"), col("s")), List.of(col("b").sum(), col("d").sum()), true)
        : new Aggregate(input, List.of(col("s")), List.of(col("a").sum(), col("b").mean(), col("d").sum()), true);
    return new Select(aggregate, List.of(col("a"), col("b"), col("s"), col("d")));
  }

  private static final List<JoinType> JOIN_TYPES = List.of(JoinType.values());

  /** {@code plan} joined with another random plan, sometimes filtered (the filter may move into either side). */
  private static LogicalPlan joined(LogicalPlan plan, Random random) {
    LogicalPlan join = join(plan, plan(random, 3), random);
    return random.nextBoolean() ? new Filter(join, PREDICATES.get(random.nextInt(PREDICATES.size()))) : join;
  }

  /**
   * A join of two plans on a (or on s and a), of any type, selected back to the four columns (some
   * taken from the right side: their filters may move there); sometimes with nulls equal, a kept
   * right key or the right order.
   */
  private static LogicalPlan join(LogicalPlan left, LogicalPlan right, Random random) {
    if (random.nextInt(4) == 0) {
      return asofJoin(left, right, random);
    }
    JoinType how = JOIN_TYPES.get(random.nextInt(JOIN_TYPES.size()));
    JoinOptions options = how == JoinType.CROSS ? JoinOptions.cross()
        : random.nextBoolean() ? JoinOptions.on("a") : JoinOptions.on("s", "a");
    options = options.how(how).nullsEqual(random.nextInt(3) == 0)
        .coalesce(random.nextInt(4) == 0 ? Boolean.FALSE : null)
        .maintainOrder(random.nextInt(4) == 0 ? JoinOptions.MaintainOrder.RIGHT : JoinOptions.MaintainOrder.LEFT);
    LogicalPlan join = Join.of(left, right, options);
    if (how == JoinType.SEMI || how == JoinType.ANTI) {
      return join;
    }
    boolean fromRight = random.nextBoolean();
    return new Select(join, List.of(col("a"), fromRight ? col("b_right").alias("b") : col("b"), col("s"),
        fromRight ? col("d_right").alias("d") : col("d")));
  }

  /**
   * An as-of join on a (sometimes by s), any strategy, sometimes with a tolerance, without exact
   * matches or with the right key kept, selected back to the four columns (some from the right).
   */
  private static LogicalPlan asofJoin(LogicalPlan left, LogicalPlan right, Random random) {
    dev.floe.planner.plan.AsofJoinOptions options = dev.floe.planner.plan.AsofJoinOptions.on("a")
        .strategy(dev.floe.planner.plan.AsofStrategy.values()[random.nextInt(3)])
        .allowExactMatches(random.nextInt(3) != 0).coalesce(random.nextInt(4) != 0);
    if (random.nextBoolean()) {
      options = options.by("s");
    }
    if (random.nextInt(3) == 0) {
      options = options.tolerance(random.nextInt(3));
    }
    LogicalPlan join = new dev.floe.planner.plan.AsofJoin(left, right, options);
    boolean fromRight = random.nextBoolean();
    return new Select(join, List.of(col("a"), fromRight ? col("b_right").alias("b") : col("b"), col("s"),
        fromRight ? col("d_right").alias("d") : col("d")));
  }

  /** A sort by a or by s, b; sometimes over a sort with the very same keys and flags. */
  private static LogicalPlan sort(LogicalPlan input, Random random) {
    List<Expr> by = random.nextBoolean() ? List.of(col("a")) : List.of(col("s"), col("b"));
    List<Boolean> descending = by.size() == 1 ? List.of(random.nextBoolean()) : List.of(random.nextBoolean(), false);
    boolean nullsLast = random.nextBoolean();
    LogicalPlan inner = random.nextInt(3) == 0 ? new Sort(input, by, descending, nullsLast, true) : input;
    return new Sort(inner, by, descending, nullsLast, true);
  }

  /** One cache read twice, by readers that need different columns. */
  private static LogicalPlan sharedCache(LogicalPlan input, Random random) {
    Cache cache = new Cache(input, random.nextLong());
    LogicalPlan first = new Select(new Filter(cache, PREDICATES.get(random.nextInt(PREDICATES.size()))),
        List.of(col("d").alias("a"), col("b"), col("s"), col("a").alias("d")));
    return new Union(List.of(first, new WithColumns(cache, List.of(col("b").mul(2).alias("b")))));
  }

  /** A with_columns that keeps the four columns' names and types (extra columns are selected away). */
  private static LogicalPlan withColumns(LogicalPlan input, Random random) {
    List<Expr> exprs = WITH_COLUMNS.get(random.nextInt(WITH_COLUMNS.size()));
    LogicalPlan with = new WithColumns(input, exprs);
    return exprs == WITH_COLUMNS.getLast()
        ? new Select(with, List.of(col("a"), col("b"), col("s"), col("d"))) : with;
  }

  private static List<List<Object>> rows(Random random) {
    List<List<Object>> rows = new ArrayList<>();
    int count = random.nextInt(9);
    for (int row = 0; row < count; row++) {
      rows.add(Arrays.asList(
          random.nextInt(6) == 0 ? null : (long) random.nextInt(6),
          random.nextInt(6) == 0 ? null : random.nextInt(5) * 0.25,
          random.nextInt(5) == 0 ? null : random.nextBoolean() ? "x" : "y",
          random.nextInt(6) == 0 ? null : (long) random.nextInt(5)));
    }
    return rows;
  }
}
