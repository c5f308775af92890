package dev.floe.ffi.stream;

import dev.floe.errors.FloeIoException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The consumer side of Arrow's C Stream Interface: reads another engine's {@code ArrowArrayStream}
 * batch by batch. {@link #take} moves the producer's struct into memory this reader owns (the
 * original is marked released, as the specification's move semantics allow), so the caller may
 * free the original at once. Batches are imported zero-copy through the {@link Decoder}; each
 * stays valid after the reader closes (the producer's per-array release runs when the last Floe
 * buffer of the batch is released). Not thread-safe, like the stream it reads.
 */
@SuppressWarnings("restricted") // sizing the producer's pointers
public final class ArrowStreamReader implements AutoCloseable {
  /** How C Data Interface structures become Floe values (the caller's importer). */
  public interface Decoder {
    /** The schema of the struct-typed {@code ArrowSchema} at {@code schema}; does not take it. */
    Schema importSchema(MemorySegment schema);

    /**
     * The batch in the struct array {@code array} of type {@code schema}, importing zero-copy and
     * taking ownership of the array (moving it out and marking {@code array} released).
     */
    RecordBatch importBatch(MemorySegment schema, MemorySegment array, BufferAllocator allocator);
  }

  private final MemorySegment stream;
  private final Decoder decoder;
  private final BufferAllocator allocator;
  private MemorySegment schemaStruct = MemorySegment.NULL;
  private Schema schema;
  private boolean finished;
  private boolean closed;

  private ArrowStreamReader(MemorySegment stream, Decoder decoder, BufferAllocator allocator) {
    this.stream = stream;
    this.decoder = decoder;
    this.allocator = allocator;
  }

  /**
   * A reader over the stream at {@code producerStream}, which is moved (copied, then marked
   * released); the reader releases the stream when closed.
   *
   * @throws InvalidOperationException if the stream was already released
   */
  public static ArrowStreamReader take(MemorySegment producerStream, Decoder decoder, BufferAllocator allocator) {
    MemorySegment source = StreamStruct.at(producerStream);
    if (StreamStruct.isReleased(source)) {
      throw new InvalidOperationException("cannot read an ArrowArrayStream that was already released");
    }
    MemorySegment owned = CMemory.allocate(StreamStruct.SIZE);
    owned.copyFrom(source);
    source.set(ValueLayout.ADDRESS, StreamStruct.RELEASE, MemorySegment.NULL);
    return new ArrowStreamReader(owned, decoder, allocator);
  }

  /** The stream's schema (asked of the producer once). */
  public Schema schema() {
    checkOpen();
    if (schema == null) {
      MemorySegment out = CMemory.allocate(StreamStruct.SCHEMA_SIZE);
      int status = call(StreamStruct.GET_SCHEMA, out);
      if (status != 0) {
        CMemory.free(out);
        throw failure("get_schema", status);
      }
      schemaStruct = out;
      schema = decoder.importSchema(out);
    }
    return schema;
  }

  /** The next batch, which the caller closes, or null at the end of the stream. */
  public RecordBatch next() {
    schema();
    if (finished) {
      return null;
    }
    MemorySegment array = CMemory.allocate(StreamStruct.ARRAY_SIZE);
    try {
      int status = call(StreamStruct.GET_NEXT, array);
      if (status != 0) {
        throw failure("get_next", status);
      }
      if (array.get(ValueLayout.ADDRESS, StreamStruct.ARRAY_RELEASE).address() == 0) {
        finished = true;
        return null;
      }
      return decoder.importBatch(schemaStruct, array, allocator);
    } finally {
      releaseArrayIfStillOwned(array);
      CMemory.free(array);
    }
  }

  private static void releaseArrayIfStillOwned(MemorySegment array) {
    MemorySegment release = array.get(ValueLayout.ADDRESS, StreamStruct.ARRAY_RELEASE);
    if (release.address() != 0) {
      invokeRelease(release, array); // the import failed before it took the array
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
      message = CMemory.readString(text);
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

  /** Releases the schema and the stream (the producer's release); batches already read stay valid. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (schemaStruct.address() != 0) {
      MemorySegment release = schemaStruct.get(ValueLayout.ADDRESS, StreamStruct.SCHEMA_RELEASE);
      if (release.address() != 0) {
        invokeRelease(release, schemaStruct);
      }
      CMemory.free(schemaStruct);
    }
    MemorySegment release = StreamStruct.pointer(stream, StreamStruct.RELEASE);
    if (release.address() != 0) {
      invokeRelease(release, stream);
    }
    CMemory.free(stream);
  }

  private static void invokeRelease(MemorySegment function, MemorySegment struct) {
    try {
      StreamStruct.CALL_RELEASE.invokeExact(function, struct);
    } catch (Throwable impossible) {
      throw new AssertionError(impossible);
    }
  }
}
