package dev.floe.engine;

import dev.floe.kernels.Filter;
import dev.floe.kernels.Gather;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Row operations applied to every column of a batch with the kernels. */
public final class BatchOperations {
  private BatchOperations() {}

  /** The rows where {@code mask} is true (null counts as false); new columns the caller closes. */
  public static List<Column> filter(RecordBatch batch, BooleanColumn mask, BufferAllocator allocator) {
    return map(batch, column -> Filter.filter(column, mask, allocator));
  }

  /** The rows at {@code indices} (Int32), in that order; new columns the caller closes. */
  public static List<Column> take(RecordBatch batch, Column indices, BufferAllocator allocator) {
    return map(batch, column -> Gather.take(column, indices, allocator));
  }

  /** One derived column per column; closes those made so far when one fails. */
  public static List<Column> map(RecordBatch batch, UnaryOperator<Column> derive) {
    List<Column> results = new ArrayList<>(batch.columnCount());
    try {
      for (Column column : batch.columns()) {
        results.add(derive.apply(column));
      }
      return results;
    } catch (RuntimeException failure) {
      results.forEach(Column::close);
      throw failure;
    }
  }
}
