package dev.floe.planner.expr;

import java.util.List;
import java.util.Objects;

/**
 * Polars' {@code concat_str(exprs, separator)}: the string inputs joined row by row with
 * {@code separator}; a null in any input makes the row null ({@code ignore_nulls=False}).
 */
public record ConcatStr(List<Expr> inputs, String separator) implements Expr {
  public ConcatStr {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(separator, "separator");
    if (inputs.isEmpty()) {
      throw new dev.floe.errors.InvalidOperationException("concatStr needs at least one input");
    }
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
