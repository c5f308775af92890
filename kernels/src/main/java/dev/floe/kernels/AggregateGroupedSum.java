package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.ShapeMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.util.Arrays;

/**
 * A grouped sum as a state with update / combine / finish, the shape group-by needs (duckdb's
 * {@code sum_helpers.hpp} states, polars' {@code polars-expr/src/reduce/} GroupedReduction): each
 * thread updates its own state with (groupIds, values) morsels, partial states are combined, and
 * finish builds the result column. Integer input sums with wrapping i64 arithmetic into an i64
 * column; float input into f64; a group that saw only nulls sums to 0, as Polars.
 *
 * <p>Not thread-safe: one state per thread, then {@link #combine}.
 */
public final class AggregateGroupedSum {
  private final boolean floating;
  private long[] longSums = new long[16];
  private double[] doubleSums = new double[16];
  private int groups;

  /** A state for values of {@code type} (integer or float). */
  public AggregateGroupedSum(DataType type) {
    if (!type.isNumeric()) {
      throw Aggregate.unsupported("sum", type);
    }
    this.floating = type.isFloatingPoint();
  }

  /** The number of groups seen so far (the largest group id + 1). */
  public int groupCount() {
    return groups;
  }

  /** Adds {@code values[row]} to group {@code groupIds[row]} for every non-null row. */
  public void update(int[] groupIds, Column values) {
    if (groupIds.length != values.length()) {
      throw new ShapeMismatchException(
          groupIds.length + " group ids for a column of " + values.length() + " rows");
    }
    if (!(values instanceof FixedWidthColumn fixed) || values.type().isFloatingPoint() != floating
        || !values.type().isNumeric()) {
      throw new InvalidOperationException(
          "grouped sum state of " + (floating ? "floats" : "integers") + " cannot take "
              + values.type());
    }
    for (int row = 0; row < groupIds.length; row++) {
      int group = groupIds[row];
      ensure(group + 1);
      if (fixed.isNull(row)) {
        continue;
      }
      if (floating) {
        doubleSums[group] += AggregateValues.asDouble(fixed, row);
      } else {
        longSums[group] += AggregateValues.asLong(fixed, row);
      }
    }
  }

  /** Adds another thread's partial sums into this state (group ids must mean the same groups). */
  public void combine(AggregateGroupedSum other) {
    if (other.floating != floating) {
      throw new InvalidOperationException("cannot combine integer and float sum states");
    }
    ensure(other.groups);
    for (int group = 0; group < other.groups; group++) {
      longSums[group] += other.longSums[group];
      doubleSums[group] += other.doubleSums[group];
    }
  }

  /** One sum per group, group id order; the caller closes it. */
  public Column finish(BufferAllocator allocator) {
    DataType type = floating ? DataType.FLOAT64 : DataType.INT64;
    try (FixedWidthBuilder builder = new FixedWidthBuilder(type, allocator, Math.max(groups, 1))) {
      for (int group = 0; group < groups; group++) {
        if (floating) {
          builder.appendDouble(doubleSums[group]);
        } else {
          builder.appendLong(longSums[group]);
        }
      }
      return builder.build();
    }
  }

  private void ensure(int count) {
    if (count > longSums.length) {
      int capacity = Math.max(count, longSums.length * 2);
      longSums = Arrays.copyOf(longSums, capacity);
      doubleSums = Arrays.copyOf(doubleSums, capacity);
    }
    groups = Math.max(groups, count);
  }
}
