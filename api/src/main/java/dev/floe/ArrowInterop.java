package dev.floe;

import dev.floe.ffi.cdata.ArrowStreamExport;
import dev.floe.ffi.cdata.ArrowStreamReader;
import dev.floe.ffi.cdata.CDataExporter;
import dev.floe.ffi.cdata.CDataImporter;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Frames through the Arrow C Data and C Stream Interfaces ({@code ffi.cdata}): the entry points
 * behind {@link DataFrame#exportArrow}, {@link DataFrame#exportArrowStream}, {@link
 * LazyFrame#collectArrowStream}, {@link Floe#importArrow} and {@link Floe#importArrowStream}.
 * Buffers are handed over, never copied, except that {@link #exportArray} first rechunks a frame
 * whose columns are split into several chunks (one struct array has one chunk).
 */
final class ArrowInterop {
  private ArrowInterop() {}

  static void exportArray(DataFrame frame, MemorySegment array, MemorySegment schema) {
    List<RecordBatch> batches = FrameBatches.of(frame);
    try {
      if (batches.size() == 1) {
        CDataExporter.exportBatch(batches.getFirst(), array, schema);
        return;
      }
    } finally {
      batches.forEach(RecordBatch::close); // the export holds its own references
    }
    try (DataFrame whole = frame.rechunk()) {
      List<RecordBatch> one = FrameBatches.of(whole);
      try {
        RecordBatch batch = one.isEmpty() ? empty(whole.schema()) : one.getFirst();
        try (batch) {
          CDataExporter.exportBatch(batch, array, schema);
        }
      } finally {
        one.forEach(RecordBatch::close);
      }
    }
  }

  /** A batch of no rows with {@code schema}'s columns. */
  private static RecordBatch empty(Schema schema) {
    List<Column> columns = new ArrayList<>(schema.size());
    try {
      for (Field field : schema.fields()) {
        try (ColumnBuilder builder = ColumnBuilders.forType(field.type(), BufferAllocator.current())) {
          columns.add(builder.build());
        }
      }
    } catch (RuntimeException failure) {
      columns.forEach(Column::close);
      throw failure;
    }
    return new RecordBatch(schema, columns, 0);
  }

  /** A stream of the frame's batches, taken now (they hold their own references, so the frame may close). */
  static void exportStream(DataFrame frame, MemorySegment out) {
    BatchProducer producer = BatchProducer.of(frame);
    try {
      ArrowStreamExport.export(producer, out);
    } catch (RuntimeException failure) {
      producer.close();
      throw failure;
    }
  }

  static MemorySegment exportStream(DataFrame frame) {
    BatchProducer producer = BatchProducer.of(frame);
    try {
      return ArrowStreamExport.exportNew(producer);
    } catch (RuntimeException failure) {
      producer.close();
      throw failure;
    }
  }

  /**
   * A stream whose first {@code get_next} runs the query; its schema comes without running it. The
   * consumer may call from its own threads (DuckDB does), so the query runs with the allocator
   * that was current here.
   */
  static MemorySegment exportStream(LazyFrame query, CollectOptions options) {
    Schema schema = query.collectSchema();
    BufferAllocator allocator = BufferAllocator.current();
    return ArrowStreamExport.exportNew(new BatchProducer(schema, () -> BufferAllocator.callWith(allocator, () -> {
      try (DataFrame result = query.collect(options)) {
        return FrameBatches.of(result);
      }
    })));
  }

  static DataFrame importArray(MemorySegment array, MemorySegment schema) {
    try (RecordBatch batch = new CDataImporter(BufferAllocator.current()).importBatch(array, schema)) {
      return DataFrame.fromBatch(batch);
    }
  }

  static DataFrame importStream(MemorySegment stream) {
    try (ArrowStreamReader reader = ArrowStreamReader.take(stream, BufferAllocator.current())) {
      Schema schema = reader.schema();
      List<RecordBatch> batches = new ArrayList<>();
      try {
        for (RecordBatch batch = reader.next(); batch != null; batch = reader.next()) {
          batches.add(batch);
        }
      } catch (RuntimeException failure) {
        batches.forEach(RecordBatch::close);
        throw failure;
      }
      return FrameBatches.toFrame(schema, batches);
    }
  }

  /**
   * Batches made on the first pull (so a lazy query runs only when the consumer asks for data) or
   * taken up front (a frame's), handed out in order; the batches not pulled are closed with the
   * stream.
   */
  private static final class BatchProducer implements ArrowStreamExport.Producer {
    private final Schema schema;
    private final Supplier<List<RecordBatch>> source;
    private List<RecordBatch> batches;
    private int next;

    BatchProducer(Schema schema, Supplier<List<RecordBatch>> source) {
      this.schema = schema;
      this.source = source;
    }

    /** A producer of {@code frame}'s batches as they are now. */
    static BatchProducer of(DataFrame frame) {
      List<RecordBatch> taken = FrameBatches.of(frame);
      BatchProducer producer = new BatchProducer(frame.schema(), () -> taken);
      producer.batches = new ArrayList<>(taken);
      return producer;
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public RecordBatch next() {
      if (batches == null) {
        batches = new ArrayList<>(source.get());
      }
      if (next == batches.size()) {
        return null;
      }
      RecordBatch batch = batches.get(next);
      batches.set(next++, null);
      return batch;
    }

    @Override
    public void close() {
      if (batches != null) {
        for (int index = next; index < batches.size(); index++) {
          batches.get(index).close();
        }
        batches = null;
      }
    }
  }
}
