package dev.floe;

import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.util.ArrayList;
import java.util.List;

/** Frames made of record batches read from a file: one chunk per batch, buffers shared, not copied. */
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
        series.add(Series.fromChunked(field.name(), new ChunkedColumn(field.type(), chunks)));
      }
    } catch (RuntimeException failure) {
      series.forEach(Series::close);
      throw failure;
    }
    return DataFrame.of(series);
  }
}
