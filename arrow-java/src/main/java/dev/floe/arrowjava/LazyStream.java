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

/**
 * The batches of a Floe query for Arrow Java: the query runs when the consumer asks for the first
 * batch, and its result leaves with every offset at 0 ({@link ZeroOffsets}), which {@code
 * LazyFrame.collectArrowStream()} does not promise (query results are often slices of their
 * input). The result's chunks are taken through a Floe-to-Floe C stream, which hands them out as
 * record batches over the same buffers.
 *
 * <p>The Floe allocator current when the stream is made is the one the query allocates from, even
 * when the consumer pulls from another thread (where the caller's binding is not visible).
 */
final class LazyStream implements ArrowStreamExport.Producer {
  private final LazyFrame query;
  private final Schema schema;
  private final BufferAllocator allocator;
  private ArrowStreamReader batches;
  private boolean closed;

  LazyStream(LazyFrame query) {
    this.query = query;
    this.schema = query.collectSchema();
    this.allocator = BufferAllocator.current();
  }

  /** A new C stream (from the C heap) over the results of {@code query}; the consumer frees it. */
  static MemorySegment export(LazyFrame query) {
    return ArrowStreamExport.exportNew(new LazyStream(query));
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
      batches = BufferAllocator.callWith(allocator, this::run);
    }
    return batches.next(allocator);
  }

  /** Runs the query and opens a reader over its result, whose chunks have no offsets. */
  private ArrowStreamReader run() {
    try (DataFrame result = query.collect()) {
      DataFrame compact = ZeroOffsets.of(result);
      try {
        MemorySegment stream = compact.exportArrowStream();
        try {
          return ArrowStreamReader.take(stream, allocator);
        } finally {
          ArrowStructs.free(stream);
        }
      } finally {
        if (compact != result) {
          compact.close();
        }
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (batches != null) {
      batches.close();
      batches = null;
    }
  }
}
