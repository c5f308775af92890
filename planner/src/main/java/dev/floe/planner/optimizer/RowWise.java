package dev.floe.planner.optimizer;

import dev.floe.planner.expr.Agg;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.expr.FillNullExpr;
import dev.floe.planner.expr.FrameLength;
import dev.floe.planner.expr.ReshapeFunction;
import dev.floe.planner.expr.SequenceFunction;
import java.util.List;

/**
 * Which expressions compute each row from that row alone, so that a filter or slice may move past
 * them. Everything but these is row-wise: {@link Agg} (reductions), {@link FrameLength} (the row
 * count), {@link dev.floe.planner.expr.Window} (window functions over groups of rows),
 * {@link SequenceFunction} (cumulative functions, shift, diff, rank: order- and
 * neighbour-dependent), {@link ReshapeFunction} (changes the length) and a {@link FillNullExpr} with a
 * strategy (forward fill, mean, ...). A filter or slice below such an expression changes the rows it
 * sees, so the pushdowns stop there.
 */
public final class RowWise {
  private RowWise() {}

  public static boolean isRowWise(Expr expr) {
    boolean local = switch (expr) {
      case Agg agg -> false;
      case dev.floe.planner.expr.Correlation corr -> false;
      case FrameLength length -> false;
      case SequenceFunction sequence -> false;
      case ReshapeFunction reshape -> false;
      case dev.floe.planner.expr.Window window -> false; // its groups depend on every row
      case FillNullExpr fill -> fill.strategy() == null;
      default -> true;
    };
    if (!local) {
      return false;
    }
    for (Expr child : ExprTrees.children(expr)) {
      if (!isRowWise(child)) {
        return false;
      }
    }
    return true;
  }

  public static boolean allRowWise(List<Expr> exprs) {
    return exprs.stream().allMatch(RowWise::isRowWise);
  }

  /**
   * True when a select of {@code exprs} has one output row per input row and computes each from
   * its row alone: every expression is row-wise and one reads a column ({@code select(lit(1))} has
   * one row whatever the input).
   */
  public static boolean keepsRows(List<Expr> exprs) {
    return allRowWise(exprs) && exprs.stream().anyMatch(expr -> !ExprTrees.columnNames(expr).isEmpty());
  }
}
