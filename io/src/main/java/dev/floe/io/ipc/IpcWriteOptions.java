package dev.floe.io.ipc;

/**
 * How to write an Arrow IPC file or stream; immutable, change it with the withers.
 *
 * @param compression the body compression (Polars' {@code compression=}: uncompressed, lz4, zstd)
 * @param recordBatchSize the most rows per record batch (batches also break at chunk boundaries)
 */
public record IpcWriteOptions(IpcCompression compression, int recordBatchSize) {
  /** Uncompressed, at most 1,048,576 rows per record batch. */
  public static final IpcWriteOptions DEFAULT = new IpcWriteOptions(IpcCompression.NONE, 1 << 20);

  public IpcWriteOptions {
    if (compression == null) {
      compression = IpcCompression.NONE;
    }
    if (recordBatchSize < 1) {
      throw new IllegalArgumentException("recordBatchSize must be >= 1, got " + recordBatchSize);
    }
  }

  /** These options with another compression. */
  public IpcWriteOptions withCompression(IpcCompression codec) {
    return new IpcWriteOptions(codec, recordBatchSize);
  }

  /** These options with at most {@code rows} rows per record batch. */
  public IpcWriteOptions withRecordBatchSize(int rows) {
    return new IpcWriteOptions(compression, rows);
  }
}
