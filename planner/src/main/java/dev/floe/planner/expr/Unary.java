package dev.floe.planner.expr;

/** A unary, length-preserving operation. */
public record Unary(UnaryOp op, Expr input) implements Expr {
  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
