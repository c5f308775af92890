package dev.floe;

import dev.floe.planner.expr.Expr;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The groups of a {@link DataFrame}, waiting for their aggregations: Polars' {@code GroupBy}. Each
 * method runs the one-step lazy query ({@link LazyGroupBy}) over the frame on the engine, as the
 * eager {@code select} does, so eager and lazy group-bys share one implementation. Immutable; the
 * frame must still be open when an aggregation runs.
 */
public final class GroupBy {
  /** Eager steps run as written: one step over an in-memory frame leaves nothing to optimize. */
  private static final CollectOptions EAGER = CollectOptions.DEFAULT.withNoOptimization(true);

  private final DataFrame frame;
  private final LazyGroupBy lazy;

  GroupBy(DataFrame frame, LazyGroupBy lazy) {
    this.frame = frame;
    this.lazy = lazy;
  }

  /** Only the groups where the aggregate predicates are true (Polars' {@code having}). */
  public GroupBy having(Expr... predicates) {
    return new GroupBy(frame, lazy.having(predicates));
  }

  /** One row per group: the keys, then each expression over the group's rows. */
  public DataFrame agg(Expr... aggs) {
    return agg(Arrays.asList(aggs));
  }

  /** One row per group: the keys, then each expression over the group's rows. */
  public DataFrame agg(List<? extends Expr> aggs) {
    return run(groups -> groups.agg(aggs));
  }

  public DataFrame sum() {
    return run(LazyGroupBy::sum);
  }

  public DataFrame mean() {
    return run(LazyGroupBy::mean);
  }

  public DataFrame min() {
    return run(LazyGroupBy::min);
  }

  public DataFrame max() {
    return run(LazyGroupBy::max);
  }

  public DataFrame first() {
    return run(LazyGroupBy::first);
  }

  public DataFrame last() {
    return run(LazyGroupBy::last);
  }

  public DataFrame median() {
    return run(LazyGroupBy::median);
  }

  public DataFrame nUnique() {
    return run(LazyGroupBy::nUnique);
  }

  /** The number of rows of each group, in a column "len". */
  public DataFrame len() {
    return run(LazyGroupBy::len);
  }

  /** The number of rows of each group, in a column "count". */
  public DataFrame count() {
    return run(LazyGroupBy::count);
  }

  private DataFrame run(Function<LazyGroupBy, LazyFrame> step) {
    LazyFrame query = step.apply(lazy);
    query.collectSchema(); // analysis errors (unknown columns, types) before any work
    return query.collect(EAGER);
  }
}
