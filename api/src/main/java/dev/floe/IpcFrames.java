package dev.floe;

import dev.floe.io.ipc.IpcReadOptions;
import dev.floe.io.ipc.IpcReader;
import dev.floe.io.ipc.IpcTable;
import dev.floe.io.ipc.IpcWriteOptions;
import dev.floe.io.ipc.IpcWriter;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Arrow IPC reading and writing for {@link Floe#readIpc} and {@link DataFrame#writeIpc}. */
final class IpcFrames {
  private IpcFrames() {}

  /** A frame with one chunk per record batch; the batches' buffers are shared, not copied. */
  static DataFrame read(Path path, IpcReadOptions options, boolean stream) {
    BufferAllocator allocator = BufferAllocator.current();
    try (IpcTable table = stream ? IpcReader.readStream(path, options, allocator)
        : IpcReader.readFile(path, options, allocator)) {
      return FrameRowIndex.apply(BatchFrames.of(table.schema(), table.batches()), options.rowIndexName(),
          options.rowIndexOffset());
    }
  }

  static void write(DataFrame frame, Path path, IpcWriteOptions options, boolean stream) {
    List<ChunkedColumn> columns = new ArrayList<>();
    for (Series series : frame.getColumns()) {
      columns.add(series.column());
    }
    BufferAllocator allocator = BufferAllocator.current();
    if (stream) {
      IpcWriter.writeStream(path, frame.schema(), columns, options, allocator);
    } else {
      IpcWriter.writeFile(path, frame.schema(), columns, options, allocator);
    }
  }
}
