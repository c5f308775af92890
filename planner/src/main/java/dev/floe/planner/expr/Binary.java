package dev.floe.planner.expr;

/** {@code left op right}, element-wise; a length-1 side broadcasts. */
public record Binary(Expr left, BinaryOp op, Expr right) implements Expr {
  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
