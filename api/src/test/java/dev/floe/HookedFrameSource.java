package dev.floe;

import dev.floe.engine.exec.BatchSource;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import java.util.List;

/** A frame as a scan source that runs {@link #beforeRead()} on every read (to count or hold reads in tests). */
abstract class HookedFrameSource implements BatchSource {
  private final FrameScanSource frame;
  private final String name;

  HookedFrameSource(DataFrame data, String name) {
    this.frame = new FrameScanSource(data);
    this.name = name;
  }

  /** Runs before each read, on the query's thread. */
  abstract void beforeRead();

  @Override
  public Schema schema() {
    return frame.schema();
  }

  @Override
  public String describe() {
    return name;
  }

  @Override
  public List<RecordBatch> read(List<String> columns, Expr predicate, Long limit, BufferAllocator allocator) {
    beforeRead();
    return frame.read(columns, predicate, limit, allocator);
  }
}
