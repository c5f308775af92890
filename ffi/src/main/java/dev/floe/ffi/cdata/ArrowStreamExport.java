package dev.floe.ffi.cdata;

import dev.floe.errors.FloeException;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exports a sequence of record batches as a C Stream Interface {@code ArrowArrayStream}, the
 * producer side of Arrow's C Stream Interface: the consumer (pyarrow, polars, DuckDB, another Floe)
 * calls {@code get_schema} once and {@code get_next} until it yields a released array, then {@code
 * release}. The four callbacks are upcall stubs made once per process; each stream's Java state is
 * found through its {@code private_data}, an id into a registry, so exporting a stream costs no
 * arena. Callbacks run on whatever thread the consumer calls from (one call at a time, as the
 * specification requires of consumers), never throw into native code, and report failures as an
 * errno code plus {@code get_last_error} text.
 */
@SuppressWarnings("restricted") // upcall stubs and sizing the consumer's pointers are this class's purpose
public final class ArrowStreamExport {
  /** What a stream produces. Called on the consumer's threads, one call at a time. */
  public interface Producer extends AutoCloseable {
    /** The schema every batch has. */
    Schema schema();

    /** The next batch, which the stream closes after exporting it, or null at the end. */
    RecordBatch next();

    /** Frees what the producer holds; called once, when the consumer releases the stream. */
    @Override
    void close();
  }

  private static final Map<Long, ExportedStream> STREAMS = new ConcurrentHashMap<>();
  private static final AtomicLong IDS = new AtomicLong();
  private static final MemorySegment GET_SCHEMA;
  private static final MemorySegment GET_NEXT;
  private static final MemorySegment GET_LAST_ERROR;
  private static final MemorySegment RELEASE;

  static {
    Linker linker = Linker.nativeLinker();
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    MethodType status = MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class);
    try {
      GET_SCHEMA = linker.upcallStub(lookup.findStatic(ArrowStreamExport.class, "getSchema", status),
          StreamStruct.GET_SCHEMA_TYPE, Arena.global());
      GET_NEXT = linker.upcallStub(lookup.findStatic(ArrowStreamExport.class, "getNext", status),
          StreamStruct.GET_NEXT_TYPE, Arena.global());
      GET_LAST_ERROR = linker.upcallStub(lookup.findStatic(ArrowStreamExport.class, "getLastError",
          MethodType.methodType(MemorySegment.class, MemorySegment.class)), StreamStruct.GET_LAST_ERROR_TYPE,
          Arena.global());
      RELEASE = linker.upcallStub(lookup.findStatic(ArrowStreamExport.class, "release",
          MethodType.methodType(void.class, MemorySegment.class)), StreamStruct.RELEASE_TYPE, Arena.global());
    } catch (ReflectiveOperationException failure) {
      throw new ExceptionInInitializerError(failure);
    }
  }

  private ArrowStreamExport() {}

  /**
   * Fills the 40-byte {@code ArrowArrayStream} at {@code out} so that it reads {@code producer}
   * (schemas and batches exported by {@link CDataExporter}, zero-copy); from then on the consumer owns the stream and its release closes the
   * producer.
   */
  public static void export(Producer producer, MemorySegment out) {
    MemorySegment struct = StreamStruct.at(out);
    long id = IDS.incrementAndGet();
    STREAMS.put(id, new ExportedStream(producer));
    struct.set(ValueLayout.ADDRESS, StreamStruct.GET_SCHEMA, GET_SCHEMA);
    struct.set(ValueLayout.ADDRESS, StreamStruct.GET_NEXT, GET_NEXT);
    struct.set(ValueLayout.ADDRESS, StreamStruct.GET_LAST_ERROR, GET_LAST_ERROR);
    struct.set(ValueLayout.ADDRESS, StreamStruct.PRIVATE_DATA, MemorySegment.ofAddress(id));
    struct.set(ValueLayout.ADDRESS, StreamStruct.RELEASE, RELEASE);
  }

  /** {@link #export} into a new struct from the C allocator, which the consumer frees with {@code free}. */
  public static MemorySegment exportNew(Producer producer) {
    MemorySegment out = StreamStruct.allocate();
    try {
      export(producer, out);
      return out;
    } catch (RuntimeException failure) {
      NativeHeap.free(out.address());
      throw failure;
    }
  }

  /** Streams exported and not yet released (for leak checks). */
  public static int liveStreams() {
    return STREAMS.size();
  }

  private static ExportedStream state(MemorySegment stream) {
    return STREAMS.get(StreamStruct.pointer(StreamStruct.at(stream), StreamStruct.PRIVATE_DATA).address());
  }

  private static int getSchema(MemorySegment stream, MemorySegment out) {
    ExportedStream state = state(stream);
    if (state == null) {
      return StreamStruct.EINVAL;
    }
    try {
      CDataExporter.exportSchema(state.schema(), out.reinterpret(ArrowStructs.SCHEMA_SIZE));
      return 0;
    } catch (Throwable failure) {
      return state.fail("get_schema", failure);
    }
  }

  private static int getNext(MemorySegment stream, MemorySegment out) {
    ExportedStream state = state(stream);
    if (state == null) {
      return StreamStruct.EINVAL;
    }
    try {
      MemorySegment array = out.reinterpret(ArrowStructs.ARRAY_SIZE);
      RecordBatch batch = state.producer.next();
      if (batch == null) {
        array.fill((byte) 0); // a released array: the end of the stream
        return 0;
      }
      try (batch) {
        CDataExporter.exportBatchArray(batch, array);
      }
      return 0;
    } catch (Throwable failure) {
      return state.fail("get_next", failure);
    }
  }

  private static MemorySegment getLastError(MemorySegment stream) {
    ExportedStream state = state(stream);
    return state == null ? MemorySegment.NULL : state.lastError;
  }

  private static void release(MemorySegment stream) {
    try {
      MemorySegment struct = StreamStruct.at(stream);
      ExportedStream state = STREAMS.remove(StreamStruct.pointer(struct, StreamStruct.PRIVATE_DATA).address());
      struct.set(ValueLayout.ADDRESS, StreamStruct.RELEASE, MemorySegment.NULL);
      if (state != null) {
        state.close();
      }
    } catch (Throwable ignored) {
      // a release callback must not throw into native code; the producer's close reports its own
    }
  }

  /** One exported stream's Java side. */
  private static final class ExportedStream {
    final Producer producer;
    Schema schema;
    /** The last failure's text (C allocator), or NULL. */
    MemorySegment lastError = MemorySegment.NULL;

    ExportedStream(Producer producer) {
      this.producer = producer;
    }

    Schema schema() {
      if (schema == null) {
        schema = producer.schema();
      }
      return schema;
    }

    /** Records {@code failure} for {@code get_last_error} and returns its errno. */
    int fail(String call, Throwable failure) {
      NativeHeap.free(lastError.address());
      String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
      lastError = StreamStruct.cString("Floe stream " + call + ": " + message);
      return failure instanceof FloeException || failure instanceof IllegalArgumentException
          ? StreamStruct.EINVAL : StreamStruct.EIO;
    }

    void close() {
      try {
        producer.close();
      } finally {
        NativeHeap.free(lastError.address());
        lastError = MemorySegment.NULL;
      }
    }
  }
}
