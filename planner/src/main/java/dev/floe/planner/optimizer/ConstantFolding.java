package dev.floe.planner.optimizer;

import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Alias;
import dev.floe.planner.expr.Binary;
import dev.floe.planner.expr.BinaryOp;
import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.expr.Literal;
import dev.floe.planner.expr.ResolvedExpr;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.expr.Unary;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.WithColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds literal-only expressions and simplifies identities ({@link ExprFolding} lists exactly
 * which) in filter predicates and in select and with_columns expressions, and drops filters that
 * keep every row:
 *
 * <pre>
 * SELECT [col("a") * 1, lit(1) + lit(2)]         SELECT [col("a"), 3]
 *   FILTER (col("a") &gt; 1) &amp; true         =&gt;     FILTER col("a") &gt; 1
 *     FILTER 1 &lt; 2                                  input
 *       input
 * </pre>
 *
 * Every rewritten expression is resolved before and after over the node's input: when the output
 * name changed it gets the old one back by an alias ({@code lit(1) * col("a")} is named "literal",
 * {@code col("a")} "a"), and when the type or scalar-ness changed, the expression is kept as it was.
 * In a filter only, {@code x & false} becomes {@code false} and {@code x | true} becomes
 * {@code true} (Kleene: {@code null & false} is false, {@code null | true} is true) when {@code x}
 * is built of columns, literals and operators alone (nothing that could fail and whose failure
 * would vanish). A filter on {@code false} or null stays. Expressions with selectors are skipped.
 */
public final class ConstantFolding implements OptimizerRule {
  @Override
  public String name() {
    return "constant_folding";
  }

  @Override
  public LogicalPlan rewrite(LogicalPlan plan) {
    return PlanTrees.transformUp(plan, ConstantFolding::fold);
  }

  private static LogicalPlan fold(LogicalPlan plan) {
    return switch (plan) {
      case Filter filter -> {
        Schema schema = filter.input().schema();
        Expr predicate = absorb(foldOne(filter.predicate(), schema, false));
        if (predicate instanceof Literal literal && Boolean.TRUE.equals(literal.value())) {
          yield filter.input();
        }
        yield predicate == filter.predicate() ? filter : new Filter(filter.input(), predicate);
      }
      case Select select -> {
        List<Expr> exprs = foldAll(select.exprs(), select.input().schema());
        yield exprs == select.exprs() ? select : new Select(select.input(), exprs);
      }
      case WithColumns with -> {
        List<Expr> exprs = foldAll(with.exprs(), with.input().schema());
        yield exprs == with.exprs() ? with : new WithColumns(with.input(), exprs);
      }
      default -> plan;
    };
  }

  /** {@code exprs} folded, or the same list when none changed. */
  private static List<Expr> foldAll(List<Expr> exprs, Schema schema) {
    List<Expr> folded = new ArrayList<>(exprs.size());
    boolean changed = false;
    for (Expr expr : exprs) {
      Expr result = foldOne(expr, schema, true);
      changed |= result != expr;
      folded.add(result);
    }
    return changed ? folded : exprs;
  }

  /**
   * {@code expr} folded with its type and scalar-ness (and, when {@code named}, its output name)
   * kept, or {@code expr} itself. A filter's predicate has no name to keep.
   */
  static Expr foldOne(Expr expr, Schema schema, boolean named) {
    if (ExprTrees.firstSelector(expr).isPresent()) {
      return expr;
    }
    Resolver resolver = new Resolver(schema);
    Expr folded = new ExprFolding(resolver).fold(expr);
    if (folded == expr || folded.equals(expr)) {
      return expr;
    }
    try {
      ResolvedExpr before = resolver.resolveOne(expr);
      String name = ExprTrees.outputName(expr);
      if (named && !ExprTrees.outputName(folded).equals(name)) {
        folded = new Alias(folded, name);
      }
      ResolvedExpr after = resolver.resolveOne(folded);
      boolean same = (!named || before.name().equals(after.name())) && before.type().equals(after.type())
          && before.scalar() == after.scalar();
      return same ? folded : expr;
    } catch (RuntimeException unresolved) {
      return expr;
    }
  }

  /** {@code x & false} as false and {@code x | true} as true, for a plain {@code x}. */
  private static Expr absorb(Expr predicate) {
    if (predicate instanceof Binary binary && binary.right() instanceof Literal literal
        && literal.value() instanceof Boolean value && isPlain(binary.left())
        && (binary.op() == BinaryOp.AND && !value || binary.op() == BinaryOp.OR && value)) {
      return literal;
    }
    return predicate;
  }

  /** Columns, literals, comparisons, arithmetic and boolean operators only: nothing that can fail. */
  private static boolean isPlain(Expr expr) {
    return switch (expr) {
      case ColumnRef column -> true;
      case Literal literal -> true;
      case Binary binary -> binary.op().kind() != BinaryOp.Kind.ARITHMETIC
          && isPlain(binary.left()) && isPlain(binary.right());
      case Unary unary -> isPlain(unary.input());
      default -> false;
    };
  }
}
