package dev.floe.arrowjava;

import dev.floe.DataFrame;
import dev.floe.Floe;
import dev.floe.LazyFrame;
import dev.floe.errors.FloeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.ffi.cdata.ArrowStreamReader;
import dev.floe.ffi.cdata.ArrowStructs;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.CDataDictionaryProvider;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Floe frames to and from Arrow Java, zero-copy both ways through the Arrow C Data and C Stream
 * Interfaces: Floe exports into C structures, Arrow Java imports them (and the reverse), so each
 * side ends up with vectors or columns over the other side's memory.
 *
 * <p>Ownership follows the C Data Interface. Data handed to Arrow Java keeps Floe's buffers alive
 * (accounted to the Floe allocator they came from) until Arrow Java closes the last vector over
 * them; then Floe's release callback runs, once. Data taken from Arrow Java keeps Arrow Java's
 * buffers alive (accounted to {@code dev.floe.memory.BufferAllocator.current()} as well as to
 * their Arrow allocator) until the last Floe column over them is closed. Either source may be
 * closed right after the call. Neither Arrow allocator nor Floe allocator may be closed while the
 * other side still uses its memory.
 *
 * <p>One copy is made on the way to Arrow Java: its C Data importer ignores {@code
 * ArrowArray.offset} (apache/arrow-java#88), so chunks that start at an offset (slices, and
 * often query results) are first copied to offset 0; other chunks cross as they are. Arrow Java
 * also allocates an all-valid bitmap for each array Floe exports without one (no nulls).
 *
 * <p>Failures inside Arrow Java become {@link ArrowJavaException}; Floe's own errors pass through.
 */
public final class ArrowJava {
  /** Bytes of an {@code ArrowArrayStream}: four function pointers and {@code private_data}. */
  private static final long STREAM_SIZE = 40;

  private ArrowJava() {}

  // ---- Floe to Arrow Java ----

  /**
   * {@code frame} as Arrow Java vectors over Floe's buffers, together with the dictionaries of its
   * categorical columns. The frame may be closed at once; close the result to release the data.
   * Columns split into several chunks are first rechunked (a copy), as one root holds one batch;
   * use {@link #toArrowReader(DataFrame, BufferAllocator)} to keep the chunks.
   */
  public static ArrowJavaFrame toArrowJava(DataFrame frame, BufferAllocator allocator) {
    CDataDictionaryProvider dictionaries = new CDataDictionaryProvider();
    try {
      return new ArrowJavaFrame(toVectorSchemaRoot(frame, allocator, dictionaries), dictionaries);
    } catch (RuntimeException failure) {
      dictionaries.close();
      throw failure;
    }
  }

  /**
   * {@code frame} as a {@link VectorSchemaRoot} over Floe's buffers, for a frame without
   * dictionary-encoded columns (a root cannot hold dictionaries: use {@link #toArrowJava} or the
   * overload taking a provider for those). Close the root to release the data.
   *
   * @throws InvalidOperationException if a column is, or contains, a dictionary-encoded type
   */
  public static VectorSchemaRoot toVectorSchemaRoot(DataFrame frame, BufferAllocator allocator) {
    for (Field field : frame.schema().fields()) {
      if (hasDictionary(field.type())) {
        throw new InvalidOperationException("column '" + field.name() + "' (" + field.type()
            + ") is dictionary-encoded, and a VectorSchemaRoot alone cannot hold its dictionary; use "
            + "ArrowJava.toArrowJava(frame, allocator) or toVectorSchemaRoot(frame, allocator, provider)");
      }
    }
    try (CDataDictionaryProvider none = new CDataDictionaryProvider()) {
      return toVectorSchemaRoot(frame, allocator, none);
    }
  }

