package dev.floe.planner.expr;

/** Renames the output of {@code input}. */
public record Alias(Expr input, String outputName) implements Expr {
  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
