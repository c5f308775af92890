package dev.floe.engine.expr;

import dev.floe.kernels.Gather;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.FillNullExpr;
import dev.floe.planner.expr.FillStrategy;
import dev.floe.planner.expr.SequenceFunction;
import dev.floe.planner.expr.SequenceOp;
import dev.floe.planner.expr.Window;
import dev.floe.planner.expr.WindowOptions;
import dev.floe.planner.optimizer.RowWise;

/**
 * Segmented window functions that need no per-group evaluation, for the many-small-groups case
 * (a partition per user id): {@code shift(n)} without a fill value and {@code fillNull(FORWARD /
 * BACKWARD)} become one gather of the row-wise input, each row reading the row its function names
 * within its segment of the window's order (or null: index -1); {@code cumCount} and {@code
 * cumSum} (of i64 and f64) one running pass over each segment. Results land at the rows' own positions. Other windows return null here.
 */
final class WindowSequences {
  private WindowSequences() {}

  /** The window's column, or null when no segmented path applies. */
  static Column tryEvaluate(ExpressionEvaluator evaluator, Window window,
      WindowGroups groups, WindowGroups.Grouping grouping) {
    if (window.options().mapping() != WindowOptions.Mapping.GROUP_TO_ROWS) {
      return null;
    }
    Expr input = switch (window.input()) {
      case SequenceFunction shift when shift.op() == SequenceOp.SHIFT && shift.value() == null -> shift.input();
      case SequenceFunction count when count.op() == SequenceOp.CUM_COUNT -> count.input();
      case SequenceFunction sum when sum.op() == SequenceOp.CUM_SUM -> sum.input();
      case FillNullExpr fill when fill.strategy() == FillStrategy.FORWARD
          || fill.strategy() == FillStrategy.BACKWARD -> fill.input();
      default -> null;
    };
    if (input == null || !RowWise.isRowWise(input) || ExpressionEvaluator.isScalar(input)) {
      return null;
    }
    WindowGroups.Ordering ordering = groups.ordering(evaluator, window, grouping);
    int rowCount = evaluator.rowCount();
    try (Column values = evaluator.evalAt(input, rowCount)) {
      return switch (window.input()) {
        case SequenceFunction shift when shift.op() == SequenceOp.SHIFT ->
            Gather.rows(values, shifted(ordering, shift.n(), rowCount), rowCount, evaluator.allocator());
        case SequenceFunction count when count.op() == SequenceOp.CUM_COUNT ->
            counts(values, ordering, count.fromTheEnd(), evaluator.allocator());
        case SequenceFunction sum -> values instanceof FixedWidthColumn fixed
            && (values.type() instanceof DataType.Int64 || values.type() instanceof DataType.Float64)
            ? sums(fixed, ordering, sum.fromTheEnd(), evaluator.allocator())
            : null; // other types: the general path
        default -> {
          boolean forward = ((FillNullExpr) window.input()).strategy() == FillStrategy.FORWARD;
          yield values.nullCount() == 0 ? values.share()
              : Gather.rows(values, filled(values, ordering, forward), rowCount, evaluator.allocator());
        }
      };
    }
  }

  /** For each row, the row {@code n} places before it in its segment, or -1. */
  private static int[] shifted(WindowGroups.Ordering ordering, long n, int rowCount) {
    int[] rows = ordering.rows();
    int[] starts = ordering.starts();
    int[] sources = new int[rowCount];
    for (int group = 0; group + 1 < starts.length; group++) {
      int start = starts[group];
      int end = starts[group + 1];
      for (int position = start; position < end; position++) {
        long source = position - n;
        sources[rows[position]] = source >= start && source < end ? rows[(int) source] : -1;
      }
    }
    return sources;
  }

  /** For each row, the nearest non-null row at or before (after) it in its segment, or -1. */
  private static int[] filled(Column values, WindowGroups.Ordering ordering, boolean forward) {
    int[] rows = ordering.rows();
    int[] starts = ordering.starts();
    int[] sources = new int[rows.length];
    for (int group = 0; group + 1 < starts.length; group++) {
      int last = -1;
      for (int step = 0; step < starts[group + 1] - starts[group]; step++) {
        int row = rows[forward ? starts[group] + step : starts[group + 1] - 1 - step];
        if (values.isValid(row)) {
          last = row;
        }
        sources[row] = last;
      }
    }
    return sources;
  }

  /**
   * The running sum within each segment of i64 (wrapping) or f64 values, nulls staying null and
   * skipped, as the {@code Cumulative} kernel computes it over a whole column.
   */
  private static Column sums(FixedWidthColumn values, WindowGroups.Ordering ordering, boolean fromTheEnd,
      BufferAllocator allocator) {
    int[] rows = ordering.rows();
    int[] starts = ordering.starts();
    boolean floating = values.type() instanceof DataType.Float64;
    long[] longs = floating ? null : new long[rows.length];
    double[] doubles = floating ? new double[rows.length] : null;
    for (int group = 0; group + 1 < starts.length; group++) {
      long longSum = 0;
      double doubleSum = 0;
      boolean started = false; // the first value starts the sum as is (so -0.0 stays -0.0)
      for (int step = 0; step < starts[group + 1] - starts[group]; step++) {
        int row = rows[fromTheEnd ? starts[group + 1] - 1 - step : starts[group] + step];
        if (!values.isValid(row)) {
          continue;
        }
        if (floating) {
          doubleSum = started ? doubleSum + values.getDouble(row) : values.getDouble(row);
          started = true;
          doubles[row] = doubleSum;
        } else {
          longSum += values.getLong(row);
          longs[row] = longSum;
        }
      }
    }
    try (FixedWidthBuilder builder = new FixedWidthBuilder(values.type(), allocator, rows.length)) {
      boolean noNulls = values.nullCount() == 0;
      for (int row = 0; row < rows.length; row++) {
        if (!noNulls && !values.isValid(row)) {
          builder.appendNull();
        } else if (floating) {
          builder.appendDouble(doubles[row]);
        } else {
          builder.appendLong(longs[row]);
        }
      }
      return builder.build();
    }
  }

  /** The running count of non-null values within each segment (u32, from its end if asked). */
  private static Column counts(Column values, WindowGroups.Ordering ordering, boolean fromTheEnd,
      BufferAllocator allocator) {
    int[] rows = ordering.rows();
    int[] starts = ordering.starts();
    int[] counts = new int[rows.length];
    for (int group = 0; group + 1 < starts.length; group++) {
      int count = 0;
      for (int step = 0; step < starts[group + 1] - starts[group]; step++) {
        int row = rows[fromTheEnd ? starts[group + 1] - 1 - step : starts[group] + step];
        if (values.isValid(row)) {
          count++;
        }
        counts[row] = count;
      }
    }
    try (FixedWidthBuilder builder = new FixedWidthBuilder(DataType.UINT32, allocator, rows.length)) {
      builder.appendInts(counts, 0, rows.length);
      return builder.build();
    }
  }
}
