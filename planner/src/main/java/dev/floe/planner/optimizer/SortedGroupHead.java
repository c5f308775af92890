package dev.floe.planner.optimizer;

import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Alias;
import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ReshapeFunction;
import dev.floe.planner.expr.ReshapeOp;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.plan.Aggregate;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.Sort;
import java.util.ArrayList;
import java.util.List;

/**
 * A group-by without maintainOrder whose every aggregation is {@code col(x).head(n)} over a sort
 * by one numeric or temporal key sorts inside the groups instead, and the whole-input sort goes:
 *
 * <pre>
 * AGGREGATE [col("x").head(2)] BY [col("k")]
 *   SORT BY [col("v") DESC]
 *     input
 * =&gt;
 * AGGREGATE [col("x").sortBy(col("v"), [true], false).head(2)] BY [col("k")]
 *   input
 * </pre>
 *
 * A group's first n rows after a stable sort of the input are its first n rows in the sort's
 * order, which is what the group's own stable {@code sortBy} gives; the engine then keeps only
 * n rows per group in one pass (a top-n per group) rather than sorting and moving every row.
 * This is h2o's q8 ("largest two v3 by id6", written as sort then head as in Polars' solution),
 * which DuckDB answers with a per-partition window. Without maintainOrder the order of the
 * groups is unspecified (Polars' rule too), so the groups no longer following the sorted input
 * changes nothing promised. Keys must be row-wise (their values do not depend on row order), and
 * the sort key row-wise with a fixed-width numeric or temporal type; other aggregations, several
 * sort keys or string sort keys keep the sort.
 */
public final class SortedGroupHead implements OptimizerRule {
  @Override
  public String name() {
    return "sorted_group_head";
  }

  @Override
  public LogicalPlan rewrite(LogicalPlan plan) {
    return PlanTrees.transformUp(plan, SortedGroupHead::rewriteOne);
  }

  private static LogicalPlan rewriteOne(LogicalPlan plan) {
    if (!(plan instanceof Aggregate aggregate) || aggregate.maintainOrder()
        || !(aggregate.input() instanceof Sort sort) || sort.by().size() != 1
        || !RowWise.allRowWise(sort.by()) || !RowWise.allRowWise(aggregate.keys()) || aggregate.aggs().isEmpty()
        || !numericKey(sort)) {
      return plan;
    }
    List<Expr> aggs = new ArrayList<>();
    for (Expr agg : aggregate.aggs()) {
      Expr rewritten = sortedHead(agg, sort);
      if (rewritten == null) {
        return plan;
      }
      aggs.add(rewritten);
    }
    return new Aggregate(sort.input(), aggregate.keys(), aggs, false);
  }

  /** {@code col(x).head(n)} (aliased or not) sorted by the sort's key, or null for another expression. */
  private static Expr sortedHead(Expr agg, Sort sort) {
    if (agg instanceof Alias alias) {
      Expr inner = sortedHead(alias.input(), sort);
      return inner == null ? null : new Alias(inner, alias.outputName());
    }
    if (agg instanceof ReshapeFunction head && head.op() == ReshapeOp.HEAD && head.input() instanceof ColumnRef column) {
      Expr sorted = column.sortBy(sort.by(), sort.descending(), sort.nullsLast());
      return sorted.head((Long) head.arguments().getFirst());
    }
    return null;
  }

  private static boolean numericKey(Sort sort) {
    try {
      DataType type = new Resolver(sort.input().schema()).resolveOne(sort.by().getFirst()).type();
      return (type.isNumeric() || type.isTemporal()) && type.byteWidth() > 0 && type.byteWidth() <= 8
          && !(type instanceof DataType.Decimal128);
    } catch (RuntimeException unresolvable) {
      return false; // the analyzer reports it; this rule only rewrites plans it can type
    }
  }
}
