package dev.floe.io.ipc;

import dev.floe.errors.FloeIoException;
import dev.floe.io.AtomicFileWrite;
import dev.floe.io.IoProgress;
import dev.floe.io.ProgressReporter;
import dev.floe.io.ipc.FlatBufferBuilder.Table;
import dev.floe.io.ipc.FlatBufferBuilder.WordVector;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes columns as an Arrow IPC file or stream (metadata version V5, buffers 64-byte aligned),
 * atomically: into a temporary file in the target directory, renamed over the target on success
 * and deleted on failure, so a failed write never leaves a half-written file. With {@link
 * IpcWriteOptions#memoryMapped()} the file is laid out for zero-copy reading by other processes
 * and written through a memory mapping (see {@code MappedIpcWriter}).
 */
public final class IpcWriter {
  private static final byte[] FILE_MAGIC = {'A', 'R', 'R', 'O', 'W', '1', 0, 0};

  private IpcWriter() {}

  /** Writes an IPC file ("ARROW1", messages, footer). */
  public static void writeFile(Path path, Schema schema, List<ChunkedColumn> columns,
      IpcWriteOptions options, BufferAllocator allocator) {
    write(path, schema, columns, options, allocator, false);
  }

  /** Writes an IPC stream (schema message, record batches, end-of-stream marker). */
  public static void writeStream(Path path, Schema schema, List<ChunkedColumn> columns,
      IpcWriteOptions options, BufferAllocator allocator) {
    write(path, schema, columns, options, allocator, true);
  }

  private static void write(Path path, Schema schema, List<ChunkedColumn> columns,
      IpcWriteOptions options, BufferAllocator allocator, boolean stream) {
    Path target = path.toAbsolutePath();
    ProgressReporter progress = IoProgress.reporter(stream ? "write ipc stream" : "write ipc", path, -1);
    try {
      AtomicFileWrite.write(target, temporary -> {
        if (options.memoryMapped()) {
          MappedIpcWriter.write(temporary, allocator,
              (out, report) -> writeMessages(out, schema, columns, options, stream, report ? progress : null));
        } else {
          try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            writeMessages(new MessageWriter(channel, options.compression(), allocator), schema, columns, options,
                stream, progress);
          }
        }
        progress.finish(); // a listener that throws here cancels: nothing is renamed
      });
    } catch (IOException failure) {
      throw new FloeIoException("cannot write Arrow IPC " + (stream ? "stream " : "file ") + target
          + ": " + failure.getMessage(), failure);
    } finally {
      progress.finish();
    }
  }

  /** Writes the whole file or stream to {@code out}; {@code progress} may be null (no reports). */
  private static void writeMessages(MessageWriter out, Schema schema, List<ChunkedColumn> columns,
      IpcWriteOptions options, boolean stream, ProgressReporter progress) throws IOException {
    if (!stream) {
      out.raw(ByteBuffer.wrap(FILE_MAGIC));
    }
    out.message(IpcSchemas.schemaTable(schema), 1, null);
    List<long[]> blocks = new ArrayList<>();
    DictionaryWriter dictionaries = new DictionaryWriter(stream);
    for (long[] range : batchRanges(columns, options.recordBatchSize())) {
      long[] block = writeBatch(out, columns, range[0], range[1], dictionaries);
      blocks.add(block);
      if (progress != null) {
        progress.advance(block[1] + block[2], range[1]);
      }
    }
    out.raw(ByteBuffer.wrap(new byte[] {-1, -1, -1, -1, 0, 0, 0, 0}));
    if (!stream) {
      writeFooter(out, schema, dictionaries.blocks, blocks);
    }
  }

  /** Row ranges: every chunk boundary of every column, then at most {@code size} rows each. */
  static List<long[]> batchRanges(List<ChunkedColumn> columns, int size) {
    long rows = columns.isEmpty() ? 0 : columns.getFirst().length();
    TreeSet<Long> cuts = new TreeSet<>(List.of(0L, rows));
    for (ChunkedColumn column : columns) {
      long start = 0;
      for (Column chunk : column.chunks()) {
        start += chunk.length();
        cuts.add(start);
      }
    }
    List<long[]> ranges = new ArrayList<>();
    Long previous = null;
    for (long cut : cuts) {
      if (previous != null) {
        for (long start = previous; start < cut; start += size) {
          ranges.add(new long[] {start, Math.min(size, cut - start)});
        }
      }
      previous = cut;
    }
    return ranges;
  }

  private static long[] writeBatch(MessageWriter out, List<ChunkedColumn> columns, long start, long length,
      DictionaryWriter dictionaries) throws IOException {
    List<ChunkedColumn> slices = new ArrayList<>();
    try (ColumnEncoder encoder = new ColumnEncoder(out.allocator())) {
      for (ChunkedColumn column : columns) {
        ChunkedColumn slice = column.slice(start, length);
        slices.add(slice);
        encoder.encode(slice.chunks().getFirst());
      }
      dictionaries.before(out, encoder);
      return out.recordBatch(length, encoder);
    } finally {
      slices.forEach(ChunkedColumn::close);
    }
  }

  private static WordVector blockVector(List<long[]> blocks) {
    long[] words = new long[blocks.size() * 3];
    for (int index = 0; index < blocks.size(); index++) {
      long[] block = blocks.get(index);
      words[3 * index] = block[0];
      words[3 * index + 1] = block[1] & 0xFFFFFFFFL;
      words[3 * index + 2] = block[2];
    }
    return new WordVector(words, blocks.size());
  }

  private static void writeFooter(MessageWriter out, Schema schema, List<long[]> dictionaries, List<long[]> blocks)
      throws IOException {
    Table footer = new Table()
        .addShort(0, 4)
        .add(1, IpcSchemas.schemaTable(schema))
        .add(2, blockVector(dictionaries))
        .add(3, blockVector(blocks));
    byte[] bytes = FlatBufferBuilder.finish(footer);
    out.raw(ByteBuffer.wrap(bytes));
    ByteBuffer tail = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    tail.putInt(bytes.length).put(FILE_MAGIC, 0, 6).flip();
    out.raw(tail);
  }
}
