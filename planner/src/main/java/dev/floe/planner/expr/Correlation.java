package dev.floe.planner.expr;

import dev.floe.memory.types.DataType;

/**
 * Polars' {@code pl.corr(a, b)} (Pearson's correlation coefficient) built from Floe's existing
 * expressions, so it works wherever they do: in {@code select} over a whole frame and in
 * {@code groupBy(...).agg(...)} per group (the general path). As Polars, rows where either input
 * is null are skipped; fewer than two pairs, or an input without variance, give NaN; the result is
 * f64 and is named after {@code a}. The formula centers both inputs on their means first:
 *
 * <pre>
 *   corr = sum(dx * dy) / sqrt(sum(dx * dx) * sum(dy * dy)),  dx = x - mean(x), dy = y - mean(y)
 * </pre>
 *
 * which is the two-pass form (stable for data far from zero, unlike the sums-of-squares form).
 */
public final class Correlation {
  private Correlation() {}

  /** Pearson's correlation of {@code a} and {@code b}, skipping null pairs. */
  public static Expr pearson(Expr a, Expr b) {
    Expr bothValid = a.isNotNull().and(b.isNotNull());
    Expr x = a.filter(bothValid).cast(DataType.FLOAT64);
    Expr y = b.filter(bothValid).cast(DataType.FLOAT64);
    Expr dx = x.sub(x.mean());
    Expr dy = y.sub(y.mean());
    Expr covariance = dx.mul(dy).sum();
    Expr spread = dx.mul(dx).sum().mul(dy.mul(dy).sum()).sqrt();
    return covariance.div(spread);
  }

  /** {@link #pearson(Expr, Expr)} of two columns. */
  public static Expr pearson(String a, String b) {
    return pearson(Exprs.col(a), Exprs.col(b));
  }
}
