package dev.floe.io.parquet;

import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import java.util.List;

/**
 * What {@link ParquetReader#read} returns: the (projected) schema, one record batch per row group
 * read, and what was read. The caller owns the batches; closing the table closes them all.
 */
public record ParquetTable(Schema schema, List<RecordBatch> batches, ParquetReadStatistics statistics)
    implements AutoCloseable {
  public ParquetTable {
    batches = List.copyOf(batches);
  }

  /** Total rows over all batches. */
  public long rowCount() {
    long rows = 0;
    for (RecordBatch batch : batches) {
      rows += batch.rowCount();
    }
    return rows;
  }

  @Override
  public void close() {
    batches.forEach(RecordBatch::close);
  }
}
