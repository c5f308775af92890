package dev.floe.engine.exec;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.plan.ScanSource;
import java.util.List;

/** A {@link ScanSource} the engine can read: an in-memory frame or a set of files. */
public interface BatchSource extends ScanSource {
  /**
   * The batches of {@code columns} (in that order), which the caller closes. The source may leave
   * out rows that cannot satisfy {@code predicate} (null: none), by statistics or partitions, and
   * may stop after {@code limit} rows (null: all) when there is no predicate; the engine applies
   * the predicate and the limit itself, so reading more is never wrong.
   */
  List<RecordBatch> read(List<String> columns, Expr predicate, Long limit, BufferAllocator allocator);
}
