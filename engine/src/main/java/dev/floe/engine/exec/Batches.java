package dev.floe.engine.exec;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.column.Concatenation;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import java.util.ArrayList;
import java.util.List;

/** Whole-input helpers of blocking operators: one batch from many, and back into morsels. */
final class Batches {
  private Batches() {}

  /** One batch of all rows of {@code batches} (of {@code schema}), in order; takes ownership of them. */
  static RecordBatch concat(List<RecordBatch> batches, Schema schema, BufferAllocator allocator) {
    try {
      if (batches.size() == 1) {
        return batches.getFirst().slice(0, batches.getFirst().rowCount());
      }
      int rows = totalRows(batches);
      List<Column> columns = new ArrayList<>(schema.size());
      try {
        for (int index = 0; index < schema.size(); index++) {
          if (batches.isEmpty()) {
            columns.add(empty(schema, index, allocator));
            continue;
          }
          List<Column> parts = new ArrayList<>(batches.size());
          for (RecordBatch batch : batches) {
            parts.add(batch.column(index));
          }
          columns.add(Concatenation.concat(allocator, parts));
        }
      } catch (RuntimeException failure) {
        columns.forEach(Column::close);
        throw failure;
      }
      return new RecordBatch(schema, columns, rows);
    } finally {
      batches.forEach(RecordBatch::close);
    }
  }

  /**
   * {@link #concat}, each column concatenated by its own task on the query pool (a many-column
   * whole input, such as the partial rows of a group-by, copies its columns side by side).
   */
  static RecordBatch concat(List<RecordBatch> batches, Schema schema, BufferAllocator allocator,
      QueryContext context) {
    if (batches.size() <= 1 || schema.size() < 2 || context.pool().getParallelism() < 2) {
      return concat(batches, schema, allocator);
    }
    try {
      int rows = totalRows(batches);
      Column[] columns = new Column[schema.size()];
      List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>(schema.size());
      for (int index = 0; index < schema.size(); index++) {
        int column = index;
        tasks.add(() -> {
          List<Column> parts = new ArrayList<>(batches.size());
          for (RecordBatch batch : batches) {
            parts.add(batch.column(column));
          }
          columns[column] = Concatenation.concat(allocator, parts);
          return null;
        });
      }
      try {
        JoinProbe.run(tasks, context);
      } catch (RuntimeException failure) {
        for (Column column : columns) {
          if (column != null) {
            column.close();
          }
        }
        throw failure;
      }
      return new RecordBatch(schema, java.util.Arrays.asList(columns), rows);
    } finally {
      batches.forEach(RecordBatch::close);
    }
  }

  /** The rows of all batches, which must fit one batch. */
  private static int totalRows(List<RecordBatch> batches) {
    long rows = 0;
    for (RecordBatch batch : batches) {
      rows += batch.rowCount();
    }
    if (rows > Integer.MAX_VALUE) {
      throw new dev.floe.errors.InvalidOperationException(
          "this operator needs its whole input in one batch, and " + rows + " rows exceed "
              + Integer.MAX_VALUE);
    }
    return (int) rows;
  }

  private static Column empty(Schema schema, int index, BufferAllocator allocator) {
    try (ColumnBuilder builder = ColumnBuilders.forType(schema.field(index).type(), allocator)) {
      return builder.build();
    }
  }

  /** Closes every column made so far of batches being built (null: not made yet). */
  static void closeAll(Column[][] columns) {
    for (Column[] batch : columns) {
      for (Column column : batch) {
        if (column != null) {
          column.close();
        }
      }
    }
  }
}
