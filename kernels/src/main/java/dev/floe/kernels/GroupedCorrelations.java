package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Pearson's correlation per group over dense group ids, in one pass over the rows in their input
 * order (no gathering of each group's rows): per group the count, both means, both centered second
 * moments and the centered co-moment, updated row by row in Welford's manner (Welford 1962; the
 * co-moment update as in Pébay, "Formulas for robust, one-pass parallel computation of covariances
 * and arbitrary-order statistical moments", Sandia report SAND2008-6212) and merged across row
 * ranges with the pairwise formulas of that report (and Chan, Golub and LeVeque 1979). Centered
 * updates stay accurate for data far from zero, as the two-pass {@link Correlations#pearson}.
 * Rows where either input is null are skipped; fewer than two pairs or no variance give NaN.
 *
 * <p>A state covers a range of rows; states of disjoint ranges {@link #merge} in any grouping.
 */
public final class GroupedCorrelations {
  private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

  private final double[] count;
  private final double[] meanX;
  private final double[] meanY;
  private final double[] m2x;
  private final double[] m2y;
  private final double[] cxy;

  /** An empty state for {@code groups} groups. */
  public GroupedCorrelations(int groups) {
    count = new double[groups];
    meanX = new double[groups];
    meanY = new double[groups];
    m2x = new double[groups];
    m2y = new double[groups];
    cxy = new double[groups];
  }

  /** Adds rows {@code [from, to)} of {@code x} and {@code y} (f64, one length) to their groups {@code ids[row]}. */
  public void update(Column x, Column y, int[] ids, int from, int to) {
    if (!(x instanceof FixedWidthColumn fx && x.type() instanceof DataType.Float64)
        || !(y instanceof FixedWidthColumn fy && y.type() instanceof DataType.Float64)) {
      throw new InvalidOperationException("corr needs two f64 columns, got " + x.type() + " and " + y.type());
    }
    if (x.length() != ids.length || y.length() != ids.length) {
      throw new InvalidOperationException(ids.length + " group ids for columns of " + x.length() + " and "
          + y.length() + " rows");
    }
    MemorySegment xs = fx.valuesBuffer().segment();
    MemorySegment ys = fy.valuesBuffer().segment();
    long xOffset = fx.offset();
    long yOffset = fy.offset();
    MemorySegment xValid = x.nullCount() == 0 ? null : x.validity().segment();
    MemorySegment yValid = y.nullCount() == 0 ? null : y.validity().segment();
    for (int row = from; row < to; row++) {
      if ((xValid != null && !Bitmaps.get(xValid, xOffset + row))
          || (yValid != null && !Bitmaps.get(yValid, yOffset + row))) {
        continue;
      }
      double vx = xs.get(DOUBLE, (xOffset + row) << 3);
      double vy = ys.get(DOUBLE, (yOffset + row) << 3);
      int group = ids[row];
      double n = ++count[group];
      double dx = vx - meanX[group];
      double dy = vy - meanY[group];
      meanX[group] += dx / n;
      meanY[group] += dy / n;
      double ex = vx - meanX[group]; // deviation from the updated mean
      double ey = vy - meanY[group];
      m2x[group] += dx * ex;
      m2y[group] += dy * ey;
      cxy[group] += dx * ey;
    }
  }

  /** Adds another range's state (same groups) into this one. */
  public void merge(GroupedCorrelations other) {
    for (int group = 0; group < count.length; group++) {
      double nb = other.count[group];
      if (nb == 0) {
        continue;
      }
      double na = count[group];
      double n = na + nb;
      double dx = other.meanX[group] - meanX[group];
      double dy = other.meanY[group] - meanY[group];
      double weight = na * nb / n;
      m2x[group] += other.m2x[group] + dx * dx * weight;
      m2y[group] += other.m2y[group] + dy * dy * weight;
      cxy[group] += other.cxy[group] + dx * dy * weight;
      meanX[group] += dx * nb / n;
      meanY[group] += dy * nb / n;
      count[group] = n;
    }
  }

  /** Each group's correlation. */
  public double[] finish() {
    double[] result = new double[count.length];
    for (int group = 0; group < count.length; group++) {
      result[group] = count[group] < 2 ? Double.NaN : cxy[group] / Math.sqrt(m2x[group] * m2y[group]);
    }
    return result;
  }
}
