package dev.floe.planner.optimizer;

import dev.floe.planner.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Walks over plans that keep unchanged subtrees as the same instances. */
final class PlanTrees {
  private PlanTrees() {}

  /** {@code plan} over its inputs mapped by {@code function}; {@code plan} itself when none changed. */
  static LogicalPlan mapInputs(LogicalPlan plan, UnaryOperator<LogicalPlan> function) {
    List<LogicalPlan> inputs = plan.inputs();
    if (inputs.isEmpty()) {
      return plan;
    }
    List<LogicalPlan> mapped = new ArrayList<>(inputs.size());
    boolean changed = false;
    for (LogicalPlan input : inputs) {
      LogicalPlan result = function.apply(input);
      changed |= result != input;
      mapped.add(result);
    }
    return changed ? plan.withInputs(mapped) : plan;
  }

  /** Rewrites the inputs first, then the node ({@code function} returns its argument if unchanged). */
  static LogicalPlan transformUp(LogicalPlan plan, UnaryOperator<LogicalPlan> function) {
    return function.apply(mapInputs(plan, input -> transformUp(input, function)));
  }

  /** {@code original} when {@code rewritten} equals it, so that structural no-ops do not count as firing. */
  static LogicalPlan sameIfEqual(LogicalPlan original, LogicalPlan rewritten) {
    return rewritten == original || rewritten.equals(original) ? original : rewritten;
  }
}
