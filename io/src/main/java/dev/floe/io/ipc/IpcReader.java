package dev.floe.io.ipc;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.FloeException;
import dev.floe.errors.FloeIoException;
import dev.floe.io.IoProgress;
import dev.floe.io.ProgressReporter;
import dev.floe.errors.FloeOutOfMemoryException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Arrow IPC files ("ARROW1" magic, footer with the record batch blocks) and streams
 * (messages until an end-of-stream marker) from a memory mapping. Bad input throws
 * {@link FloeIoException} naming the file, the message or record batch and the column.
 */
public final class IpcReader {
  private static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);

  private IpcReader() {}

  /** Reads an IPC file; the caller owns the batches. */
  public static IpcTable readFile(Path path, IpcReadOptions options, BufferAllocator allocator) {
    return read(path, options, allocator, false);
  }

  /** Reads an IPC stream stored in a file; the caller owns the batches. */
  public static IpcTable readStream(Path path, IpcReadOptions options, BufferAllocator allocator) {
    return read(path, options, allocator, true);
  }

  private static IpcTable read(Path path, IpcReadOptions options, BufferAllocator allocator, boolean stream) {
    if (!stream) {
      List<RecordBatch> batches = new ArrayList<>();
      try {
        return new IpcTable(readFileBatches(path, options, allocator, batches), batches);
      } catch (RuntimeException failure) {
        batches.forEach(RecordBatch::close);
        throw failure;
      }
    }
    String where = "Arrow IPC " + (stream ? "stream " : "file ") + path;
    MappedFile file = MappedFile.map(path);
    List<RecordBatch> batches = new ArrayList<>();
    ProgressReporter progress = IoProgress.reporter(stream ? "read ipc stream" : "read ipc", path, file.size());
    try (Dictionaries dictionaries = new Dictionaries()) {
      Schema projected = readStreamBatches(file, options, allocator, where, batches, dictionaries, progress);
      progress.finish(); // inside the try: a listener that throws here releases the batches
      return new IpcTable(projected, batches);
    } catch (RuntimeException failure) {
      batches.forEach(RecordBatch::close);
      throw translate(failure, where);
    } finally {
      progress.finish();
      file.release();
    }
  }

  private static Schema readFileBatches(Path path, IpcReadOptions options, BufferAllocator allocator,
      List<RecordBatch> out) {
    try (IpcFileStream stream = IpcFileStream.open(path, options, allocator)) {
      for (RecordBatch batch = stream.next(); batch != null; batch = stream.next()) {
        out.add(batch);
      }
      return stream.schema();
    }
  }

  private static Schema readStreamBatches(MappedFile file, IpcReadOptions options, BufferAllocator allocator,
      String where, List<RecordBatch> out, Dictionaries dictionaries, ProgressReporter progress) {
    MemorySegment bytes = file.segment();
    IpcMessage first = IpcMessage.at(bytes, 0, file.size(), where);
    if (first == null || first.headerType() != IpcMessage.SCHEMA) {
      throw new FloeIoException(where + ": the stream does not start with a schema message");
    }
    Schema schema = IpcSchemas.readSchema(first.metadata(), first.header(), dictionaries.ids);
    dictionaries.bind(schema);
    boolean[] selected = selection(schema, options, where);
    long position = first.end();
    for (int index = 0; ; index++) {
      String context = where + ", record batch " + index;
      IpcMessage message = IpcMessage.at(bytes, position, file.size(), context);
      if (message == null) {
        break;
      }
      if (message.headerType() == IpcMessage.DICTIONARY_BATCH) {
        dictionaries.read(file, options.memoryMap(), allocator, message, where + ", message at byte " + position);
        position = message.end();
        index--;
        continue;
      }
      if (message.headerType() != IpcMessage.RECORD_BATCH) {
        throw new FloeIoException(context + ": message at byte " + position + " has header type "
            + message.headerType() + ", expected a record or dictionary batch");
      }
      out.add(decode(file, options, allocator, message, schema, selected, context, dictionaries));
      progress.advance(message.end() - position, out.getLast().rowCount());
      position = message.end();
    }
    return project(schema, selected);
  }

  /** Bad data as a {@link FloeIoException} naming {@code where}; Floe's own I/O, memory and column errors unchanged. */
  static RuntimeException translate(RuntimeException failure, String where) {
    if (failure instanceof FloeIoException || failure instanceof FloeOutOfMemoryException
        || failure instanceof ColumnNotFoundException) {
      return failure;
    }
    String kind = failure instanceof FloeException ? "" : failure.getClass().getSimpleName() + ": ";
    return new FloeIoException(where + ": invalid data: " + kind + failure.getMessage(), failure);
  }

  static RecordBatch decode(MappedFile file, IpcReadOptions options, BufferAllocator allocator,
      IpcMessage message, Schema schema, boolean[] selected, String where, Dictionaries dictionaries) {
    FlatBuffer fb = message.metadata();
    long length = fb.getLong(message.header(), 0, 0);
    if (length < 0 || length > Integer.MAX_VALUE) {
      throw new FloeIoException(where + ": record batch length " + length + " is out of range");
    }
    BatchDecoder decoder = new BatchDecoder(file, options.memoryMap(), options.validation(), allocator, message,
        message.header(), where,
        dictionaries.ids, dictionaries.columns);
    List<Column> columns = new ArrayList<>();
    try {
      for (int index = 0; index < schema.size(); index++) {
        Column column = decoder.next(schema.field(index), selected[index]);
        if (column != null) {
          columns.add(column);
        }
      }
    } catch (RuntimeException failure) {
      columns.forEach(Column::close);
      throw failure;
    }
    return new RecordBatch(project(schema, selected), columns, (int) length);
  }

  static boolean[] selection(Schema schema, IpcReadOptions options, String where) {
    boolean[] selected = new boolean[schema.size()];
    if (options.columns() == null) {
      java.util.Arrays.fill(selected, true);
      return selected;
    }
    for (String name : options.columns()) {
      selected[schema.indexOf(name)] = true;
    }
    return selected;
  }

  static Schema project(Schema schema, boolean[] selected) {
    List<Field> fields = new ArrayList<>();
    for (int index = 0; index < selected.length; index++) {
      if (selected[index]) {
        fields.add(schema.field(index));
      }
    }
    return new Schema(fields, schema.metadata());
  }

  static boolean magicAt(MemorySegment bytes, long position) {
    for (int index = 0; index < MAGIC.length; index++) {
      if (bytes.get(ValueLayout.JAVA_BYTE, position + index) != MAGIC[index]) {
        return false;
      }
    }
    return true;
  }
}
