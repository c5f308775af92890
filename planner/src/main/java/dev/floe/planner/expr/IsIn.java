package dev.floe.planner.expr;

import java.util.List;

/** True where the input equals one of the literal {@code values}. */
public record IsIn(Expr input, List<Literal> values) implements Expr {
  public IsIn {
    values = List.copyOf(values);
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
