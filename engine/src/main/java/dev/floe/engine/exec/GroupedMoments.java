package dev.floe.engine.exec;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.util.List;

/**
 * Grouped variance and standard deviation as mergeable states: per group the count, the mean and
 * M2 (the sum of squared differences from the mean), updated row by row with Welford's method
 * (Welford 1962) and merged with Chan, Golub and LeVeque's pairwise formula ("Updating formulae
 * and a pairwise algorithm for computing sample variances", 1979):
 * {@code n = na + nb, d = mb - ma, mean = ma + d * nb / n, M2 = M2a + M2b + d^2 * na * nb / n}.
 * A group's variance is {@code M2 / (n - ddof)}, null when {@code n <= ddof}, as in Polars.
 */
final class GroupedMoments {
  private GroupedMoments() {}

  /** The three state columns (count, mean, M2; all f64) of each group of {@code values}' rows. */
  static List<Column> update(Column values, int[] ids, int groups, BufferAllocator allocator) {
    FixedWidthColumn fixed = (FixedWidthColumn) values;
    double[] count = new double[groups];
    double[] mean = new double[groups];
    double[] m2 = new double[groups];
    for (int row = 0; row < ids.length; row++) {
      if (fixed.isNull(row)) {
        continue;
      }
      int group = ids[row];
      double value = GroupedReducers.asDouble(fixed, row);
      double n = ++count[group];
      double delta = value - mean[group];
      mean[group] += delta / n;
      m2[group] += delta * (value - mean[group]);
    }
    return columns(count, mean, m2, allocator);
  }

  /** The states of {@code partials} (count, mean, M2 columns) combined per group. */
  static List<Column> merge(Column counts, Column means, Column m2s, int[] ids, int groups,
      BufferAllocator allocator) {
    FixedWidthColumn partCount = (FixedWidthColumn) counts;
    FixedWidthColumn partMean = (FixedWidthColumn) means;
    FixedWidthColumn partM2 = (FixedWidthColumn) m2s;
    double[] count = new double[groups];
    double[] mean = new double[groups];
    double[] m2 = new double[groups];
    for (int row = 0; row < ids.length; row++) {
      double nb = partCount.getDouble(row);
      if (nb == 0) {
        continue;
      }
      int group = ids[row];
      double na = count[group];
      double n = na + nb;
      double delta = partMean.getDouble(row) - mean[group];
      mean[group] += delta * nb / n;
      m2[group] += partM2.getDouble(row) + delta * delta * na * nb / n;
      count[group] = n;
    }
    return columns(count, mean, m2, allocator);
  }

  /** The variance (or its square root) of each group from its count and M2 states. */
  static Column finish(Column counts, Column m2s, int ddof, boolean std, DataType type, BufferAllocator allocator) {
    FixedWidthColumn count = (FixedWidthColumn) counts;
    FixedWidthColumn m2 = (FixedWidthColumn) m2s;
    int groups = count.length();
    try (FixedWidthBuilder builder = new FixedWidthBuilder(type, allocator, groups)) {
      for (int group = 0; group < groups; group++) {
        double n = count.getDouble(group);
        if (n <= ddof || n == 0) {
          builder.appendNull();
          continue;
        }
        double variance = Math.max(0.0, m2.getDouble(group)) / (n - ddof);
        double value = std ? Math.sqrt(variance) : variance;
        if (type instanceof DataType.Float32) {
          builder.appendFloat((float) value);
        } else {
          builder.appendDouble(value);
        }
      }
      return builder.build();
    }
  }

  private static List<Column> columns(double[] count, double[] mean, double[] m2, BufferAllocator allocator) {
    Column first = null;
    Column second = null;
    try {
      first = doubles(count, allocator);
      second = doubles(mean, allocator);
      return List.of(first, second, doubles(m2, allocator));
    } catch (RuntimeException failure) {
      if (first != null) {
        first.close();
      }
      if (second != null) {
        second.close();
      }
      throw failure;
    }
  }

  private static Column doubles(double[] values, BufferAllocator allocator) {
    try (FixedWidthBuilder builder = new FixedWidthBuilder(DataType.FLOAT64, allocator, values.length)) {
      builder.appendDoubles(values, 0, values.length);
      return builder.build();
    }
  }
}