  /**
   * {@code frame} as a {@link VectorSchemaRoot} over Floe's buffers, the dictionaries of its
   * categorical columns put into the caller's {@code dictionaries} (as Arrow Java's own {@code
   * Data.importVectorSchemaRoot} does). Floe's buffers are released once the root and the
   * provider are both closed.
   */
  public static VectorSchemaRoot toVectorSchemaRoot(DataFrame frame, BufferAllocator allocator,
      CDataDictionaryProvider dictionaries) {
    Objects.requireNonNull(allocator, "allocator");
    Objects.requireNonNull(dictionaries, "dictionaries");
    MemorySegment array = ArrowStructs.allocateArray();
    MemorySegment schema = ArrowStructs.allocateSchema();
    try {
      try (DataFrame exported = ZeroOffsets.of(frame)) {
        exported.exportArrow(array, schema); // the export holds its own references
      }
      try {
        return Data.importVectorSchemaRoot(allocator, ArrowArray.wrap(array.address()),
            ArrowSchema.wrap(schema.address()), dictionaries);
      } catch (RuntimeException failure) {
        throw foreign("Arrow Java could not import a Floe frame of schema " + frame.schema(), failure);
      }
    } finally {
      ArrowStructs.releaseArray(array); // no-op once Arrow Java moved it out
      ArrowStructs.releaseSchema(schema);
      ArrowStructs.free(array);
      ArrowStructs.free(schema);
    }
  }

  /**
   * {@code frame} as an {@link ArrowReader} of one batch per chunk, over Floe's buffers (through
   * the C Stream Interface). Its dictionaries are the reader's own ({@code reader.lookup(id)}).
   * Close the reader to release the stream and whatever batches it still holds.
   */
  public static ArrowReader toArrowReader(DataFrame frame, BufferAllocator allocator) {
    Objects.requireNonNull(allocator, "allocator");
    return readerOver(FloeStream.of(frame), allocator, "a Floe frame");
  }

  /**
   * The result of {@code query} as an {@link ArrowReader}: the schema is known at once, and the
   * query runs when the reader loads its first batch, allocating from the Floe allocator current
   * now. Close the reader when done.
   */
  public static ArrowReader toArrowReader(LazyFrame query, BufferAllocator allocator) {
    Objects.requireNonNull(allocator, "allocator");
    return readerOver(FloeStream.of(query), allocator, "a Floe query");
  }

  // ---- Arrow Java to Floe ----

  /**
   * A Floe frame over the buffers of {@code root}, which has no dictionary-encoded vectors (else
   * use the overload taking their provider). The root stays the caller's and may be closed or
   * reloaded at once: the frame holds its own references to the buffers.
   */
  public static DataFrame fromVectorSchemaRoot(VectorSchemaRoot root) {
    return fromVectorSchemaRoot(root, null);
  }

  /**
   * A Floe frame over the buffers of {@code root}, its dictionary-encoded vectors becoming
   * categorical (dictionary) columns over the dictionaries of {@code provider}. Arrow Java's
   * export is made with the allocator of the root's first vector, which must stay open while the
   * frame (or anything sharing its columns) is open. A root without vectors gives an empty frame.
   */
  public static DataFrame fromVectorSchemaRoot(VectorSchemaRoot root, DictionaryProvider provider) {
    Objects.requireNonNull(root, "root");
    if (root.getFieldVectors().isEmpty()) {
      return DataFrame.empty();
    }
    BufferAllocator allocator = allocatorOf(root);
    MemorySegment array = ArrowStructs.allocateArray();
    MemorySegment schema = ArrowStructs.allocateSchema();
    try {
      try {
        Data.exportVectorSchemaRoot(allocator, root, provider, ArrowArray.wrap(array.address()),
            ArrowSchema.wrap(schema.address()));
      } catch (RuntimeException failure) {
        throw foreign("Arrow Java could not export a VectorSchemaRoot of schema " + root.getSchema(), failure);
      }
      return Floe.importArrow(array, schema);
    } finally {
      ArrowStructs.releaseArray(array); // no-op once Floe moved it out
      ArrowStructs.releaseSchema(schema);
      ArrowStructs.free(array);
      ArrowStructs.free(schema);
    }
  }

