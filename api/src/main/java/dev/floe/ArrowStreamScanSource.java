package dev.floe;

import dev.floe.engine.exec.BatchSource;
import dev.floe.engine.exec.BatchStream;
import dev.floe.errors.InvalidOperationException;
import dev.floe.ffi.cdata.ArrowStreamReader;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Another engine's {@code ArrowArrayStream} as a scan source ({@link Floe#scanArrowStream}): the
 * schema is read when the scan is made, batches only as the query pulls them, each imported
 * zero-copy into the query's allocator. A C stream can be read once, so a second run of the same
 * lazy frame fails with a clear error ({@code cache()} the frame, or collect it, to reuse the
 * rows). A stream that is never read is released when the source is garbage collected.
 */
final class ArrowStreamScanSource implements BatchSource {
  private static final Cleaner CLEANER = Cleaner.create();

  private final ArrowStreamReader reader;
  private final Schema schema;
  private final AtomicBoolean read = new AtomicBoolean();
  private final Cleaner.Cleanable cleanable;

  ArrowStreamScanSource(ArrowStreamReader reader) {
    this.reader = reader;
    Schema found;
    try {
      found = reader.schema();
    } catch (RuntimeException failure) {
      reader.close();
      throw failure;
    }
    this.schema = found;
    this.cleanable = CLEANER.register(this, reader::close);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public String describe() {
    return "ARROW STREAM " + schema.names();
  }

  @Override
  public List<RecordBatch> read(List<String> columns, Expr predicate, Long limit, BufferAllocator allocator) {
    return BatchStream.readAll(stream(columns, predicate, limit, allocator));
  }

  @Override
  public BatchStream stream(List<String> columns, Expr predicate, Long limit, BufferAllocator allocator) {
    if (!read.compareAndSet(false, true)) {
      throw new InvalidOperationException("this ArrowArrayStream " + schema.names() + " was already read by an "
          + "earlier query; a C stream can be read once: collect() the frame or cache() it to use its rows again");
    }
    return new BatchStream() {
      @Override
      public RecordBatch next() {
        RecordBatch batch = reader.next(allocator);
        return batch == null ? null : project(batch, columns);
      }

      @Override
      public void close() {
        cleanable.clean(); // releases the producer's stream
      }
    };
  }

  /** {@code batch} with only {@code columns}, in that order (the rest dropped, nothing copied); closes {@code batch}. */
  private static RecordBatch project(RecordBatch batch, List<String> columns) {
    try (batch) {
      List<Field> fields = new ArrayList<>(columns.size());
      List<Column> kept = new ArrayList<>(columns.size());
      for (String name : columns) {
        int index = batch.schema().indexOf(name);
        fields.add(batch.schema().field(index));
        kept.add(batch.column(index).share());
      }
      return new RecordBatch(new Schema(fields), kept, batch.rowCount());
    }
  }
}
