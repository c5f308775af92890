package dev.floe.planner.expr;

/** Rounds floats half away from zero to {@code decimals} places; integers are unchanged. */
public record Round(Expr input, int decimals) implements Expr {
  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
