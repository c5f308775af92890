package dev.floe.planner.expr;

/** {@code lower <(=) input <(=) upper}. */
public record IsBetween(
    Expr input, Expr lower, Expr upper, boolean lowerInclusive, boolean upperInclusive)
    implements Expr {
  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
