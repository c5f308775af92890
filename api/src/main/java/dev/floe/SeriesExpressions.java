package dev.floe;

import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Exprs;
import java.util.function.UnaryOperator;

/**
 * The expression operations of {@link Series}, run as the same operation on a one-column frame
 * (so a series and a frame column always agree).
 */
final class SeriesExpressions {
  private SeriesExpressions() {}

  /** The series {@code build(col(name))} computes, under the series' name. */
  static Series apply(Series series, UnaryOperator<Expr> build) {
    try (DataFrame frame = DataFrame.of(series.share());
        DataFrame result = frame.select(build.apply(Exprs.col(series.name())).alias(series.name()))) {
      return result.column(0).share();
    }
  }

  /** The one value a reduction computes. */
  static Object reduce(Series series, UnaryOperator<Expr> build) {
    try (Series result = apply(series, build)) {
      return result.get(0);
    }
  }

  static Series filter(Series series, Series mask) {
    try (DataFrame frame = DataFrame.of(series.share(), mask.rename("__floe_mask"));
        DataFrame filtered = frame.filter(Exprs.col("__floe_mask"))) {
      return filtered.column(0).share();
    }
  }

  static Series sort(Series series, boolean descending, boolean nullsLast) {
    try (DataFrame frame = DataFrame.of(series.share());
        DataFrame sorted =
            frame.sort(
                series.name(),
                SortOptions.DEFAULT.withDescending(descending).withNullsLast(nullsLast))) {
      return sorted.column(0).share();
    }
  }
}
