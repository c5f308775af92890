package dev.floe.planner.optimizer;

import dev.floe.memory.types.Schema;
import dev.floe.planner.plan.LogicalPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs an ordered list of {@link OptimizerRule}s over a plan until a whole pass changes nothing (a
 * fixed point) or {@code maxPasses} passes ran; then, once, projection pushdown puts a select
 * right above each scan whose predicate reads columns nobody above needs (see {@link
 * ProjectionPushdown#ProjectionPushdown(boolean)}). Each rule is given the root and rewrites the whole
 * tree itself. After every rule that changed the plan the driver checks that the plan still
 * resolves and that its output schema (names, order and types) is the one it started with; a rule
 * that breaks this has a bug, and the driver throws an {@link IllegalStateException} naming it.
 * Rules can be switched off by name ({@link #without}); every application is timed and recorded in
 * the {@link OptimizerReport}. Instances are immutable.
 */
public final class Optimizer {
  /** Enough for the default rules, which reach their fixed point in two or three passes. */
  public static final int DEFAULT_MAX_PASSES = 10;

  private final List<OptimizerRule> rules;
  private final Set<String> disabled;
  private final int maxPasses;

  public Optimizer(List<OptimizerRule> rules, int maxPasses) {
    this(rules, Set.of(), maxPasses);
  }

  private Optimizer(List<OptimizerRule> rules, Set<String> disabled, int maxPasses) {
    if (maxPasses < 1) {
      throw new IllegalArgumentException("the optimizer needs at least one pass, got " + maxPasses);
    }
    Set<String> names = new HashSet<>();
    for (OptimizerRule rule : rules) {
      if (!names.add(rule.name())) {
        throw new IllegalArgumentException("two optimizer rules are named '" + rule.name() + "'");
      }
    }
    this.rules = List.copyOf(rules);
    this.disabled = Set.copyOf(disabled);
    this.maxPasses = maxPasses;
  }

  /**
   * The standard rules, in order: first the simplifications (constant folding, which also drops
   * filters on {@code true}, then redundant selects and sorts), so that the pushdowns see the
   * simpler plan; then filters merge, move down (into scans), slices move into the scans' limits
   * (after the predicates, whose scan applies them first). Then repeated subplans become shared
   * caches: before the projections, so that two occurrences that read different columns of the same
   * subplan (TPC-H Q17's join of part and lineitem, read for its average and for its rows) are still
   * found equal, and projection pushdown then prunes the cache to the union of what its readers need.
   * Then the projections, which count the columns of the predicates already pushed, and last
   * repeated subexpressions within one select or with_columns are computed once (after the
   * pushdowns, which drop the expressions nobody reads, so only real repeats are left).
   */
  public static Optimizer defaults() {
    return new Optimizer(List.of(new ConstantFolding(), new EliminateRedundantProjection(),
        new EliminateRedundantSort(), new SortedGroupHead(), new FilterMerge(), new PredicatePushdown(), new SlicePushdown(),
        new CommonSubplanElimination(), new ProjectionPushdown(), new CommonSubexpressionElimination()),
        DEFAULT_MAX_PASSES);
  }

  /** The names of all rules, in the order they run (switched-off ones included). */
  public List<String> ruleNames() {
    return rules.stream().map(OptimizerRule::name).toList();
  }

  /** This optimizer with the named rules switched off; an unknown name is an error listing the valid ones. */
  public Optimizer without(String... names) {
    Set<String> off = new LinkedHashSet<>(disabled);
    for (String name : names) {
      if (!ruleNames().contains(name)) {
        throw new IllegalArgumentException(
            "no optimizer rule '" + name + "'; rules are: " + String.join(", ", ruleNames()));
      }
      off.add(name);
    }
    return new Optimizer(rules, off, maxPasses);
  }

  /** {@code plan} rewritten by the enabled rules, with the report of what they did. */
  public Optimized optimize(LogicalPlan plan) {
    Schema expected = plan.schema();
    List<OptimizerReport.RuleRun> runs = new ArrayList<>();
    LogicalPlan current = plan;
    int pass = 0;
    boolean fixedPoint = false;
    while (!fixedPoint && pass < maxPasses) {
      pass++;
      boolean changed = false;
      for (OptimizerRule rule : rules) {
        if (disabled.contains(rule.name())) {
          continue;
        }
        long start = System.nanoTime();
        LogicalPlan result = rule.rewrite(current);
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        boolean fired = result != current;
        if (fired) {
          checkSchema(rule, expected, result);
          current = result;
          changed = true;
        }
        runs.add(new OptimizerReport.RuleRun(pass, rule.name(), fired, time));
      }
      fixedPoint = !changed;
    }
    if (!disabled.contains("projection_pushdown") && rules.stream().anyMatch(r -> r instanceof ProjectionPushdown)) {
      // once, at the end: columns only a scan's predicate reads are dropped right above the scan
      long start = System.nanoTime();
      LogicalPlan result = new ProjectionPushdown(true).rewrite(current);
      boolean fired = result != current;
      if (fired) { // reported only when it changed something, as part of the last pass
        checkSchema(new ProjectionPushdown(true), expected, result);
        current = result;
        runs.add(new OptimizerReport.RuleRun(pass, "projection_pushdown", true, Duration.ofNanos(System.nanoTime() - start)));
      }
    }
    List<String> off = ruleNames().stream().filter(disabled::contains).toList();
    return new Optimized(current, new OptimizerReport(runs, pass, fixedPoint, off));
  }

  private static void checkSchema(OptimizerRule rule, Schema expected, LogicalPlan result) {
    Schema actual;
    try {
      actual = result.schema();
    } catch (RuntimeException invalid) {
      throw new IllegalStateException("optimizer rule '" + rule.name()
          + "' produced a plan that does not resolve (a bug in the rule): " + invalid.getMessage(), invalid);
    }
    if (!actual.names().equals(expected.names()) || !actual.types().equals(expected.types())) {
      throw new IllegalStateException("optimizer rule '" + rule.name() + "' changed the output schema from "
          + describe(expected) + " to " + describe(actual) + " (a bug in the rule)");
    }
  }

  private static String describe(Schema schema) {
    List<String> fields = new ArrayList<>();
    for (int index = 0; index < schema.size(); index++) {
      fields.add(schema.field(index).name() + ": " + schema.field(index).type());
    }
    return "[" + String.join(", ", fields) + "]";
  }
}
