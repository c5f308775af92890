package dev.floe.planner.expr;

/** The {@code dt} namespace of an expression: {@code col("t").dt().year()}. */
public final class TemporalNamespace {
  private final Expr input;

  TemporalNamespace(Expr input) {
    this.input = input;
  }

  /** The expression this namespace applies to. */
  Expr input() {
    return input;
  }
}