  /**
   * A Floe frame of every batch of {@code reader}, zero-copy, its exported batches made with the
   * allocator of the reader's root. The reader is consumed: it is read to the end and closed (the
   * C stream it is exported as owns it), even when the import fails.
   */
  public static DataFrame fromArrowReader(ArrowReader reader) {
    Objects.requireNonNull(reader, "reader");
    BufferAllocator allocator;
    try {
      allocator = allocatorOf(reader.getVectorSchemaRoot());
    } catch (IOException | RuntimeException failure) {
      closeQuietly(reader, failure);
      throw failure instanceof FloeException floe ? floe : foreign("could not read an ArrowReader's schema", failure);
    }
    return fromArrowReader(reader, allocator);
  }

  /**
   * {@link #fromArrowReader(ArrowReader)} exporting the batches with {@code allocator} (for
   * private data only: the buffers stay the reader's), which must stay open while the frame is.
   */
  public static DataFrame fromArrowReader(ArrowReader reader, BufferAllocator allocator) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(allocator, "allocator");
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment stream = arena.allocate(STREAM_SIZE, Long.BYTES);
      try {
        Data.exportArrayStream(allocator, reader, ArrowArrayStream.wrap(stream.address()));
      } catch (RuntimeException failure) {
        closeQuietly(reader, failure);
        throw foreign("Arrow Java could not export an ArrowReader as a C stream", failure);
      }
      try {
        return Floe.importArrowStream(stream); // moves the stream, reads it all, releases it
      } catch (RuntimeException failure) {
        releaseUnmoved(stream, failure); // which closes the reader
        throw failure;
      }
    }
  }

  // ---- helpers ----

  private static ArrowReader readerOver(MemorySegment stream, BufferAllocator allocator, String what) {
    try {
      return Data.importArrayStream(allocator, ArrowArrayStream.wrap(stream.address())); // moves it
    } catch (RuntimeException failure) {
      releaseUnmoved(stream, failure);
      throw foreign("Arrow Java could not import " + what + " as a C stream", failure);
    } finally {
      ArrowStructs.free(stream);
    }
  }

  /**
   * After a failed import: releases {@code stream} unless the importer moved it out first. Done
   * through Floe's own stream reader, so it works even when Arrow Java itself is what failed (its
   * memory access is unavailable without {@code --add-opens=java.base/java.nio=ALL-UNNAMED}).
   */
  private static void releaseUnmoved(MemorySegment stream, Throwable failure) {
    ArrowStreamReader unread;
    try {
      unread = ArrowStreamReader.take(stream, dev.floe.memory.BufferAllocator.current());
    } catch (InvalidOperationException moved) {
      return; // the importer moved it out (and owns its release)
    }
    try {
      unread.close();
    } catch (RuntimeException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  /** The allocator of the root's first vector. */
  private static BufferAllocator allocatorOf(VectorSchemaRoot root) {
    for (FieldVector vector : root.getFieldVectors()) {
      return vector.getAllocator();
    }
    throw new InvalidOperationException("cannot take the allocator of a VectorSchemaRoot without vectors ("
        + root.getSchema() + "); pass one explicitly");
  }

  private static boolean hasDictionary(DataType type) {
    return switch (type) {
      case DataType.Dictionary _ -> true;
      case DataType.ListType list -> hasDictionary(list.valueField().type());
      case DataType.LargeListType list -> hasDictionary(list.valueField().type());
      case DataType.FixedSizeListType list -> hasDictionary(list.valueField().type());
      case DataType.StructType struct -> struct.fields().stream().anyMatch(field -> hasDictionary(field.type()));
      default -> false;
    };
  }

  private static void closeQuietly(AutoCloseable resource, Throwable primary) {
    try {
      resource.close();
    } catch (Exception suppressed) {
      primary.addSuppressed(suppressed);
    }
  }

  private static RuntimeException foreign(String message, Throwable failure) {
    return failure instanceof FloeException floe ? floe : new ArrowJavaException(message, failure);
  }
}
