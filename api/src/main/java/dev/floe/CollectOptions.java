package dev.floe;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Options of {@link LazyFrame#collect(CollectOptions)}, as Polars' {@code collect(...)} keywords:
 * optimizer rules switched off by name ({@code "constant_folding"}, {@code
 * "eliminate_redundant_projection"}, {@code "eliminate_redundant_sort"}, {@code "filter_merge"},
 * {@code "predicate_pushdown"}, {@code "slice_pushdown"}, {@code "projection_pushdown"}, {@code
 * "common_subplan_elimination"}, {@code "common_subexpression_elimination"}; an unknown name is an
 * error listing the valid ones), {@code noOptimization} to run the plan as written, the rows per
 * morsel, the threads, and the most bytes the query may hold at once ({@code memoryLimit}; null:
 * {@link FloeConfig#memoryLimit()}).
 */
public record CollectOptions(Set<String> disabledRules, boolean noOptimization, int morselRows, Integer threads,
    Long memoryLimit) {
  /** Every rule on, morsels of 65,536 rows, the query pool's threads, the configured memory limit. */
  public static final CollectOptions DEFAULT = new CollectOptions(Set.of(), false, 65_536, null, null);

  public CollectOptions {
    disabledRules = Set.copyOf(new LinkedHashSet<>(disabledRules));
    if (morselRows <= 0) {
      throw new IllegalArgumentException("morselRows must be positive, got " + morselRows);
    }
    if (threads != null && threads <= 0) {
      throw new IllegalArgumentException("threads must be positive, got " + threads);
    }
    if (memoryLimit != null && memoryLimit <= 0) {
      throw new IllegalArgumentException("memoryLimit must be positive, got " + memoryLimit);
    }
  }

  /** These options with the named rules switched off as well. */
  public CollectOptions withoutRules(String... names) {
    Set<String> rules = new LinkedHashSet<>(disabledRules);
    rules.addAll(List.of(names));
    return new CollectOptions(rules, noOptimization, morselRows, threads, memoryLimit);
  }

  /** These options with the optimizer skipped altogether ({@code true}) or run. */
  public CollectOptions withNoOptimization(boolean skip) {
    return new CollectOptions(disabledRules, skip, morselRows, threads, memoryLimit);
  }

  /** These options with morsels of {@code rows} rows. */
  public CollectOptions withMorselRows(int rows) {
    return new CollectOptions(disabledRules, noOptimization, rows, threads, memoryLimit);
  }

  /**
   * These options with the query run on {@code count} threads (null: the query pool's size,
   * {@code -Dfloe.threads} or {@code FLOE_MAX_THREADS}); a pool per distinct count is kept.
   */
  public CollectOptions withThreads(Integer count) {
    return new CollectOptions(disabledRules, noOptimization, morselRows, count, memoryLimit);
  }

  /**
   * These options with the query limited to {@code bytes} bytes held at once (null: {@link
   * FloeConfig#memoryLimit()}). A query that needs more fails with a {@link
   * dev.floe.errors.FloeOutOfMemoryException} naming the operator that asked; the result, once
   * returned, is accounted to the caller's allocator and no longer counts.
   */
  public CollectOptions withMemoryLimit(Long bytes) {
    return new CollectOptions(disabledRules, noOptimization, morselRows, threads, bytes);
  }
}
