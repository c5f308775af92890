package dev.floe.planner.optimizer;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What an {@link Optimizer} run did: every rule application in order ({@code runs}: pass, rule,
 * whether it changed the plan, how long it took), the number of passes, whether the plan stopped
 * changing before the pass limit, and the rules that were switched off. Immutable; {@link
 * #describe()} is the text {@code explain()} prints under the plan.
 */
public record OptimizerReport(List<RuleRun> runs, int passes, boolean fixedPoint, List<String> disabled) {
  /** One application of one rule to the whole plan. */
  public record RuleRun(int pass, String rule, boolean fired, Duration time) {}

  public OptimizerReport {
    runs = List.copyOf(runs);
    disabled = List.copyOf(disabled);
  }

  /** The applications that changed the plan, in order. */
  public List<RuleRun> fired() {
    return runs.stream().filter(RuleRun::fired).toList();
  }

  /** The names of the rules that changed the plan at least once, in order of their first change. */
  public List<String> firedRules() {
    return List.copyOf(new LinkedHashSet<>(fired().stream().map(RuleRun::rule).toList()));
  }

  /** The time {@code rule} took over all passes (zero for a rule that did not run). */
  public Duration time(String rule) {
    return runs.stream().filter(run -> run.rule().equals(rule)).map(RuleRun::time)
        .reduce(Duration.ZERO, Duration::plus);
  }

  /**
   * One line for the run, one per pass naming the rules that fired with their times:
   *
   * <pre>
   * optimizer: 2 passes, fixed point
   *   pass 1: predicate_pushdown 0.120 ms, projection_pushdown 0.085 ms
   *   pass 2: nothing fired
   * </pre>
   */
  public String describe() {
    StringBuilder text = new StringBuilder("optimizer: " + passes + (passes == 1 ? " pass, " : " passes, ")
        + (fixedPoint ? "fixed point" : "stopped at the pass limit"));
    if (!disabled.isEmpty()) {
      text.append(", disabled: ").append(String.join(", ", disabled));
    }
    text.append('\n');
    for (int pass = 1; pass <= passes; pass++) {
      int current = pass;
      List<String> fired = fired().stream().filter(run -> run.pass() == current)
          .map(run -> run.rule() + " " + String.format(Locale.ROOT, "%.3f ms", run.time().toNanos() / 1e6))
          .toList();
      text.append("  pass ").append(pass).append(": ")
          .append(fired.isEmpty() ? "nothing fired" : String.join(", ", fired)).append('\n');
    }
    return text.toString();
  }
}
