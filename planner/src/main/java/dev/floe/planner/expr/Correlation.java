package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;

/**
 * Polars' {@code pl.corr(a, b)}: Pearson's correlation coefficient of two numeric expressions, a
 * reduction to one f64 value, in {@code select} over a whole frame and in {@code groupBy(...).agg}
 * per group. As Polars, rows where either input is null are skipped; fewer than two pairs, or an
 * input without variance, give NaN; the result is named after {@code a}. Both inputs are cast to
 * f64 when the expression is typed. It is evaluated in two passes, the means first, then
 *
 * <pre>
 *   corr = sum(dx * dy) / sqrt(sum(dx * dx) * sum(dy * dy)),  dx = x - mean(x), dy = y - mean(y)
 * </pre>
 *
 * (stable for data far from zero, unlike the one-pass sums-of-squares form). A node of its own
 * rather than that formula built from other expressions, so that a group-by computes it in one
 * loop over each group's rows instead of evaluating a dozen expressions per group.
 */
public record Correlation(Expr a, Expr b) implements Expr {
  public Correlation {
    java.util.Objects.requireNonNull(a, "a");
    java.util.Objects.requireNonNull(b, "b");
  }

  /** Pearson's correlation of {@code a} and {@code b}, skipping null pairs. */
  public static Expr pearson(Expr a, Expr b) {
    return new Correlation(a, b);
  }

  /** {@link #pearson(Expr, Expr)} of two columns. */
  public static Expr pearson(String a, String b) {
    return pearson(Exprs.col(a), Exprs.col(b));
  }

  /** The typed node: both inputs numeric (or boolean), cast to f64; the result an f64 scalar. */
  static Typing.Typed type(Correlation corr, Typing.Typed a, Typing.Typed b) {
    for (Typing.Typed input : new Typing.Typed[] {a, b}) {
      DataType type = input.type();
      if (!type.isNumeric() && !(type instanceof DataType.BooleanType) && !(type instanceof DataType.NullType)) {
        throw new InvalidOperationException(
            "corr needs numeric inputs, got " + type + " in " + ExprPrinter.print(corr));
      }
    }
    return new Typing.Typed(
        new Correlation(Typing.cast(a, DataType.FLOAT64), Typing.cast(b, DataType.FLOAT64)), DataType.FLOAT64, true);
  }
}
