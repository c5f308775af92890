package dev.floe.planner.expr;

/** Limits values to [lower, upper]; a null bound does not limit. Bounds are Java values. */
public record Clip(Expr input, Object lower, Object upper) implements Expr {
  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
