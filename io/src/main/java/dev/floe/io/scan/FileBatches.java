package dev.floe.io.scan;

import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;

/**
 * One file's batches, decoded as they are pulled (Parquet row groups, Arrow IPC record batches):
 * what a streaming scan reads file by file. Closing releases the file and whatever it still holds.
 */
public interface FileBatches extends AutoCloseable {
  /** The batches' schema, known once the file is open. */
  Schema schema();

  /** The next batch (the caller closes it), or null after the last one. */
  RecordBatch next();

  @Override
  void close();
}
