package dev.floe;

import dev.floe.engine.exec.BatchSource;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import java.util.List;

/**
 * An in-memory frame as a scan source ({@code df.lazy()}): the lazy frame reads the frame's
 * buffers without copying when it runs, so the frame must still be open then. Two scans of the
 * same frame are the same source (identity).
 */
final class FrameScanSource implements BatchSource {
  private final DataFrame frame;
  private final Schema schema;

  FrameScanSource(DataFrame frame) {
    this.frame = frame;
    this.schema = frame.schema();
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /** Scans of the same frame (by identity) are one source, so {@code df.lazy().join(df.lazy(), ...)} reads it once. */
  @Override
  public boolean equals(Object other) {
    return other instanceof FrameScanSource source && source.frame == frame;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(frame);
  }

  @Override
  public long estimatedRows() {
    return frame.height();
  }

  @Override
  public String describe() {
    return "DF " + schema.names() + "; " + frame.height() + " rows";
  }

  @Override
  public List<RecordBatch> read(List<String> columns, Expr predicate, Long limit, BufferAllocator allocator) {
    DataFrame projected = columns.equals(schema.names()) ? frame : frame.select(columns.toArray(String[]::new));
    try {
      return FrameBatches.of(projected);
    } finally {
      if (projected != frame) {
        projected.close();
      }
    }
  }
}
