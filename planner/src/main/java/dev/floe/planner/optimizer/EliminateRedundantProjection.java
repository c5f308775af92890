package dev.floe.planner.optimizer;

import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.Select;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes selects that change nothing and merges a select of plain columns into the select below:
 *
 * <pre>
 * SELECT [col("a"), col("b"), col("s"), col("d")]      input [a, b, s, d]
 *   input [a, b, s, d]                           =&gt;
 *
 * SELECT [col("y"), col("a")]                           SELECT [col("b") + 1 AS y, col("a")]
 *   SELECT [col("a"), col("b") + 1 AS y, col("s")] =&gt;      input
 *     input
 * </pre>
 *
 * The first: every expression a bare {@code col(...)} (no alias), the input's columns exactly, in
 * order. The second: the outer expressions are bare columns (no selectors, no aliases), and each
 * picks the inner expression of that output name. Only when the inner select has one row per input
 * row computed from that row alone ({@link RowWise#keepsRows}), and so do the picked expressions:
 * {@code select(col("a"), lit(1).alias("x"))} under {@code select(col("x"))} has as many rows as
 * the input, {@code select(lit(1).alias("x"))} one; and a picked {@code col("a").sum()} would no
 * longer be broadcast. The inner expressions nobody picks are dropped, as projection pushdown does.
 */
public final class EliminateRedundantProjection implements OptimizerRule {
  @Override
  public String name() {
    return "eliminate_redundant_projection";
  }

  @Override
  public LogicalPlan rewrite(LogicalPlan plan) {
    return PlanTrees.transformUp(plan, EliminateRedundantProjection::simplify);
  }

  private static LogicalPlan simplify(LogicalPlan plan) {
    if (!(plan instanceof Select select)) {
      return plan;
    }
    List<String> columns = bareColumns(select.exprs());
    if (columns == null) {
      return plan;
    }
    if (columns.equals(select.input().schema().names())) {
      return select.input();
    }
    if (select.input() instanceof Select inner) {
      return merge(columns, inner, plan);
    }
    return plan;
  }

  /** The names of {@code exprs} when each is a bare {@code col(name)}, else null. */
  private static List<String> bareColumns(List<Expr> exprs) {
    if (exprs.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>(exprs.size());
    for (Expr expr : exprs) {
      if (!(expr instanceof ColumnRef column)) {
        return null;
      }
      names.add(column.columnName());
    }
    return names;
  }

  private static LogicalPlan merge(List<String> columns, Select inner, LogicalPlan unchanged) {
    if (Columns.hasSelector(inner.exprs()) || !RowWise.keepsRows(inner.exprs())) {
      return unchanged;
    }
    Map<String, Expr> byName = new HashMap<>();
    for (Expr expr : inner.exprs()) {
      if (byName.put(ExprTrees.outputName(expr), expr) != null) {
        return unchanged;
      }
    }
    List<Expr> picked = new ArrayList<>(columns.size());
    for (String column : columns) {
      Expr expr = byName.get(column);
      if (expr == null) {
        return unchanged;
      }
      picked.add(expr);
    }
    if (!RowWise.keepsRows(picked)) {
      return unchanged;
    }
    return PlanTrees.sameIfEqual(unchanged, new Select(inner.input(), picked));
  }
}
