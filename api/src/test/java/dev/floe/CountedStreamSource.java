package dev.floe;

import dev.floe.engine.exec.BatchSource;
import dev.floe.engine.exec.BatchStream;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A frame as a scan source whose stream hands out one zero-copy batch per pull, counting the pulls
 * and whether the stream was closed (to see how far a query read in tests).
 */
final class CountedStreamSource implements BatchSource {
  private final FrameScanSource frame;
  final AtomicInteger pulled = new AtomicInteger();
  final AtomicInteger closed = new AtomicInteger();

  CountedStreamSource(DataFrame data) {
    this.frame = new FrameScanSource(data);
  }

  @Override
  public Schema schema() {
    return frame.schema();
  }

  @Override
  public String describe() {
    return "counted";
  }

  @Override
  public List<RecordBatch> read(List<String> columns, Expr predicate, Long limit, BufferAllocator allocator) {
    return frame.read(columns, predicate, limit, allocator);
  }

  @Override
  public BatchStream stream(List<String> columns, Expr predicate, Long limit, BufferAllocator allocator) {
    BatchStream batches = BatchStream.of(read(columns, predicate, limit, allocator));
    return new BatchStream() {
      @Override
      public RecordBatch next() {
        RecordBatch batch = batches.next();
        if (batch != null) {
          pulled.incrementAndGet();
        }
        return batch;
      }

      @Override
      public void close() {
        closed.incrementAndGet();
        batches.close();
      }
    };
  }
}
