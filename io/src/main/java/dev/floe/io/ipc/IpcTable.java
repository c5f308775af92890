package dev.floe.io.ipc;

import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import java.util.List;

/**
 * What an IPC reader returns: the (projected) schema and the record batches, which the caller
 * owns and closes (closing this closes them all).
 */
public record IpcTable(Schema schema, List<RecordBatch> batches) implements AutoCloseable {
  public IpcTable {
    batches = List.copyOf(batches);
  }

  @Override
  public void close() {
    batches.forEach(RecordBatch::close);
  }
}
