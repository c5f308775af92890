package dev.floe.planner.expr;

import dev.floe.memory.types.DataType;

/** A cast; strict casts fail on a value that does not fit, others give null for it. */
public record CastExpr(Expr input, DataType type, boolean strict) implements Expr {
  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
