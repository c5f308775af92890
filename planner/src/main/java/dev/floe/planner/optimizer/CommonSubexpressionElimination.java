package dev.floe.planner.optimizer;

import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Alias;
import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.WithColumns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A subexpression that occurs more than once in one select or with_columns is computed once, as a
 * temporary column that a with_columns below adds and that never leaves the node (the idea is
 * Polars' common subexpression elimination, {@code comm_subexpr_elim}):
 *
 * <pre>
 * SELECT [(a * b + 1).alias("x"),             SELECT [(col("__floe_cse_0") + 1).alias("x"),
 *         (a * b * 2).alias("y")]       =&gt;           (col("__floe_cse_0") * 2).alias("y")]
 *   input                                       WITH_COLUMNS [(a * b).alias("__floe_cse_0")]
 *                                                 input
 * </pre>
 *
 * A with_columns is rewritten the same way, under a select of exactly its original output columns,
 * so the temporaries are dropped again. Which subexpressions count is {@link Subexpressions}':
 * row-wise ones that read a column, not bare columns, literals or aliases, taken outermost first;
 * one inside an aggregation counts too, since the with_columns keeps every row. A temporary that
 * reads another goes in a with_columns above the other's. Expressions keep their output names (an
 * alias is added where the temporary's name would show through). Temporaries are named {@code
 * __floe_cse_N}, N counting up from 0 past any name the node's input or output already has.
 *
 * <p>Hoisting out of a when/then/otherwise branch, a fill value or a strict cast is safe here:
 * Floe's engine evaluates every branch and operand of an expression over all rows (as Polars does)
 * and only then picks per row, so a temporary computes nothing, and fails on nothing, that the
 * original expression did not. Floe expressions have no lazily evaluated parts.
 *
 * <p>It runs last in each pass, after the pushdowns have dropped what nobody reads; its result has
 * no repeats left and no other rule puts one back (they may prune the restoring select or merge a
 * select of plain columns into it), so the next pass finds nothing and the fixed point holds.
 */
public final class CommonSubexpressionElimination implements OptimizerRule {
  /** The prefix of temporary column names. */
  public static final String PREFIX = "__floe_cse_";

  @Override
  public String name() {
    return "common_subexpression_elimination";
  }

  @Override
  public LogicalPlan rewrite(LogicalPlan plan) {
    return PlanTrees.transformUp(plan, CommonSubexpressionElimination::eliminate);
  }

  private static LogicalPlan eliminate(LogicalPlan plan) {
    return switch (plan) {
      case Select select -> select(select);
      case WithColumns with -> withColumns(with);
      default -> plan;
    };
  }

  private static LogicalPlan select(Select select) {
    List<Expr> exprs = Columns.expand(select.exprs(), select.input()::schema);
    Subexpressions.Extracted extracted = extract(exprs, select.input()::schema);
    if (extracted == null) {
      return select;
    }
    return new Select(withTemporaries(select.input(), extracted), named(exprs, extracted.exprs()));
  }

  private static LogicalPlan withColumns(WithColumns with) {
    List<Expr> exprs = Columns.expand(with.exprs(), with.input()::schema);
    Subexpressions.Extracted extracted = extract(exprs, with.input()::schema);
    if (extracted == null) {
      return with;
    }
    LogicalPlan computed = new WithColumns(withTemporaries(with.input(), extracted), named(exprs, extracted.exprs()));
    List<Expr> outputs = new ArrayList<>();
    for (String name : with.schema().names()) {
      outputs.add(new ColumnRef(name));
    }
    return new Select(computed, outputs);
  }

  /** The repeats of {@code exprs} extracted, with names free in {@code input} and in the outputs. */
  private static Subexpressions.Extracted extract(List<Expr> exprs, Supplier<Schema> input) {
    if (exprs.stream().noneMatch(CommonSubexpressionElimination::mayRepeat)) {
      return null; // the common case: nothing worth counting
    }
    return Subexpressions.extract(exprs, PREFIX, () -> {
      Set<String> taken = new HashSet<>(input.get().names());
      taken.addAll(Columns.outputNames(exprs));
      return taken;
    });
  }

  /** False for a plain (aliased) column or literal, which holds no candidate: most expressions are such. */
  private static boolean mayRepeat(Expr expr) {
    Expr body = expr;
    while (body instanceof Alias alias) {
      body = alias.input();
    }
    return !ExprTrees.children(body).isEmpty();
  }

  private static LogicalPlan withTemporaries(LogicalPlan input, Subexpressions.Extracted extracted) {
    LogicalPlan result = input;
    for (List<Expr> layer : extracted.layers()) {
      result = new WithColumns(result, layer);
    }
    return result;
  }

  /** The rewritten expressions, each under an alias when its output name would otherwise change. */
  private static List<Expr> named(List<Expr> originals, List<Expr> rewritten) {
    List<Expr> named = new ArrayList<>(rewritten.size());
    for (int index = 0; index < rewritten.size(); index++) {
      String name = ExprTrees.outputName(originals.get(index));
      Expr expr = rewritten.get(index);
      named.add(ExprTrees.outputName(expr).equals(name) ? expr : new Alias(expr, name));
    }
    return named;
  }
}
