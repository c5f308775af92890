package dev.floe.planner.optimizer;

import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.Scan;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.Slice;
import dev.floe.planner.plan.Union;
import dev.floe.planner.plan.WithColumns;
import java.util.List;

/**
 * Moves a slice that counts from the start (offset &gt;= 0) below row-wise projections and into the
 * scan's limit, and merges slices:
 *
 * <pre>
 * SLICE offset=0, length=5          SELECT [col("b")]
 *   SELECT [col("b")]        =&gt;       DF t [a, b]
 *     DF t [a, b]                        LIMIT 5
 *
 * SLICE offset=2, length=5          SLICE offset=2, length=5
 *   DF t [a, b]              =&gt;       DF t [a, b]
 *                                        LIMIT 7
 *
 * SLICE offset=1, length=3          SLICE offset=3, length=3
 *   SLICE offset=2, length=4 =&gt;       input
 *     input
 *
 * SLICE offset=0, length=5          SLICE offset=0, length=5
 *   UNION 2 INPUTS           =&gt;       UNION 2 INPUTS
 *     FILTER p                            SLICE offset=0, length=5
 *       DF t                                FILTER p
 *     DF u                                    DF t
 *                                         DF u
 *                                           LIMIT 5
 * </pre>
 *
 * A scan reads {@code offset + length} rows (fewer if its limit was lower already); the slice stays
 * above it only to skip a positive offset. The scan's limit counts rows after its own predicate,
 * which is exactly what a slice above a scan with a predicate sees. A slice passes a with_columns
 * or select whose expressions are all {@link RowWise row-wise} (a select must also read a column,
 * else it has one row whatever its input); a {@code cumSum} or {@code mean} would see other rows.
 * Into a union it sends a head of {@code offset + length} rows into every input and stays above.
 * It never moves below a filter, sort or unique (they decide which rows come first), a cache
 * (shared), nor when the offset is negative (a tail needs the length of the input).
 */
public final class SlicePushdown implements OptimizerRule {
  @Override
  public String name() {
    return "slice_pushdown";
  }

  @Override
  public LogicalPlan rewrite(LogicalPlan plan) {
    return PlanTrees.transformUp(plan, node -> node instanceof Slice slice ? push(slice) : node);
  }

  private static LogicalPlan push(Slice slice) {
    if (slice.offset() < 0) {
      return slice;
    }
    return switch (slice.input()) {
      case Slice inner when inner.offset() >= 0 -> push(merge(inner, slice));
      case Scan scan -> intoScan(slice, scan);
      case Select select when RowWise.keepsRows(Columns.expand(select.exprs(), select.input()::schema)) ->
          select.withInputs(List.of(push(new Slice(select.input(), slice.offset(), slice.length()))));
      case Union union when saturatedSum(slice.offset(), slice.length()) < Long.MAX_VALUE -> intoUnion(slice, union);
      case WithColumns with when RowWise.allRowWise(Columns.expand(with.exprs(), with.input()::schema)) ->
          with.withInputs(List.of(push(new Slice(with.input(), slice.offset(), slice.length()))));
      default -> slice;
    };
  }

  /** Rows {@code [o2, o2 + l2)} of rows {@code [o1, o1 + l1)}: rows {@code [o1 + o2, ...)}, at most what is left. */
  private static Slice merge(Slice inner, Slice outer) {
    long left = Math.max(0, inner.length() - outer.offset());
    long offset = saturatedSum(inner.offset(), outer.offset());
    return new Slice(inner.input(), offset, Math.min(left, outer.length()));
  }

  private static LogicalPlan intoScan(Slice slice, Scan scan) {
    long end = saturatedSum(slice.offset(), slice.length());
    if (end == Long.MAX_VALUE && slice.offset() > 0) {
      return slice; // slice(offset) to the end: no limit to gain
    }
    long limit = scan.limit() == null ? end : Math.min(scan.limit(), end);
    if (slice.offset() == 0) {
      return scan.withLimit(limit);
    }
    if (scan.limit() != null && scan.limit() == limit) {
      return slice;
    }
    return new Slice(scan.withLimit(limit), slice.offset(), slice.length());
  }

  /**
   * The first {@code offset + length} rows of a union come from the first {@code offset + length}
   * rows of each input: each input gets that head, the slice stays above to cut the concatenation.
   */
  private static LogicalPlan intoUnion(Slice slice, Union union) {
    long end = slice.offset() + slice.length();
    LogicalPlan limited = union.withInputs(
        union.inputs().stream().map(input -> push(new Slice(input, 0, end))).toList());
    return limited.equals(union) ? slice : new Slice(limited, slice.offset(), slice.length());
  }

  private static long saturatedSum(long first, long second) {
    long sum = first + second;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
