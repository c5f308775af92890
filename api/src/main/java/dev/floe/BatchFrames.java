package dev.floe;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryUnion;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames made of record batches (read from a file, or a query's output): one chunk per batch,
 * buffers shared, not copied. A categorical column whose chunks came with different dictionaries
 * (one per morsel of a cast) is put on one dictionary, so the whole column shares it.
 */
final class BatchFrames {
  private BatchFrames() {}

  /** A frame whose column {@code k} has one chunk per batch (the batches stay owned by the caller). */
  static DataFrame of(Schema schema, List<RecordBatch> batches) {
    List<Series> series = new ArrayList<>();
    try {
      for (int index = 0; index < schema.size(); index++) {
        Field field = schema.field(index);
        List<Column> chunks = new ArrayList<>(batches.size());
        for (RecordBatch batch : batches) {
          chunks.add(batch.column(index).share());
        }
        if (field.type() instanceof DataType.Dictionary && chunks.size() > 1) {
          chunks = unified(chunks); // one dictionary for the column, as a cast builds it
        }
        series.add(Series.fromChunked(field.name(), new ChunkedColumn(field.type(), chunks)));
      }
    } catch (RuntimeException failure) {
      series.forEach(Series::close);
      throw failure;
    }
    return DataFrame.of(series);
  }

  /** The chunks on one dictionary ({@link DictionaryUnion}); takes ownership of {@code chunks}. */
  private static List<Column> unified(List<Column> chunks) {
    try {
      return DictionaryUnion.unify(chunks, BufferAllocator.current());
    } finally {
      chunks.forEach(Column::close);
    }
  }
}
