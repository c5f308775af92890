package dev.floe.planner.optimizer;

import dev.floe.planner.plan.Cache;
import dev.floe.planner.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subplan that occurs more than once (the same scan read twice, {@code concat(lf, lf)}, a frame
 * joined with itself) runs once: every occurrence of the largest repeated subtrees becomes a
 * {@link Cache} of one shared id, which the engine computes once per query and whose readers
 * share the buffers.
 *
 * <pre>
 * UNION 2 INPUTS                 UNION 2 INPUTS
 *   FILTER p                       CACHE k
 *     SCAN t           =&gt;            FILTER p
 *   FILTER p                             SCAN t
 *     SCAN t                       CACHE k
 *                                    FILTER p
 *                                      SCAN t
 * </pre>
 *
 * Subtrees are equal as records (expressions by value, sources by identity). Existing caches, and
 * subtrees that hold one, are left alone. New ids count up from {@code Long.MIN_VALUE}, skipping ids the
 * plans use, so they never meet a user's {@code cache()}. It runs after the predicate and slice
 * pushdowns, so what is shared is what each occurrence reads after them, and before projection
 * pushdown, which then prunes the cache to what all its readers need (after it, two readers of
 * different columns would no longer look alike). {@link #shareAll} does the same over several plans run together.
 */
public final class CommonSubplanElimination implements OptimizerRule {
  @Override
  public String name() {
    return "common_subplan_elimination";
  }

  @Override
  public LogicalPlan rewrite(LogicalPlan plan) {
    return shareAll(List.of(plan)).getFirst();
  }

  /** The plans with every subtree repeated within or across them cached under one id. */
  public static List<LogicalPlan> shareAll(List<LogicalPlan> plans) {
    Map<LogicalPlan, Integer> counts = new HashMap<>();
    Set<Long> used = new HashSet<>();
    for (LogicalPlan plan : plans) {
      count(plan, counts, used);
    }
    if (counts.values().stream().noneMatch(count -> count > 1)) {
      return plans;
    }
    Map<LogicalPlan, Long> ids = new HashMap<>();
    long[] next = {Long.MIN_VALUE};
    List<LogicalPlan> shared = new ArrayList<>(plans.size());
    for (LogicalPlan plan : plans) {
      shared.add(share(plan, counts, ids, used, next));
    }
    return shared;
  }

  /**
   * Counts the subtrees of {@code plan} that hold no cache (a subtree over a cache shares little
   * more than the cache already does, and wrapping it again would nest caches pass after pass);
   * records every cache id in the tree; returns whether {@code plan} holds a cache.
   */
  private static boolean count(LogicalPlan plan, Map<LogicalPlan, Integer> counts, Set<Long> used) {
    if (plan instanceof Cache cache) {
      used.add(cache.id());
      count(cache.input(), new HashMap<>(), used); // ids only: nothing inside a cache is shared again
      return true;
    }
    boolean holdsCache = false;
    for (LogicalPlan input : plan.inputs()) {
      holdsCache |= count(input, counts, used);
    }
    if (!holdsCache) {
      counts.merge(plan, 1, Integer::sum);
    }
    return holdsCache;
  }

  private static LogicalPlan share(LogicalPlan plan, Map<LogicalPlan, Integer> counts, Map<LogicalPlan, Long> ids,
      Set<Long> used, long[] next) {
    if (plan instanceof Cache) {
      return plan;
    }
    if (counts.getOrDefault(plan, 0) > 1) {
      Long id = ids.get(plan);
      if (id == null) {
        while (used.contains(next[0])) {
          next[0]++;
        }
        id = next[0]++;
        used.add(id);
        ids.put(plan, id);
      }
      return new Cache(plan, id);
    }
    return PlanTrees.mapInputs(plan, input -> share(input, counts, ids, used, next));
  }
}
