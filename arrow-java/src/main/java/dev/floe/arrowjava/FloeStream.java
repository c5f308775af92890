package dev.floe.arrowjava;

import dev.floe.DataFrame;
import dev.floe.LazyFrame;
import dev.floe.ffi.cdata.ArrowStreamExport;
import dev.floe.ffi.cdata.ArrowStreamReader;
import dev.floe.ffi.cdata.ArrowStructs;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import java.lang.foreign.MemorySegment;
import java.util.function.Supplier;

/**
 * A C stream of Floe batches bound for Arrow Java: every chunk at offset 0 ({@link ZeroOffsets}),
 * and the data it streams held by the stream itself until the consumer releases it.
 *
 * <p>{@code DataFrame.exportArrowStream()} reads its frame only at the first {@code get_next}, so
 * the frame must still be open then, and {@code LazyFrame.collectArrowStream()} promises no zero
 * offsets (query results are often slices of their input). This producer therefore holds its own
 * share of the frame (or, for a query, of the result it collects at the first pull) and takes the
 * batches out of it through a Floe-to-Floe stream, which hands them over on the same buffers.
 *
 * <p>The Floe allocator current when the stream is made is the one a query allocates from, even
 * when the consumer pulls on another thread, where the caller's binding is not visible.
 */
final class FloeStream implements ArrowStreamExport.Producer {
  private final Schema schema;
  private final Supplier<DataFrame> source;
  private final BufferAllocator allocator;
  private DataFrame held;
  private ArrowStreamReader batches;
  private boolean closed;

  /** {@code held}: the frame to stream, or null to take it from {@code source} at the first pull. */
  private FloeStream(Schema schema, DataFrame held, Supplier<DataFrame> source) {
    this.schema = schema;
    this.held = held;
    this.source = source;
    this.allocator = BufferAllocator.current();
  }

  /** A new C stream (from the C heap) over {@code frame}, which may be closed at once. */
  static MemorySegment of(DataFrame frame) {
    DataFrame owned = ZeroOffsets.of(frame);
    try {
      return ArrowStreamExport.exportNew(new FloeStream(owned.schema(), owned, null));
    } catch (RuntimeException failure) {
      owned.close();
      throw failure;
    }
  }

  /** A new C stream over the result of {@code query}, which runs at the first pull. */
  static MemorySegment of(LazyFrame query) {
    return ArrowStreamExport.exportNew(new FloeStream(query.collectSchema(), null, () -> {
      try (DataFrame result = query.collect()) {
        return ZeroOffsets.of(result);
      }
    }));
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public synchronized RecordBatch next() {
    if (closed) {
      return null;
    }
    if (batches == null) {
      if (held == null) {
        held = BufferAllocator.callWith(allocator, source::get);
      }
      MemorySegment stream = held.exportArrowStream();
      try {
        batches = ArrowStreamReader.take(stream, allocator);
      } finally {
        ArrowStructs.free(stream);
      }
    }
    return batches.next(allocator);
  }

  @Override
  public synchronized void close() {
    closed = true;
    try {
      if (batches != null) {
        batches.close();
      }
    } finally {
      batches = null;
      if (held != null) {
        held.close();
        held = null;
      }
    }
  }
}
