package dev.floe.planner.expr;

/** An element-wise math function. */
public record MathExpr(MathFunction function, Expr input) implements Expr {
  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
