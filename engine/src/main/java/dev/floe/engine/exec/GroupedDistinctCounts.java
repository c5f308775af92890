package dev.floe.engine.exec;

import dev.floe.engine.exec.AggregateLeaves.Leaf;
import dev.floe.engine.expr.ExpressionEvaluator;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Agg;
import dev.floe.planner.expr.AggFunction;
import dev.floe.planner.optimizer.RowWise;
import java.util.Arrays;

/**
 * The leaf {@code x.nUnique()} of a group-by, for x of an integer or temporal type, straight from
 * the group ids: x's values are laid out group by group (a counting sort of the values, not of
 * whole rows), each group's run is counted (a short run by comparing each value with the ones
 * before it, a longer one sorted first: Q21's runs of about four values spent more in the sort's
 * calls than in comparing), and a group with nulls
 * counts null once more (Polars' {@code n_unique} counts null as a value). The general path would
 * evaluate the expression once per group, which for TPC-H Q21's 1.5M groups of about four rows is
 * most of the query.
 */
final class GroupedDistinctCounts {
  private GroupedDistinctCounts() {}

  /** Whether {@link #evaluate} may handle {@code leaf} (it still returns null for other types). */
  static boolean handles(Leaf leaf) {
    return !leaf.implode() && leaf.expr() instanceof Agg agg && agg.function() == AggFunction.N_UNIQUE
        && RowWise.isRowWise(agg.input());
  }

  /** The count per group, or null when x's type is not one this path compares exactly. */
  static Column evaluate(Leaf leaf, RecordBatch all, int[] ids, int groups, BufferAllocator allocator) {
    Agg agg = (Agg) leaf.expr();
    try (Column values = ExpressionEvaluator.evaluate(all, agg.input(), allocator)) {
      if (!(values instanceof FixedWidthColumn fixed) || !exact(values.type())) {
        return null;
      }
      int[] counts = counts(fixed, ids, groups);
      try (FixedWidthBuilder out = new FixedWidthBuilder(DataType.UINT32, allocator, groups)) {
        for (int count : counts) {
          out.appendInt(count);
        }
        return out.build();
      }
    }
  }

  /** Integers and temporal values compare by their bits; floats (NaN, -0.0) and decimals do not. */
  private static boolean exact(DataType type) {
    return (type.isInteger() || type.isTemporal()) && type.byteWidth() > 0;
  }

  private static int[] counts(FixedWidthColumn values, int[] ids, int groups) {
    int rows = ids.length;
    int[] start = new int[groups + 1];
    boolean[] hasNull = new boolean[groups];
    boolean nulls = values.nullCount() > 0;
    for (int row = 0; row < rows; row++) {
      if (nulls && values.isNull(row)) {
        hasNull[ids[row]] = true;
      } else {
        start[ids[row] + 1]++;
      }
    }
    for (int group = 0; group < groups; group++) {
      start[group + 1] += start[group];
    }
    long[] grouped = new long[start[groups]];
    int[] next = Arrays.copyOf(start, groups);
    long[] all = allBits(values);
    for (int row = 0; row < rows; row++) {
      if (!nulls || !values.isNull(row)) {
        grouped[next[ids[row]]++] = all[row];
      }
    }
    int[] counts = new int[groups];
    for (int group = 0; group < groups; group++) {
      int from = start[group];
      int to = start[group + 1];
      counts[group] = (to - from <= SMALL ? distinctSmall(grouped, from, to) : distinctSorted(grouped, from, to))
          + (hasNull[group] ? 1 : 0);
    }
    return counts;
  }

  /** Runs of at most this many values are counted by comparing each with those before it, unsorted. */
  private static final int SMALL = 12;

  private static int distinctSmall(long[] values, int from, int to) {
    int distinct = 0;
    for (int index = from; index < to; index++) {
      long value = values[index];
      int earlier = from;
      while (earlier < index && values[earlier] != value) {
        earlier++;
      }
      distinct += earlier == index ? 1 : 0;
    }
    return distinct;
  }

  private static int distinctSorted(long[] values, int from, int to) {
    Arrays.sort(values, from, to);
    int distinct = 1;
    for (int index = from + 1; index < to; index++) {
      if (values[index] != values[index - 1]) {
        distinct++;
      }
    }
    return distinct;
  }

  /** Every slot's value as its bits (null slots: whatever they hold): int64 in one bulk copy. */
  private static long[] allBits(FixedWidthColumn values) {
    long[] all = new long[values.length()];
    if (values.type().byteWidth() == 8) {
      java.lang.foreign.MemorySegment.copy(values.valuesBuffer().segment(),
          java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, (long) values.offset() << 3, all, 0, all.length);
      return all;
    }
    for (int row = 0; row < all.length; row++) {
      all[row] = bits(values, row);
    }
    return all;
  }

  private static long bits(FixedWidthColumn values, int row) {
    return switch (values.type().byteWidth()) {
      case 1 -> values.getByte(row);
      case 2 -> values.getShort(row);
      case 4 -> values.getInt(row);
      default -> values.getLong(row);
    };
  }
}
