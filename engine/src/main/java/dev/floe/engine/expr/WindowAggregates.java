package dev.floe.engine.expr;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Agg;
import dev.floe.planner.expr.Window;
import dev.floe.planner.expr.WindowOptions;
import dev.floe.planner.optimizer.RowWise;

/**
 * The fast path of the commonest window aggregates, {@code sum}, {@code mean}, {@code count} and
 * {@code len} of a row-wise input mapped to the rows (and {@code first}, {@code last}, {@code min}
 * and {@code max}: a gather of each group's edge or extreme row): the input is evaluated once over the whole
 * batch, one pass adds each row into its group's slot ({@code ids[row]}), and a second writes each
 * row's group value, with no reordering and no per-group evaluation (the grouped "update" step of
 * DuckDB's and Polars' grouped reductions, then a gather by group id). These reductions ignore the
 * order within the groups, so order keys change nothing. Other windows return null here and take
 * the general path of {@link WindowEvaluation}.
 */
final class WindowAggregates {
  private WindowAggregates() {}

  /** The window's column, or null when the fast path does not apply. */
  static Column tryEvaluate(ExpressionEvaluator evaluator, Window window,
      WindowGroups groups, WindowGroups.Grouping grouping) {
    if (!(window.input() instanceof Agg agg)
        || window.options().mapping() == WindowOptions.Mapping.EXPLODE
        || !RowWise.isRowWise(agg.input())) {
      return null;
    }
    int rows = evaluator.rowCount();
    return switch (agg.function()) {
      case LEN -> counts(grouping, null, rows, evaluator.allocator());
      case COUNT -> {
        try (Column values = evaluator.evalAt(agg.input(), rows)) {
          yield counts(grouping, values, rows, evaluator.allocator());
        }
      }
      case SUM, MEAN -> {
        try (Column values = evaluator.evalAt(agg.input(), rows)) {
          yield supported(values.type()) ? sumOrMean(grouping, (FixedWidthColumn) values,
              agg.function() == dev.floe.planner.expr.AggFunction.MEAN, evaluator.allocator()) : null;
        }
      }
      case MIN, MAX -> {
        try (Column values = evaluator.evalAt(agg.input(), rows)) {
          if (!(values instanceof FixedWidthColumn fixed) || !orderable(values.type())) {
            yield null;
          }
          int[] best = extremeRows(fixed, grouping, agg.function() == dev.floe.planner.expr.AggFunction.MIN);
          int[] ids = grouping.ids();
          int[] perRow = new int[rows];
          for (int row = 0; row < rows; row++) {
            perRow[row] = best[ids[row]];
          }
          yield dev.floe.kernels.Gather.rows(values, perRow, rows, evaluator.allocator());
        }
      }
      case FIRST, LAST -> {
        // the group's first (last) row in the window's order, read straight from the input
        WindowGroups.Ordering ordering = groups.ordering(evaluator, window, grouping);
        boolean first = agg.function() == dev.floe.planner.expr.AggFunction.FIRST;
        int[] edge = new int[grouping.groupCount()];
        for (int group = 0; group < edge.length; group++) {
          edge[group] = ordering.rows()[first ? ordering.starts()[group] : ordering.starts()[group + 1] - 1];
        }
        int[] ids = grouping.ids();
        int[] perRow = new int[rows];
        for (int row = 0; row < rows; row++) {
          perRow[row] = edge[ids[row]];
        }
        try (Column values = evaluator.evalAt(agg.input(), rows)) {
          yield dev.floe.kernels.Gather.rows(values, perRow, rows, evaluator.allocator());
        }
      }
      default -> null;
    };
  }

  private static boolean supported(DataType type) {
    return type instanceof DataType.Int64 || type instanceof DataType.Float64;
  }

  private static boolean orderable(DataType type) {
    return type instanceof DataType.Int64 || type instanceof DataType.Int32
        || type instanceof DataType.Float64;
  }

