package dev.floe.planner.optimizer;

import dev.floe.planner.plan.LogicalPlan;

/**
 * One rewrite of a logical plan that keeps its result: same rows, same output columns (names,
 * order and types). The {@link Optimizer} hands a rule the root of the whole plan; the rule walks
 * the tree itself (pushdowns carry state from a node to its inputs, which a driver-side walk would
 * hide) and returns the very instance it was given when its pattern matched nowhere, so the driver
 * can tell "fired" from "unchanged" by identity.
 */
public interface OptimizerRule {
  /** The rule's name, as reports print it and {@link Optimizer#without} takes it. */
  String name();

  /** {@code plan} rewritten, or {@code plan} itself when nothing changed. */
  LogicalPlan rewrite(LogicalPlan plan);
}
