package dev.floe.planner.expr;

/** A reduction of its input to one value; {@code ddof} matters for std and var only. */
public record Agg(AggFunction function, Expr input, int ddof) implements Expr {
  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
