package dev.floe.internal;

import dev.floe.DataFrame;
import dev.floe.Series;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Polars' {@code DataFrame.describe()}: a frame with a {@code statistic} column ({@code count},
 * {@code null_count}, {@code mean}, {@code std}, {@code min}, the percentiles, {@code max}) and one
 * column per input column.
 *
 * <ul>
 *   <li>Numeric (integers, floats, decimals), boolean, null and nested columns give an {@code f64}
 *       column; the others a {@code str} column of Python's text for each statistic.
 *   <li>std is the sample standard deviation (null below two values); min and max skip NaN;
 *       percentiles use Polars' default "nearest" method: the value at sorted position
 *       {@code round((n - 1) * q)}, rounding halves away from zero, NaN sorting last.
 *   <li>Booleans get count, null_count, mean (the fraction true), min and max; strings and binaries
 *       count, null_count, min and max; temporal columns everything but std, the mean and
 *       percentiles cast back to the column's type (a date's mean is a datetime).
 *   <li>Nested, categorical and null columns only get their counts.
 * </ul>
 */
public final class Describe {
  private Describe() {}

  /** The default percentiles: 25%, 50% and 75%. */
  public static final double[] DEFAULT_PERCENTILES = {0.25, 0.5, 0.75};

  public static DataFrame describe(DataFrame frame, double... percentiles) {
    if (frame.width() == 0) {
      throw new InvalidOperationException("cannot describe a DataFrame that has no columns");
    }
    for (double percentile : percentiles) {
      if (!(percentile >= 0 && percentile <= 1)) {
        throw new InvalidOperationException(
            "percentiles must be between 0 and 1, got " + percentile);
      }
    }
    List<Object> labels = new ArrayList<>(List.of("count", "null_count", "mean", "std", "min"));
    for (double percentile : percentiles) {
      labels.add(percentLabel(percentile));
    }
    labels.add("max");
    List<Series> columns = new ArrayList<>();
    try {
      columns.add(Series.ofList("statistic", DataType.UTF8, labels));
      for (Series column : frame.getColumns()) {
        ColumnStatistics statistics = ColumnStatistics.of(column, percentiles);
        columns.add(statistics.numeric()
            ? Series.ofList(column.name(), DataType.FLOAT64, statistics.values())
            : Series.ofList(column.name(), DataType.UTF8, statistics.values()));
      }
    } catch (RuntimeException failure) {
      columns.forEach(Series::close);
      throw failure;
    }
    return DataFrame.of(columns);
  }

  /** Python's {@code f"{q * 100:g}%"}: six significant digits, no trailing zeros. */
  static String percentLabel(double percentile) {
    BigDecimal percent = new BigDecimal(Double.toString(percentile * 100))
        .round(new MathContext(6))
        .stripTrailingZeros();
    return percent.toPlainString() + "%";
  }
}
