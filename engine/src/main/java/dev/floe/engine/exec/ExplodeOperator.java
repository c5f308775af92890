package dev.floe.engine.exec;

import dev.floe.errors.InvalidOperationException;
import dev.floe.kernels.Reshape;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.column.ListColumn;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Explodes each morsel on its own ({@link dev.floe.planner.plan.Explode}): a row whose lists hold
 * n elements becomes n rows (an empty or null list: one row with a null); the exploded columns
 * take the elements in order, the other columns repeat the row's value. Lists of the exploded
 * columns must agree in length row by row.
 */
final class ExplodeOperator implements MorselOperator {
  private final List<String> columns;
  private final Schema output;

  ExplodeOperator(List<String> columns, Schema output) {
    this.columns = List.copyOf(columns);
    this.output = output;
  }

  @Override
  public RecordBatch apply(RecordBatch input, BufferAllocator allocator) {
    try (input) {
      int rows = input.rowCount();
      int[] counts = counts(input, rows);
      int total = 0;
      for (int count : counts) {
        total = Math.addExact(total, Math.max(1, count));
      }
      int[] repeat = new int[total];
      int position = 0;
      for (int row = 0; row < rows; row++) {
        for (int copy = Math.max(1, counts[row]); copy > 0; copy--) {
          repeat[position++] = row;
        }
      }
      List<Column> out = new ArrayList<>(input.columnCount());
      try {
        for (int index = 0; index < input.columnCount(); index++) {
          Field field = input.schema().field(index);
          Column column = input.column(index);
          out.add(columns.contains(field.name())
              ? elements(column, output.field(field.name()).type(), counts, total, allocator)
              : Reshape.take(column, repeat, allocator));
        }
      } catch (RuntimeException failure) {
        out.forEach(Column::close);
        throw failure;
      }
      return new RecordBatch(output, out, total);
    }
  }

  /** The list length of each row (0 for null), checked to agree across the exploded columns. */
  private int[] counts(RecordBatch input, int rows) {
    int[] counts = null;
    for (String name : columns) {
      Column column = input.column(name);
      int[] lengths = new int[rows];
      if (column instanceof ListColumn list) {
        for (int row = 0; row < rows; row++) {
          lengths[row] = list.isNull(row) ? 0 : list.valueLength(row);
        }
      }
      if (counts == null) {
        counts = lengths;
        continue;
      }
      for (int row = 0; row < rows; row++) {
        if (lengths[row] != counts[row]) {
          throw new InvalidOperationException("explode: the lists of '" + columns.getFirst() + "' and '" + name
              + "' differ in length in row " + row + " (of the morsel)");
        }
      }
    }
    return counts;
  }

  /** The elements of each list in row order, a null for an empty or null list. */
  private static Column elements(Column column, DataType type, int[] counts, int total, BufferAllocator allocator) {
    if (!(column instanceof ListColumn list)) {
      // an all-null column without list buffers: every row gives one null
      try (ColumnBuilder builder = ColumnBuilders.forType(type, allocator)) {
        for (int row = 0; row < total; row++) {
          builder.appendNull();
        }
        return builder.build();
      }
    }
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

  @Override
  public String describe() {
    return "Explode " + columns;
  }
}
