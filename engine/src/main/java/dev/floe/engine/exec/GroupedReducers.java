package dev.floe.engine.exec;

import dev.floe.errors.InternalFloeException;
import dev.floe.kernels.Gather;
import dev.floe.kernels.GroupedExtremes;
import dev.floe.kernels.GroupedSums;
import dev.floe.kernels.hashing.DirectGroupIds;
import dev.floe.kernels.hashing.GroupIds;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.util.List;

/**
 * Grouped reductions over dense group ids: one pass over a column that updates an array slot per
 * group, the "update" step of a grouped aggregate state (DuckDB's aggregate states, Polars'
 * {@code GroupedReduction} in {@code polars-expr/src/reduce/}). The same reductions combine
 * partial states: a sum of sums, a min of mins, a sum of counts, the first of firsts (partials
 * arrive in morsel order). Min, max, first and last pick a row per group and gather it, so they
 * keep the input's type (dates, durations, ...) exactly.
 */
final class GroupedReducers {
  private GroupedReducers() {}

  /** The reductions with array states. */
  enum Reduce {
    SUM,
    MIN,
    MAX,
    COUNT,
    LEN,
    FIRST,
    LAST,
    /** Count, mean and M2 for variance and std ({@link GroupedMoments}), three states at once. */
    MOMENTS
  }

  /**
   * The group ids of rows with equal {@code keys}: by direct indexing for one integer key of a
   * small range ({@link DirectGroupIds}), else by hashing ({@link GroupIds}).
   */
  static GroupIds groupIds(List<Column> keys, BufferAllocator allocator) {
    if (keys.size() == 1) {
      GroupIds direct = DirectGroupIds.tryOf(keys.getFirst());
      if (direct != null) {
        return direct;
      }
    }
    return GroupIds.of(keys, allocator);
  }

  /** Whether {@code reduce} handles values of {@code type} here (else the general path runs). */
  static boolean supports(Reduce reduce, DataType type) {
    return switch (reduce) {
      case COUNT, LEN, FIRST, LAST -> true;
      case SUM, MOMENTS -> type.isInteger() || type.isFloatingPoint();
      case MIN, MAX -> type.isInteger() || type.isFloatingPoint() || (type.isTemporal() && type.byteWidth() >= 4)
          || type.isString();
    };
  }

  /**
   * One value per group of {@code values}' rows ({@code ids[row]} in {@code [0, groups)}): a column
   * of {@code groups} rows of type {@code result} (the input's type for min, max, first and last).
   */
  static Column reduce(Reduce reduce, Column values, int[] ids, int groups, DataType result,
      BufferAllocator allocator) {
    return switch (reduce) {
      case SUM -> sum(values, ids, groups, result, allocator);
      case COUNT, LEN -> count(values, ids, groups, reduce == Reduce.LEN, allocator);
      case FIRST, LAST -> gather(values, edgeRows(ids, groups, reduce == Reduce.FIRST), allocator);
      case MIN, MAX -> gather(values, values.type().isString()
          ? stringExtremeRows(values, ids, groups, reduce == Reduce.MIN)
          : extremeRows((FixedWidthColumn) values, ids, groups, reduce == Reduce.MIN), allocator);
      case MOMENTS -> throw new InternalFloeException("moments have three states (GroupedMoments)");
    };
  }

  private static Column sum(Column values, int[] ids, int groups, DataType result, BufferAllocator allocator) {
    FixedWidthColumn fixed = (FixedWidthColumn) values;
    try (FixedWidthBuilder builder = new FixedWidthBuilder(result, allocator, groups)) {
      if (result.isFloatingPoint()) {
        double[] sums = new double[groups];
        GroupedSums.addDoubles(fixed, ids, sums);
        if (result instanceof DataType.Float64) {
          builder.appendDoubles(sums, 0, groups);
        } else {
          for (double sum : sums) {
            builder.appendFloat((float) sum);
          }
        }
      } else {
        long[] sums = new long[groups];
        GroupedSums.addLongs(fixed, ids, sums); // wrapping, as Polars' integer sums
        switch (result.byteWidth()) {
          case 8 -> builder.appendLongs(sums, 0, groups);
          case 4 -> {
            int[] narrow = new int[groups];
            for (int group = 0; group < groups; group++) {
              narrow[group] = (int) sums[group];
            }
            builder.appendInts(narrow, 0, groups);
          }
          default -> {
            for (long sum : sums) {
              appendInteger(builder, result, sum);
            }
          }
        }
      }
      return builder.build();
    }
  }