  /**
   * The row of each group's smallest (largest) value, as group-by's {@code GroupedReducers} picks
   * it: nulls skipped, NaN skipped unless the group has nothing else (then a NaN row), the first
   * of equal values; a group of nulls keeps its first row (so the gather gives null).
   */
  private static int[] extremeRows(FixedWidthColumn values, WindowGroups.Grouping grouping, boolean min) {
    int[] ids = grouping.ids();
    int[] best = new int[grouping.groupCount()];
    java.util.Arrays.fill(best, -1);
    int[] first = new int[grouping.groupCount()];
    java.util.Arrays.fill(first, -1);
    boolean floating = values.type() instanceof DataType.Float64;
    boolean wide = values.type() instanceof DataType.Int64;
    for (int row = 0; row < ids.length; row++) {
      int group = ids[row];
      if (first[group] < 0) {
        first[group] = row;
      }
      if (values.isNull(row)) {
        continue;
      }
      int current = best[group];
      if (current < 0) {
        best[group] = row;
        continue;
      }
      int order;
      if (floating) {
        double value = values.getDouble(row);
        if (Double.isNaN(value)) {
          continue;
        }
        double held = values.getDouble(current);
        order = Double.isNaN(held) ? (min ? -1 : 1) : Double.compare(value, held);
      } else {
        order = wide ? Long.compare(values.getLong(row), values.getLong(current))
            : Integer.compare(values.getInt(row), values.getInt(current));
      }
      if (min ? order < 0 : order > 0) {
        best[group] = row;
      }
    }
    for (int group = 0; group < best.length; group++) {
      if (best[group] < 0) {
        best[group] = first[group];
      }
    }
    return best;
  }

  /** Each row's group size (values null) or its group's number of non-null values (u32). */
  private static Column counts(WindowGroups.Grouping grouping, Column values, int rows,
      BufferAllocator allocator) {
    int[] ids = grouping.ids();
    int[] counts = new int[grouping.groupCount()];
    boolean all = values == null || values.nullCount() == 0;
    for (int row = 0; row < rows; row++) {
      if (all || values.isValid(row)) {
        counts[ids[row]]++;
      }
    }
    int[] perRow = new int[rows];
    for (int row = 0; row < rows; row++) {
      perRow[row] = counts[ids[row]];
    }
    try (FixedWidthBuilder builder = new FixedWidthBuilder(DataType.UINT32, allocator, rows)) {
      builder.appendInts(perRow, 0, rows);
      return builder.build();
    }
  }

  /**
   * Each row's group sum (i64 sums wrap, as Polars; a group of nulls sums to 0) or mean (f64; a
   * group of nulls gives null).
   */
  private static Column sumOrMean(WindowGroups.Grouping grouping, FixedWidthColumn values, boolean mean,
      BufferAllocator allocator) {
    int[] ids = grouping.ids();
    int rows = ids.length;
    boolean floating = values.type() instanceof DataType.Float64;
    boolean noNulls = values.nullCount() == 0;
    double[] doubles = new double[grouping.groupCount()];
    long[] longs = floating || mean ? null : new long[grouping.groupCount()];
    int[] counts = new int[grouping.groupCount()];
    for (int row = 0; row < rows; row++) {
      if (noNulls || values.isValid(row)) {
        int group = ids[row];
        counts[group]++;
        if (longs != null) {
          longs[group] += values.getLong(row);
        } else {
          doubles[group] += floating ? values.getDouble(row) : values.getLong(row);
        }
      }
    }
    DataType result = mean || floating ? DataType.FLOAT64 : DataType.INT64;
    try (FixedWidthBuilder builder = new FixedWidthBuilder(result, allocator, rows)) {
      for (int row = 0; row < rows; row++) {
        int group = ids[row];
        if (mean) {
          if (counts[group] == 0) {
            builder.appendNull();
          } else {
            builder.appendDouble(doubles[group] / counts[group]);
          }
        } else if (longs != null) {
          builder.appendLong(longs[group]);
        } else {
          builder.appendDouble(doubles[group]);
        }
      }
      return builder.build();
    }
  }
}
