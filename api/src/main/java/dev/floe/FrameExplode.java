package dev.floe;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.kernels.Reshape;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.column.ListColumn;
import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link DataFrame#explode}: each row becomes one row per element of its list in the exploded
 * columns, as Polars' {@code explode}. An empty or null list gives one row with a null, as Polars
 * does by default ({@code empty_as_null=True, keep_nulls=True}); the other columns repeat their
 * value. Several exploded columns must have lists of the same length in every row.
 */
final class FrameExplode {
  private FrameExplode() {}

  static DataFrame explode(DataFrame frame, List<String> names) {
    if (names.isEmpty()) {
      throw new InvalidOperationException("explode needs at least one column");
    }
    Set<String> exploded = new LinkedHashSet<>(names);
    List<ListColumn> lists = new ArrayList<>();
    List<Series> rechunked = new ArrayList<>();
    try {
      for (String name : exploded) {
        Series series = frame.column(name).rechunk();
        rechunked.add(series);
        if (!(series.dtype() instanceof DataType.ListType)) {
          throw new SchemaMismatchException("explode needs list columns; '" + name + "' is " + series.dtype());
        }
        lists.add(single(series));
      }
      int[] counts = counts(lists, List.copyOf(exploded));
      return build(frame, exploded, lists, counts);
    } finally {
      rechunked.forEach(Series::close);
    }
  }

  /** The one chunk of a rechunked series, as a list column (an empty series has no chunk). */
  private static ListColumn single(Series series) {
    List<Column> chunks = series.chunks();
    return chunks.isEmpty() ? null : (ListColumn) chunks.getFirst();
  }

  /** The list length of each row (0 for null), checked to agree across the exploded columns. */
  private static int[] counts(List<ListColumn> lists, List<String> names) {
    ListColumn first = lists.getFirst();
    int rows = first == null ? 0 : first.length();
    int[] counts = new int[rows];
    for (int row = 0; row < rows; row++) {
      counts[row] = first.isNull(row) ? 0 : first.valueLength(row);
    }
    for (int index = 1; index < lists.size(); index++) {
      ListColumn other = lists.get(index);
      for (int row = 0; row < rows; row++) {
        int length = other.isNull(row) ? 0 : other.valueLength(row);
        if (length != counts[row]) {
          throw new InvalidOperationException("explode: the lists of '" + names.getFirst() + "' and '"
              + names.get(index) + "' differ in length in row " + row);
        }
      }
    }
    return counts;
  }

  private static DataFrame build(DataFrame frame, Set<String> exploded, List<ListColumn> lists, int[] counts) {
    int total = 0;
    for (int count : counts) {
      total = Math.addExact(total, Math.max(1, count));
    }
    int[] repeat = new int[total];
    int position = 0;
    for (int row = 0; row < counts.length; row++) {
      for (int copy = Math.max(1, counts[row]); copy > 0; copy--) {
        repeat[position++] = row;
      }
    }
    BufferAllocator allocator = BufferAllocator.current();
    List<Series> out = new ArrayList<>(frame.width());
    Set<String> done = new HashSet<>();
    int listIndex = 0;
    try {
      for (Series series : frame.getColumns()) {
        if (exploded.contains(series.name()) && done.add(series.name())) {
          ListColumn list = lists.get(listIndex++);
          out.add(Series.fromColumn(series.name(), list == null
              ? empty(((DataType.ListType) series.dtype()).valueType(), allocator)
              : elements(list, counts, total, allocator)));
        } else {
          try (Series whole = series.rechunk()) {
            out.add(whole.chunks().isEmpty() ? whole.share()
                : Series.fromColumn(series.name(), Reshape.take(whole.chunks().getFirst(), repeat, allocator)));
          }
        }
      }
    } catch (RuntimeException failure) {
      out.forEach(Series::close);
      throw failure;
    }
    return DataFrame.of(out);
  }

  private static Column empty(DataType type, BufferAllocator allocator) {
    try (ColumnBuilder builder = ColumnBuilders.forType(type, allocator)) {
      return builder.build();
    }
  }

  /** The elements of each list in row order, a null for an empty or null list. */
  private static Column elements(ListColumn list, int[] counts, int total, BufferAllocator allocator) {
    int[] rows = new int[total];
    int position = 0;
    for (int row = 0; row < counts.length; row++) {
      if (counts[row] == 0) {
        rows[position++] = -1;
        continue;
      }
      int start = Math.toIntExact(list.valueStart(row));
      for (int element = 0; element < counts[row]; element++) {
        rows[position++] = start + element;
      }
    }
    return Reshape.take(list.values(), rows, allocator);
  }
}
