package dev.floe.testkit;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated record batch: a schema and one {@link ColumnSample} per field, all of {@link #rowCount}
 * rows (some may be slices). {@link #build} builds every column and the batch; the caller closes it.
 */
public record BatchSample(Schema schema, List<ColumnSample> columns, int rowCount) {

  public BatchSample {
    columns = List.copyOf(columns);
    if (columns.size() != schema.size()) {
      throw new IllegalArgumentException(schema.size() + " fields but " + columns.size() + " columns");
    }
    for (ColumnSample column : columns) {
      if (column.length() != rowCount) {
        throw new IllegalArgumentException("column " + column + " does not have " + rowCount + " rows");
      }
    }
  }

  public RecordBatch build(BufferAllocator allocator) {
    List<Column> built = new ArrayList<>(columns.size());
    try {
      for (ColumnSample column : columns) {
        built.add(column.build(allocator));
      }
      return new RecordBatch(schema, built, rowCount);
    } catch (RuntimeException | Error failure) {
      built.forEach(Column::close);
      throw failure;
    }
  }

  public RecordBatch build() {
    return build(BufferAllocator.current());
  }

  @Override
  public String toString() {
    return "BatchSample[" + schema + ", rows=" + rowCount + ", columns=" + columns + "]";
  }
}
