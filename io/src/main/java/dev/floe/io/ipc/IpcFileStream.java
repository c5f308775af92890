package dev.floe.io.ipc;

import dev.floe.errors.FloeIoException;
import dev.floe.io.IoProgress;
import dev.floe.io.ProgressReporter;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * An Arrow IPC file read one record batch at a time, as the caller pulls: the footer, the schema
 * and the dictionaries are read when it opens, and each {@link #next()} decodes the next record
 * batch from the memory mapping (zero-copy for uncompressed buffers when the options map the
 * file). Closing releases the reader's hold on the file (batches already returned keep the mapping
 * alive as long as they need it) and sends the final progress report. Bad input throws {@link
 * FloeIoException} naming the file and the record batch.
 */
public final class IpcFileStream implements dev.floe.io.scan.FileBatches {
  private final MappedFile file;
  private final IpcReadOptions options;
  private final BufferAllocator allocator;
  private final String where;
  private final Dictionaries dictionaries = new Dictionaries();
  private final ProgressReporter progress;
  private Schema schema;
  private Schema projected;
  private boolean[] selected;
  private FlatBuffer footer;
  private long blocks;
  private int count;
  private long footerStart;
  private int next;
  private boolean closed;

  private IpcFileStream(MappedFile file, IpcReadOptions options, BufferAllocator allocator, String where,
      ProgressReporter progress) {
    this.file = file;
    this.options = options;
    this.allocator = allocator;
    this.where = where;
    this.progress = progress;
  }

  /** Opens {@code path} and reads its footer, schema and dictionaries; the caller closes the stream. */
  public static IpcFileStream open(Path path, IpcReadOptions options, BufferAllocator allocator) {
    String where = "Arrow IPC file " + path;
    MappedFile file = MappedFile.map(path);
    IpcFileStream stream = new IpcFileStream(file, options, allocator, where,
        IoProgress.reporter("read ipc", path, file.size()));
    try {
      stream.readFooter();
      return stream;
    } catch (RuntimeException failure) {
      RuntimeException translated = IpcReader.translate(failure, where);
      try {
        stream.close();
      } catch (RuntimeException listener) {
        translated.addSuppressed(listener);
      }
      throw translated;
    }
  }

  /** The schema of every batch: the selected columns in file order. */
  public Schema schema() {
    return projected;
  }

  /** The next record batch (the caller closes it), or null after the last one. */
  public RecordBatch next() {
    if (closed || next >= count) {
      return null;
    }
    int index = next++;
    String context = where + ", record batch " + index;
    try {
      long offset = footer.readLong(footer.vectorStruct(blocks, index, 24));
      if (offset < 8 || offset >= footerStart) {
        throw new FloeIoException(context + ": block offset " + offset + " lies outside the data");
      }
      IpcMessage message = IpcMessage.at(file.segment(), offset, footerStart, context);
      if (message == null || message.headerType() != IpcMessage.RECORD_BATCH) {
        throw new FloeIoException(context + ": the block at byte " + offset + " is not a record batch");
      }
      RecordBatch batch = IpcReader.decode(file, options, allocator, message, schema, selected, context, dictionaries);
      progress.advance(message.end() - offset, batch.rowCount());
      return batch;
    } catch (RuntimeException failure) {
      throw IpcReader.translate(failure, where);
    }
  }

  private void readFooter() {
    MemorySegment bytes = file.segment();
    long size = file.size();
    if (size < 18 || !IpcReader.magicAt(bytes, 0) || !IpcReader.magicAt(bytes, size - 6)) {
      throw new FloeIoException(where + ": not an Arrow IPC file (no ARROW1 magic at both ends; "
          + size + " bytes)");
    }
    int footerLength = bytes.get(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, size - 10);
    footerStart = size - 10 - footerLength;
    if (footerLength <= 0 || footerStart < 8) {
      throw new FloeIoException(where + ": footer length " + footerLength + " does not fit the file of " + size + " bytes");
    }
    footer = new FlatBuffer(bytes.asSlice(footerStart, footerLength), where + ", footer");
    long root = footer.root();
    long schemaTable = footer.getRef(root, 1);
    if (schemaTable < 0) {
      throw new FloeIoException(where + ": the footer has no schema");
    }
    schema = IpcSchemas.readSchema(footer, schemaTable, dictionaries.ids);
    dictionaries.bind(schema);
    selected = IpcReader.selection(schema, options, where);
    projected = IpcReader.project(schema, selected);
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
    blocks = footer.getRef(root, 3);
    count = blocks < 0 ? 0 : footer.vectorLength(blocks, 24);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      dictionaries.close();
      progress.finish();
    } finally {
      file.release();
    }
  }
}
