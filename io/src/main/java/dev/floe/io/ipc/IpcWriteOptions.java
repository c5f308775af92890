package dev.floe.io.ipc;

import dev.floe.errors.InvalidOperationException;

/**
 * How to write an Arrow IPC file or stream; immutable, change it with the withers.
 *
 * @param compression the body compression (Polars' {@code compression=}: uncompressed, lz4, zstd)
 * @param recordBatchSize the most rows per record batch (batches also break at chunk boundaries)
 * @param memoryMapped lay the output out for zero-copy reading by another process and write it
 *     through a memory mapping of its exact final size (Floe's own option; Polars has none): every
 *     message body, and so every buffer, starts at a multiple of 64 bytes in the file, and the body
 *     is uncompressed. Meant for exchanging frames through {@code /dev/shm}, where pyarrow's {@code
 *     ipc.open_file(memory_map(path))} and Floe's memory-mapped read use the buffers in place.
 *     A mapped file must never be truncated or rewritten in place (its readers would get {@code
 *     SIGBUS} or see data change); replace it by writing a new file and renaming it over the old
 *     one, as this writer does (readers keep the old inode), or delete it (safe on Linux while
 *     mapped).
 */
public record IpcWriteOptions(IpcCompression compression, int recordBatchSize, boolean memoryMapped) {
  /** Uncompressed, at most 1,048,576 rows per record batch, written through a channel. */
  public static final IpcWriteOptions DEFAULT = new IpcWriteOptions(IpcCompression.NONE, 1 << 20, false);

  /**
   * Checks the options.
   *
   * @throws InvalidOperationException when {@code memoryMapped} is combined with a compression
   *     (compressed buffers must be decompressed into new memory, so they are never read in place)
   */
  public IpcWriteOptions {
    if (compression == null) {
      compression = IpcCompression.NONE;
    }
    if (recordBatchSize < 1) {
      throw new IllegalArgumentException("recordBatchSize must be >= 1, got " + recordBatchSize);
    }
    if (memoryMapped && compression != IpcCompression.NONE) {
      throw new InvalidOperationException("a memory-mapped Arrow IPC write is uncompressed so that readers use"
          + " its buffers in place; it cannot use " + compression + " compression");
    }
  }

  /** Options written through a channel (not memory-mapped). */
  public IpcWriteOptions(IpcCompression compression, int recordBatchSize) {
    this(compression, recordBatchSize, false);
  }

  /** These options with another compression. */
  public IpcWriteOptions withCompression(IpcCompression codec) {
    return new IpcWriteOptions(codec, recordBatchSize, memoryMapped);
  }

  /** These options with at most {@code rows} rows per record batch. */
  public IpcWriteOptions withRecordBatchSize(int rows) {
    return new IpcWriteOptions(compression, rows, memoryMapped);
  }

  /**
   * These options writing (or not) a file laid out for zero-copy sharing with other processes,
   * through a memory mapping: see {@link #memoryMapped()}.
   *
   * @throws InvalidOperationException when turning it on while a compression is set
   */
  public IpcWriteOptions withMemoryMapped(boolean mapped) {
    return new IpcWriteOptions(compression, recordBatchSize, mapped);
  }
}
