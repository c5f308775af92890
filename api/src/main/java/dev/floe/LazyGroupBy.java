package dev.floe;

import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Exprs;
import dev.floe.planner.plan.Aggregate;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.Select;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The groups of a {@link LazyFrame}, waiting for their aggregations: Polars' {@code
 * LazyGroupBy}. {@link #agg} records an aggregate step (one row per group: the keys, then one column
 * per expression); the shortcuts ({@link #sum()}, {@link #mean()}, ...) aggregate every column that
 * is not a key. {@link #having} keeps only the groups where an aggregate predicate holds. Immutable.
 */
public final class LazyGroupBy {
  private final LogicalPlan input;
  private final List<Expr> keys;
  private final GroupByOptions options;
  private final List<Expr> having;

  LazyGroupBy(LogicalPlan input, List<Expr> keys, GroupByOptions options, List<Expr> having) {
    this.input = input;
    this.keys = List.copyOf(keys);
    this.options = options;
    this.having = List.copyOf(having);
  }

  /**
   * Only the groups where {@code predicate}, an expression over each group's rows that reduces to
   * a bool ({@code col("x").sum().gt(10)}, {@code len().ge(2)}), is true (Polars' {@code having}).
   * Several calls and-combine.
   */
  public LazyGroupBy having(Expr... predicates) {
    List<Expr> all = new ArrayList<>(having);
    all.addAll(Arrays.asList(predicates));
    return new LazyGroupBy(input, keys, options, all);
  }

  /** One row per group: the keys, then each expression over the group's rows. */
  public LazyFrame agg(Expr... aggs) {
    return agg(Arrays.asList(aggs));
  }

  /** One row per group: the keys, then each expression over the group's rows. */
  public LazyFrame agg(List<? extends Expr> aggs) {
    if (having.isEmpty()) {
      return new LazyFrame(new Aggregate(input, keys, List.copyOf(aggs), options.maintainOrder()));
    }
    // the predicates become hidden aggregate columns, filtered on and then dropped
    Aggregate plain = new Aggregate(input, keys, List.copyOf(aggs), options.maintainOrder());
    List<String> visible = plain.schema().names();
    List<Expr> withHidden = new ArrayList<>(aggs);
    Expr condition = null;
    for (int index = 0; index < having.size(); index++) {
      String name = "__floe_having_" + index;
      withHidden.add(having.get(index).alias(name));
      condition = condition == null ? Exprs.col(name) : condition.and(Exprs.col(name));
    }
    LogicalPlan filtered = new Filter(new Aggregate(input, keys, withHidden, options.maintainOrder()), condition);
    return new LazyFrame(new Select(filtered, visible.stream().map(Exprs::col).toList()));
  }

  public LazyFrame sum() {
    return agg(Exprs.all().sum());
  }

  public LazyFrame mean() {
    return agg(Exprs.all().mean());
  }

  public LazyFrame min() {
    return agg(Exprs.all().min());
  }

  public LazyFrame max() {
    return agg(Exprs.all().max());
  }

  public LazyFrame first() {
    return agg(Exprs.all().first());
  }

  public LazyFrame last() {
    return agg(Exprs.all().last());
  }

  public LazyFrame median() {
    return agg(Exprs.all().median());
  }

  public LazyFrame nUnique() {
    return agg(Exprs.all().nUnique());
  }

  /** The number of rows of each group, in a column "len" (Polars' {@code len()}). */
  public LazyFrame len() {
    return agg(Floe.len());
  }

  /** The number of rows of each group, in a column "count" (Polars' deprecated {@code count()}). */
  public LazyFrame count() {
    return agg(Floe.len().alias("count"));
  }
}
