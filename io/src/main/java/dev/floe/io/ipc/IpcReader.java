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
    String where = "Arrow IPC " + (stream ? "stream " : "file ") + path;
    MappedFile file = MappedFile.map(path);
    List<RecordBatch> batches = new ArrayList<>();
    ProgressReporter progress = IoProgress.reporter(stream ? "read ipc stream" : "read ipc", path, file.size());
    try (Dictionaries dictionaries = new Dictionaries()) {
      Schema projected = stream
          ? readStreamBatches(file, options, allocator, where, batches, dictionaries, progress)
          : readFileBatches(file, options, allocator, where, batches, dictionaries, progress);
      progress.finish(); // inside the try: a listener that throws here releases the batches
      return new IpcTable(projected, batches);
    } catch (RuntimeException failure) {
      batches.forEach(RecordBatch::close);
      if (failure instanceof FloeIoException || failure instanceof FloeOutOfMemoryException
          || failure instanceof ColumnNotFoundException) {
        throw failure;
      }
      String kind = failure instanceof FloeException ? "" : failure.getClass().getSimpleName() + ": ";
      throw new FloeIoException(where + ": invalid data: " + kind + failure.getMessage(), failure);
    } finally {
      progress.finish();
      file.release();
    }
  }

  private static Schema readFileBatches(MappedFile file, IpcReadOptions options, BufferAllocator allocator,
      String where, List<RecordBatch> out, Dictionaries dictionaries, ProgressReporter progress) {
    MemorySegment bytes = file.segment();
    long size = file.size();
    if (size < 18 || !magicAt(bytes, 0) || !magicAt(bytes, size - 6)) {
      throw new FloeIoException(where + ": not an Arrow IPC file (no ARROW1 magic at both ends; "
          + size + " bytes)");
    }
    int footerLength = bytes.get(ValueLayout.JAVA_INT_UNALIGNED, size - 10);
    long footerStart = size - 10 - footerLength;
    if (footerLength <= 0 || footerStart < 8) {
      throw new FloeIoException(where + ": footer length " + footerLength + " does not fit the file of " + size + " bytes");
    }
    FlatBuffer footer = new FlatBuffer(bytes.asSlice(footerStart, footerLength), where + ", footer");
    long root = footer.root();
    long schemaTable = footer.getRef(root, 1);
    if (schemaTable < 0) {
      throw new FloeIoException(where + ": the footer has no schema");
    }
    Schema schema = IpcSchemas.readSchema(footer, schemaTable, dictionaries.ids);
    dictionaries.bind(schema);
    boolean[] selected = selection(schema, options, where);
    long dictionaryBlocks = footer.getRef(root, 2);
    int dictionaryCount = dictionaryBlocks < 0 ? 0 : footer.vectorLength(dictionaryBlocks, 24);
    for (int index = 0; index < dictionaryCount; index++) {
      long offset = footer.readLong(footer.vectorStruct(dictionaryBlocks, index, 24));
      String context = where + ", dictionary batch " + index;
      if (offset < 8 || offset >= footerStart) {
        throw new FloeIoException(context + ": block offset " + offset + " lies outside the data");
      }
      IpcMessage message = IpcMessage.at(bytes, offset, footerStart, context);
      if (message == null || message.headerType() != IpcMessage.DICTIONARY_BATCH) {
        throw new FloeIoException(context + ": the block at byte " + offset + " is not a dictionary batch");
      }
      dictionaries.read(file, options.memoryMap(), allocator, message, context);
    }
    long blocks = footer.getRef(root, 3);
    int count = blocks < 0 ? 0 : footer.vectorLength(blocks, 24);
    for (int index = 0; index < count; index++) {
      long block = footer.vectorStruct(blocks, index, 24);
      long offset = footer.readLong(block);
      String context = where + ", record batch " + index;
      if (offset < 8 || offset >= footerStart) {
        throw new FloeIoException(context + ": block offset " + offset + " lies outside the data");
      }
      IpcMessage message = IpcMessage.at(bytes, offset, footerStart, context);
      if (message == null || message.headerType() != IpcMessage.RECORD_BATCH) {
        throw new FloeIoException(context + ": the block at byte " + offset + " is not a record batch");
      }
      out.add(decode(file, options, allocator, message, schema, selected, context, dictionaries));
      progress.advance(message.end() - offset, out.getLast().rowCount());
    }
    return project(schema, selected);
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

  private static RecordBatch decode(MappedFile file, IpcReadOptions options, BufferAllocator allocator,
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

  private static boolean[] selection(Schema schema, IpcReadOptions options, String where) {
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

  private static Schema project(Schema schema, boolean[] selected) {
    List<Field> fields = new ArrayList<>();
    for (int index = 0; index < selected.length; index++) {
      if (selected[index]) {
        fields.add(schema.field(index));
      }
    }
    return new Schema(fields, schema.metadata());
  }

  private static boolean magicAt(MemorySegment bytes, long position) {
    for (int index = 0; index < MAGIC.length; index++) {
      if (bytes.get(ValueLayout.JAVA_BYTE, position + index) != MAGIC[index]) {
        return false;
      }
    }
    return true;
  }
}
