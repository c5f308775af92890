package dev.floe.io.ipc;

import java.util.List;

/**
 * How to read an Arrow IPC file or stream; immutable, change it with the withers.
 *
 * @param memoryMap map the file and use uncompressed buffers in place (zero-copy; the mapping is
 *     released when the last column built on it is closed); false copies every buffer into
 *     Floe-allocated memory and unmaps the file before returning
 * @param columns the top-level columns to read, in file order; null reads them all
 */
public record IpcReadOptions(boolean memoryMap, List<String> columns) {
  /** Memory-mapped, all columns. */
  public static final IpcReadOptions DEFAULT = new IpcReadOptions(true, null);

  public IpcReadOptions {
    columns = columns == null ? null : List.copyOf(columns);
  }

  /** These options with memory mapping on or off. */
  public IpcReadOptions withMemoryMap(boolean map) {
    return new IpcReadOptions(map, columns);
  }

  /** These options reading only the named columns (Polars' {@code columns=}). */
  public IpcReadOptions withColumns(List<String> names) {
    return new IpcReadOptions(memoryMap, names);
  }

  /** These options reading only the named columns. */
  public IpcReadOptions withColumns(String... names) {
    return withColumns(List.of(names));
  }
}
