package dev.floe.planner.expr;

/** Replaces nulls by {@code value} (an expression) or by a {@code strategy}; exactly one is set. */
public record FillNullExpr(Expr input, Expr value, FillStrategy strategy) implements Expr {
  public FillNullExpr {
    if ((value == null) == (strategy == null)) {
      throw new IllegalArgumentException("fillNull needs exactly one of a value and a strategy");
    }
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
