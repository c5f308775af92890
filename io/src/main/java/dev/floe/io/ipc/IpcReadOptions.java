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
 */
public record IpcReadOptions(boolean memoryMap, List<String> columns, String rowIndexName, long rowIndexOffset) {
  /** Memory-mapped, all columns. */
  public static final IpcReadOptions DEFAULT = new IpcReadOptions(true, null, null, 0);

  public IpcReadOptions {
    columns = columns == null ? null : List.copyOf(columns);
    if (rowIndexOffset < 0) {
      throw new IllegalArgumentException("rowIndexOffset must be >= 0, got " + rowIndexOffset);
    }
  }

  /** These options adding a first column {@code name} of u32 row numbers from {@code offset}. */
  public IpcReadOptions withRowIndex(String name, long offset) {
    return new IpcReadOptions(memoryMap, columns, name, offset);
  }

  /** These options with memory mapping on or off. */
  public IpcReadOptions withMemoryMap(boolean map) {
    return new IpcReadOptions(map, columns, rowIndexName, rowIndexOffset);
  }

  /** These options reading only the named columns (Polars' {@code columns=}). */
  public IpcReadOptions withColumns(List<String> names) {
    return new IpcReadOptions(memoryMap, names, rowIndexName, rowIndexOffset);
  }

  /** These options reading only the named columns. */
  public IpcReadOptions withColumns(String... names) {
    return withColumns(List.of(names));
  }
}
