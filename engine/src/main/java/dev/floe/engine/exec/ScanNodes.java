package dev.floe.engine.exec;

import dev.floe.errors.InternalFloeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.planner.expr.ExprPrinter;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.optimizer.RowWise;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.Scan;
import dev.floe.planner.plan.Slice;

/**
 * How scans run: as a {@link BatchStream} pulled by the pipeline above them ({@link
 * StreamedPipeline}), with the scan's pushed predicate as the pipeline's first step when it is
 * row-wise, and which slices may stop a scan early.
 */
final class ScanNodes {
  private ScanNodes() {}

  /** The scan's columns as its source streams them (before its predicate and limit). */
  static BatchStream stream(Scan scan, BufferAllocator allocator) {
    if (!(scan.source() instanceof BatchSource source)) {
      throw new InternalFloeException("scan source " + scan.source().describe() + " cannot be executed (a bug)");
    }
    return source.stream(scan.schema().names(), scan.predicate(), scan.limit(), allocator);
  }

  /** A scan whose pushed predicate can run per morsel in the pipeline above it (no limit after it). */
  static boolean fusesFilter(Scan scan) {
    return scan.predicate() != null && scan.limit() == null && RowWise.isRowWise(scan.predicate());
  }

  /** A scan a pipeline above it can pull directly: nothing to apply after the read, or a fused filter. */
  static boolean feedsPipeline(Scan scan) {
    return fusesFilter(scan) || (scan.predicate() == null && scan.limit() == null);
  }

  static FilterOperator filter(Scan scan) {
    return new FilterOperator(new Resolver(scan.schema()).resolveOne(scan.predicate()),
        ExprPrinter.print(scan.predicate()));
  }

  /**
   * A slice that needs only the first rows of its input (offset >= 0, a finite end) over a
   * streaming node or a scan: the pipeline below it stops pulling once it has {@link #end} rows.
   */
  static boolean stopsEarly(Slice slice) {
    LogicalPlan input = slice.input();
    return slice.offset() >= 0 && slice.length() < Long.MAX_VALUE - slice.offset()
        && (StreamingNodes.streams(input) || input instanceof Scan);
  }

  /** The rows an early-stopping slice needs from its input. */
  static long end(Slice slice) {
    return slice.offset() + slice.length();
  }
}