  private static Column count(Column values, int[] ids, int groups, boolean all, BufferAllocator allocator) {
    int[] counts = new int[groups];
    GroupedSums.count(all ? null : values, ids, counts);
    try (FixedWidthBuilder builder = new FixedWidthBuilder(DataType.UINT32, allocator, groups)) {
      builder.appendInts(counts, 0, groups);
      return builder.build();
    }
  }

  /** The first (or last) row of each group. */
  static int[] edgeRows(int[] ids, int groups, boolean first) {
    int[] rows = new int[groups];
    java.util.Arrays.fill(rows, -1);
    for (int row = 0; row < ids.length; row++) {
      if (!first || rows[ids[row]] < 0) {
        rows[ids[row]] = row;
      }
    }
    return rows;
  }

  /**
   * The row holding each group's smallest (largest) non-null value; floats skip NaN unless a group
   * has only NaN, as the whole-column kernels do. A group of nulls gets one of its (null) rows.
   */
  private static int[] extremeRows(FixedWidthColumn values, int[] ids, int groups, boolean min) {
    int[] best = GroupedExtremes.rows(values, ids, groups, min);
    int[] any = null;
    for (int group = 0; group < groups; group++) {
      if (best[group] < 0) {
        if (any == null) {
          any = edgeRows(ids, groups, true);
        }
        best[group] = any[group];
      }
    }
    return best;
  }

  /** The row of each group's smallest (largest) string, in code point (UTF-8 byte) order. */
  private static int[] stringExtremeRows(Column values, int[] ids, int groups, boolean min) {
    int[] best = edgeRows(ids, groups, true);
    String[] held = new String[groups];
    for (int row = 0; row < ids.length; row++) {
      if (values.isNull(row)) {
        continue;
      }
      int group = ids[row];
      String value = (String) values.getObject(row);
      if (held[group] == null) {
        held[group] = value;
        best[group] = row;
        continue;
      }
      int order = compareCodePoints(value, held[group]);
      if (min ? order < 0 : order > 0) {
        held[group] = value;
        best[group] = row;
      }
    }
    return best;
  }

  /** Strings compared by code point, which is UTF-8 byte order (String.compareTo is UTF-16 order). */
  static int compareCodePoints(String left, String right) {
    int length = Math.min(left.length(), right.length());
    for (int index = 0; index < length; index++) {
      char a = left.charAt(index);
      char b = right.charAt(index);
      if (a != b) {
        if (Character.isSurrogate(a) || Character.isSurrogate(b)) {
          return Integer.compare(left.codePointAt(index), right.codePointAt(index));
        }
        return Character.compare(a, b);
      }
    }
    return Integer.compare(left.length(), right.length());
  }

  /** {@code values} at {@code rows}. */
  static Column gather(Column values, int[] rows, BufferAllocator allocator) {
    return gather(values, rows, 0, rows.length, allocator);
  }

  /** {@code values}' rows {@code rows[from, from + count)}, in that order. */
  static Column gather(Column values, int[] rows, int from, int count, BufferAllocator allocator) {
    try (FixedWidthBuilder indices = new FixedWidthBuilder(DataType.INT32, allocator, count)) {
      indices.appendInts(rows, from, count);
      try (Column built = indices.build()) {
        return Gather.take(values, built, allocator);
      }
    }
  }

  static void appendInteger(FixedWidthBuilder builder, DataType type, long value) {
    switch (type.byteWidth()) {
      case 1 -> builder.appendByte((byte) value);
      case 2 -> builder.appendShort((short) value);
      case 4 -> builder.appendInt((int) value);
      case 8 -> builder.appendLong(value);
      default -> throw new InternalFloeException("no integer sum into " + type);
    }
  }

  /** A numeric value as a double (u64 as unsigned). */
  static double asDouble(FixedWidthColumn column, int row) {
    return switch (column.type()) {
      case DataType.Float64 t -> column.getDouble(row);
      case DataType.Float32 t -> column.getFloat(row);
      case DataType.UInt64 t -> {
        long bits = column.getLong(row);
        yield bits >= 0 ? (double) bits : (double) ((bits >>> 1) | (bits & 1)) * 2.0;
      }
      default -> dev.floe.kernels.AggregateValues.asLong(column, row);
    };
  }
}
