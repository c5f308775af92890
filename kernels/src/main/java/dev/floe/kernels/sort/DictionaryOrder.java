package dev.floe.kernels.sort;

import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import java.util.Arrays;
import java.util.List;

/**
 * Sorting by a categorical (dictionary) column, by value as Polars sorts {@code pl.Categorical}
 * (lexically): the dictionary's values are ranked once (equal values share a rank, a null value
 * ranks last), then rows compare by the rank of their index. Row nulls are the caller's.
 */
final class DictionaryOrder {
  private DictionaryOrder() {}

  static RowComparator of(DictionaryColumn column) {
    int[] rank = ranks(column.dictionary());
    return (left, right) -> Integer.compare(rank[column.getIndex(left)], rank[column.getIndex(right)]);
  }

  /** The rank of each dictionary position in ascending value order. */
  private static int[] ranks(Column dictionary) {
    int size = dictionary.length();
    RowComparator order = RowComparator.of(List.of(dictionary), new boolean[] {false}, true);
    Integer[] positions = new Integer[size];
    for (int position = 0; position < size; position++) {
      positions[position] = position;
    }
    Arrays.sort(positions, order::compare);
    int[] rank = new int[size];
    for (int sorted = 0; sorted < size; sorted++) {
      boolean tied = sorted > 0 && order.compare(positions[sorted - 1], positions[sorted]) == 0;
      rank[positions[sorted]] = tied ? rank[positions[sorted - 1]] : sorted;
    }
    return rank;
  }
}
