package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;
import java.util.Objects;

/**
 * A reduction of its input to one value. {@code ddof} matters for std and var only; {@code
 * quantile} and {@code interpolation} for quantile only (median is the 0.5 quantile with linear
 * interpolation; other functions carry 0.5 and null).
 */
public record Agg(
    AggFunction function, Expr input, int ddof, double quantile, QuantileInterpolation interpolation)
    implements Expr {

  public Agg {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(input, "input");
    if (function == AggFunction.QUANTILE) {
      Objects.requireNonNull(interpolation, "interpolation");
    }
  }

  /** A reduction without quantile options. */
  public Agg(AggFunction function, Expr input, int ddof) {
    this(function, input, ddof, 0.5, null);
  }

  /** The same reduction over another input. */
  Agg withInput(Expr newInput) {
    return new Agg(function, newInput, ddof, quantile, interpolation);
  }

  /** Polars' interpolation methods of {@code quantile}, named as in Polars. */
  public enum QuantileInterpolation {
    NEAREST,
    HIGHER,
    LOWER,
    MIDPOINT,
    LINEAR,
    EQUIPROBABLE;

    /** The method of a Polars name ("nearest", "linear", ...). */
    public static QuantileInterpolation of(String name) {
      for (QuantileInterpolation method : values()) {
        if (method.polarsName().equals(name)) {
          return method;
        }
      }
      throw new InvalidOperationException(
          "unknown quantile interpolation " + ExprPrinter.quote(String.valueOf(name))
              + "; expected nearest, higher, lower, midpoint, linear or equiprobable");
    }

    /** The Polars name, lowercase. */
    public String polarsName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
