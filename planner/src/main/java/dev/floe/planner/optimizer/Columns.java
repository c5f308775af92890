package dev.floe.planner.optimizer;

import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Alias;
import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.expr.Resolver;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Column bookkeeping for the rules: selectors expanded against the input schema (asked for only
 * when an expression holds a selector, since resolving a schema walks the subtree), the columns
 * expressions read and the plain column references of a projection.
 */
final class Columns {
  private Columns() {}

  static boolean hasSelector(List<Expr> exprs) {
    return exprs.stream().anyMatch(expr -> ExprTrees.firstSelector(expr).isPresent());
  }

  /** {@code exprs} with every selector expanded over {@code input}, one expression per output. */
  static List<Expr> expand(List<Expr> exprs, Supplier<Schema> input) {
    if (!hasSelector(exprs)) {
      return exprs;
    }
    Resolver resolver = new Resolver(input.get());
    List<Expr> expanded = new ArrayList<>();
    for (Expr expr : exprs) {
      expanded.addAll(resolver.expand(expr));
    }
    return List.copyOf(expanded);
  }

  /** The columns {@code exprs} read (expand selectors first). */
  static Set<String> read(List<Expr> exprs) {
    Set<String> names = new LinkedHashSet<>();
    for (Expr expr : exprs) {
      names.addAll(ExprTrees.columnNames(expr));
    }
    return names;
  }

  /** The output names of (expanded) {@code exprs}, in order. */
  static List<String> outputNames(List<Expr> exprs) {
    return exprs.stream().map(ExprTrees::outputName).toList();
  }

  /** The input column {@code expr} passes through unchanged ({@code col("x")}, possibly aliased), or null. */
  static String passedThrough(Expr expr) {
    Expr body = expr;
    while (body instanceof Alias alias) {
      body = alias.input();
    }
    return body instanceof ColumnRef column ? column.columnName() : null;
  }
}
