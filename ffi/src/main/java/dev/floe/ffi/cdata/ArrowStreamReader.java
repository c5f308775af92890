package dev.floe.ffi.cdata;

import dev.floe.errors.FloeIoException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The consumer side of Arrow's C Stream Interface: reads another engine's {@code ArrowArrayStream}
 * batch by batch. {@link #take} moves the producer's struct into memory this reader owns (the
 * original is marked released, as the specification's move semantics allow), so the caller may
 * free the original at once. Batches are imported zero-copy by {@link CDataImporter}; each
 * stays valid after the reader closes (the producer's per-array release runs when the last Floe
 * buffer of the batch is released). Not thread-safe, like the stream it reads.
 */
@SuppressWarnings("restricted") // sizing the producer's pointers
public final class ArrowStreamReader implements AutoCloseable {
  private final MemorySegment stream;
  private final CDataImporter importer;
  private Field field;
  private Schema schema;
  private boolean finished;
  private boolean closed;

  private ArrowStreamReader(MemorySegment stream, BufferAllocator allocator) {
    this.stream = stream;
    this.importer = new CDataImporter(allocator);
  }

  /**
   * A reader over the stream at {@code producerStream}, which is moved (copied, then marked
   * released); the reader releases the stream when closed. Imported memory is accounted to {@code
   * allocator}.
   *
   * @throws InvalidOperationException if the stream was already released
   */
  public static ArrowStreamReader take(MemorySegment producerStream, BufferAllocator allocator) {
    MemorySegment source = StreamStruct.at(producerStream);
    if (StreamStruct.isReleased(source)) {
      throw new InvalidOperationException("cannot read an ArrowArrayStream that was already released");
    }
    MemorySegment owned = StreamStruct.allocate();
    owned.copyFrom(source);
    source.set(ValueLayout.ADDRESS, StreamStruct.RELEASE, MemorySegment.NULL);
    return new ArrowStreamReader(owned, allocator);
  }

  /** The stream's schema (asked of the producer once). */
  public Schema schema() {
    checkOpen();
    if (schema == null) {
      MemorySegment out = ArrowStructs.allocateSchema();
      try {
        int status = call(StreamStruct.GET_SCHEMA, out);
        if (status != 0) {
          throw failure("get_schema", status);
        }
        Field read = importer.importField(out); // releases the producer's schema
        if (!(read.type() instanceof DataType.StructType struct)) {
          throw new InvalidOperationException("an Arrow stream's schema must be a struct (format '+s'), but it is '"
              + read.type().arrowFormat() + "'");
        }
        field = read;
        schema = new Schema(struct.fields());
      } finally {
        ArrowStructs.releaseSchema(out);
        ArrowStructs.free(out);
      }
    }
    return schema;
  }

  /** The next batch, which the caller closes, or null at the end of the stream. */
  public RecordBatch next() {
    return next(importer);
  }

  /** {@link #next()} with the batch's memory accounted to {@code allocator}. */
  public RecordBatch next(BufferAllocator allocator) {
    return next(new CDataImporter(allocator));
  }

  private RecordBatch next(CDataImporter batchImporter) {
    schema();
    if (finished) {
      return null;
    }
    MemorySegment array = ArrowStructs.allocateArray();
    try {
      int status = call(StreamStruct.GET_NEXT, array);
      if (status != 0) {
        throw failure("get_next", status);
      }
      if (ArrowStructs.isArrayReleased(array)) {
        finished = true;
        return null;
      }
      return batchImporter.importBatch(array, field); // moves the array out
    } finally {
      ArrowStructs.releaseArray(array); // only if the producer filled it and the import did not take it
      ArrowStructs.free(array);
    }
  }

  private int call(long function, MemorySegment out) {
    try {
      return (int) StreamStruct.CALL_INT.invokeExact(StreamStruct.pointer(stream, function), stream, out);
    } catch (Throwable impossible) {
      throw new AssertionError(impossible);
    }
  }

  private FloeIoException failure(String call, int status) {
    String message;
    try {
      MemorySegment text = (MemorySegment) StreamStruct.CALL_ERROR.invokeExact(
          StreamStruct.pointer(stream, StreamStruct.GET_LAST_ERROR), stream);
      message = NativeHeap.readString(text.address());
    } catch (Throwable impossible) {
      throw new AssertionError(impossible);
    }
    return new FloeIoException("the Arrow stream's producer failed in " + call + " (errno " + status + ")"
        + (message == null ? "" : ": " + message));
  }

  private void checkOpen() {
    if (closed) {
      throw new InvalidOperationException("the Arrow stream reader is closed");
    }
  }

  /** Releases the stream (the producer's release); batches already read stay valid. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    MemorySegment release = StreamStruct.pointer(stream, StreamStruct.RELEASE);
    if (release.address() != 0) {
      invokeRelease(release, stream);
    }
    NativeHeap.free(stream.address());
  }

  private static void invokeRelease(MemorySegment function, MemorySegment struct) {
    try {
      StreamStruct.CALL_RELEASE.invokeExact(function, struct);
    } catch (Throwable impossible) {
      throw new AssertionError(impossible);
    }
  }
}
