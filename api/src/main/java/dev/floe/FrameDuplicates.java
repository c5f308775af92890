package dev.floe;

import dev.floe.kernels.hashing.GroupIds;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DataFrame#isDuplicated()}, {@link DataFrame#isUnique()} and {@link DataFrame#nUnique}:
 * rows grouped by hashing their values with {@link GroupIds} (null equals null, NaN equals NaN,
 * -0.0 equals 0.0, as in Polars' {@code is_duplicated}, {@code is_unique} and {@code n_unique}).
 */
final class FrameDuplicates {
  private FrameDuplicates() {}

  /** Per row: does another row have the same values in every column? (Polars' name: empty.) */
  static Series isDuplicated(DataFrame frame) {
    return flags(frame, true);
  }

  /** Per row: is no other row equal to it in every column? */
  static Series isUnique(DataFrame frame) {
    return flags(frame, false);
  }

  /** The number of distinct rows over the {@code subset} columns (all columns when empty). */
  static long nUnique(DataFrame frame, List<String> subset) {
    List<Integer> indices = indices(frame, subset);
    if (frame.height() == 0) {
      return 0;
    }
    if (indices.isEmpty()) {
      return 1; // every row is the same empty tuple
    }
    try (RecordBatch batch = FrameExpressions.toBatch(frame)) {
      return groups(batch, indices).groupCount();
    }
  }

  private static Series flags(DataFrame frame, boolean duplicated) {
    int height = Math.toIntExact(frame.height());
    boolean[] values = new boolean[height];
    if (height > 0 && frame.width() > 0) {
      try (RecordBatch batch = FrameExpressions.toBatch(frame)) {
        GroupIds groups = groups(batch, indices(frame, List.of()));
        int[] counts = groups.counts();
        for (int row = 0; row < height; row++) {
          values[row] = (counts[groups.id(row)] > 1) == duplicated;
        }
      }
    } else if (frame.width() == 0) {
      java.util.Arrays.fill(values, duplicated && height > 1 || !duplicated && height == 1);
    } else {
      return Series.ofBooleans("");
    }
    return Series.ofBooleans("", values);
  }

  private static List<Integer> indices(DataFrame frame, List<String> subset) {
    List<String> names = subset.isEmpty() ? frame.columns() : subset;
    List<Integer> indices = new ArrayList<>(names.size());
    for (String name : names) {
      indices.add(frame.schema().indexOf(name)); // ColumnNotFoundException naming the column
    }
    return indices;
  }

  private static GroupIds groups(RecordBatch batch, List<Integer> indices) {
    List<Column> keys = indices.stream().map(batch::column).toList();
    return GroupIds.of(keys, BufferAllocator.current());
  }
}
