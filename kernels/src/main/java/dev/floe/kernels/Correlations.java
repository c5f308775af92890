package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Pearson's correlation of two f64 columns over a range of rows, skipping rows where either is
 * null (Polars' {@code pl.corr}): two passes, the means of the valid pairs, then the centered
 * co-moment and the two centered second moments, which stays accurate for values far from zero.
 * Fewer than two pairs, or no variance in either input, give NaN.
 */
public final class Correlations {
  private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

  private Correlations() {}

  /** The correlation of rows {@code [from, to)} of {@code x} and {@code y} (f64, one length). */
  public static double pearson(Column x, Column y, int from, int to) {
    if (!(x instanceof FixedWidthColumn fx && x.type() instanceof DataType.Float64)
        || !(y instanceof FixedWidthColumn fy && y.type() instanceof DataType.Float64)) {
      throw new InvalidOperationException("corr needs two f64 columns, got " + x.type() + " and " + y.type());
    }
    MemorySegment xs = fx.valuesBuffer().segment();
    MemorySegment ys = fy.valuesBuffer().segment();
    long xBase = (long) fx.offset() << 3;
    long yBase = (long) fy.offset() << 3;
    boolean nulls = x.nullCount() > 0 || y.nullCount() > 0;
    long pairs = 0;
    double sumX = 0;
    double sumY = 0;
    for (int row = from; row < to; row++) {
      if (nulls && (x.isNull(row) || y.isNull(row))) {
        continue;
      }
      sumX += xs.get(DOUBLE, xBase + ((long) row << 3));
      sumY += ys.get(DOUBLE, yBase + ((long) row << 3));
      pairs++;
    }
    if (pairs < 2) {
      return Double.NaN;
    }
    double meanX = sumX / pairs;
    double meanY = sumY / pairs;
    double xy = 0;
    double xx = 0;
    double yy = 0;
    for (int row = from; row < to; row++) {
      if (nulls && (x.isNull(row) || y.isNull(row))) {
        continue;
      }
      double dx = xs.get(DOUBLE, xBase + ((long) row << 3)) - meanX;
      double dy = ys.get(DOUBLE, yBase + ((long) row << 3)) - meanY;
      xy += dx * dy;
      xx += dx * dx;
      yy += dy * dy;
    }
    return xy / Math.sqrt(xx * yy);
  }
}
