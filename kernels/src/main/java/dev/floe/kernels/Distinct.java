package dev.floe.kernels;

import dev.floe.kernels.hashing.GroupIds;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.StructColumn;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Distinct values of a column ({@link GroupIds} equality: null = null, NaN = NaN, -0.0 = 0.0):
 * unique values, their counts, and Polars' {@code value_counts} struct. Results list the values in
 * order of first appearance (or by count for a sorted value count); the caller closes them.
 */
public final class Distinct {
  private Distinct() {}

  /** The first occurrence of each distinct value, in order of appearance. */
  public static Column unique(Column column, BufferAllocator allocator) {
    GroupIds groups = GroupIds.of(List.of(column), allocator);
    if (groups.groupCount() == column.length()) {
      return column.share();
    }
    return Reshape.take(column, groups.firstRows(), allocator);
  }

  /** The number of occurrences of each distinct value, in order of first appearance (u32). */
  public static Column uniqueCounts(Column column, BufferAllocator allocator) {
    return Reshape.uint32(GroupIds.of(List.of(column), allocator).counts(), allocator);
  }

  /**
   * Polars' {@code value_counts}: a struct column of {@code type}'s two fields, the distinct value
   * and its count (u32) or, with {@code normalize}, its share of the rows (f64).
   *
   * @param sort most frequent first (ties in order of first appearance), else order of appearance
   */
  public static Column valueCounts(
      Column column, boolean sort, boolean normalize, DataType.StructType type,
      BufferAllocator allocator) {
    GroupIds groups = GroupIds.of(List.of(column), allocator);
    int[] firstRows = groups.firstRows();
    int[] counts = groups.counts();
    if (sort) {
      // most frequent first, ties by group id (first appearance): one primitive sort of packed keys
      long[] order = new long[counts.length];
      for (int group = 0; group < order.length; group++) {
        order[group] = ((long) (Integer.MAX_VALUE - counts[group]) << 32) | group;
      }
      java.util.Arrays.sort(order);
      int[] sortedRows = new int[order.length];
      int[] sortedCounts = new int[order.length];
      for (int index = 0; index < order.length; index++) {
        int group = (int) order[index];
        sortedRows[index] = firstRows[group];
        sortedCounts[index] = counts[group];
      }
      firstRows = sortedRows;
      System.arraycopy(sortedCounts, 0, counts, 0, counts.length);
    }
    List<Column> fields = new ArrayList<>(2);
    try {
      fields.add(Reshape.take(column, firstRows, allocator));
      if (normalize) {
        double[] shares = new double[counts.length];
        for (int index = 0; index < counts.length; index++) {
          shares[index] = (double) counts[index] / column.length();
        }
        fields.add(Reshape.float64(shares, allocator));
      } else {
        fields.add(Reshape.uint32(counts, allocator));
      }
    } catch (RuntimeException failure) {
      fields.forEach(Column::close);
      throw failure;
    }
    List<Field> names = type.fields();
    DataType.StructType exact = new DataType.StructType(List.of(
        Field.of(names.get(0).name(), column.type()),
        Field.of(names.get(1).name(), fields.get(1).type())));
    return new StructColumn(exact, 0, counts.length, 0, null, fields);
  }
}
