package dev.floe.io.ipc;

import java.util.List;

/**
 * How to read an Arrow IPC file or stream; immutable, change it with the withers.
 *
 * @param memoryMap map the file and use uncompressed buffers in place (zero-copy; the mapping is
 *     released when the last column built on it is closed); false copies every buffer into
 *     Floe-allocated memory and unmaps the file before returning
 * @param columns the top-level columns to read, in file order; null reads them all
 * @param rowIndexName when set, a first column of u32 row numbers with this name (Polars'
 *     {@code row_index_name}; multi-file reads continue the numbering across files)
 * @param rowIndexOffset the first row number
 * @param validation how much of the data is checked while reading (buffer sizes and lengths are
 *     always checked)
 */
public record IpcReadOptions(boolean memoryMap, List<String> columns, String rowIndexName, long rowIndexOffset,
    Validation validation) {
  /** Memory-mapped, all columns, {@link Validation#AUTO}. */
  public static final IpcReadOptions DEFAULT = new IpcReadOptions(true, null, null, 0, Validation.AUTO);

  /**
   * How much of a file's contents is checked. Buffer sizes, lengths, null counts and metadata are
   * always checked. Offsets, string views and dictionary indices cost a pass over the data: with
   * {@link #METADATA} they are trusted, as pyarrow and Polars trust them, and a corrupt one fails
   * with an {@code IndexOutOfBoundsException} when its value is read (every access is
   * bounds-checked, so it never reads outside the file's buffers).
   */
  public enum Validation {
    /** {@link #METADATA} for uncompressed batches used in place (memory-mapped), else {@link #FULL}. */
    AUTO,
    /** Offsets, views and dictionary indices are checked too: an untrusted file fails while reading. */
    FULL,
    /** Only the metadata and buffer sizes: an O(metadata) read of a mapped file. */
    METADATA
  }

  /** These options with the given validation. */
  public IpcReadOptions withValidation(Validation level) {
    return new IpcReadOptions(memoryMap, columns, rowIndexName, rowIndexOffset, level);
  }

  public IpcReadOptions {
    java.util.Objects.requireNonNull(validation, "validation");
    columns = columns == null ? null : List.copyOf(columns);
    if (rowIndexOffset < 0) {
      throw new IllegalArgumentException("rowIndexOffset must be >= 0, got " + rowIndexOffset);
    }
  }

  /** These options adding a first column {@code name} of u32 row numbers from {@code offset}. */
  public IpcReadOptions withRowIndex(String name, long offset) {
    return new IpcReadOptions(memoryMap, columns, name, offset, validation);
  }

  /** These options with memory mapping on or off. */
  public IpcReadOptions withMemoryMap(boolean map) {
    return new IpcReadOptions(map, columns, rowIndexName, rowIndexOffset, validation);
  }

  /** These options reading only the named columns (Polars' {@code columns=}). */
  public IpcReadOptions withColumns(List<String> names) {
    return new IpcReadOptions(memoryMap, names, rowIndexName, rowIndexOffset, validation);
  }

  /** These options reading only the named columns. */
  public IpcReadOptions withColumns(String... names) {
    return withColumns(List.of(names));
  }
}
