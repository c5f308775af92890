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

  /**
   * The same batches as {@link #read}, pulled one at a time: a source that can decode lazily (a
   * Parquet scan, one row group per batch) reads only what the engine pulls before it closes the
   * stream, so a query that stops early (a head) skips the rest. The same pruning and limit rules
   * apply; every batch is allocated from {@code allocator}. By default this is the whole read.
   */
  default BatchStream stream(List<String> columns, Expr predicate, Long limit, BufferAllocator allocator) {
    return BatchStream.of(read(columns, predicate, limit, allocator));
  }
}
