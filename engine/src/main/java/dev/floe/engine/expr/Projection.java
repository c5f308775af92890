package dev.floe.engine.expr;

import dev.floe.errors.ShapeMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.planner.expr.ResolvedExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates several resolved expressions over one batch, as {@code select} and {@code withColumns}
 * do, with Polars' rules: every expression is evaluated at its own (dynamic) length; the
 * non-scalar results must all have one length (for {@code withColumns}: the batch's height), and
 * scalars ({@link ResolvedExpr#scalar()}: literals, reductions) are broadcast to it. A non-scalar
 * result of length 1 is not broadcast (Polars asks for a scalar there, e.g. {@code .first()}).
 */
public final class Projection {
  private Projection() {}

  /**
   * One new column per expression, in order, all of one length; the caller closes them. On
   * failure, closes those made so far.
   *
   * @param alwaysBroadcast the result must have the batch's height (withColumns, filter, sort
   *     keys); else the common length of the non-scalar results, or 1 when all are scalars
   */
  public static List<Column> evaluate(
      RecordBatch batch, List<ResolvedExpr> exprs, boolean alwaysBroadcast, BufferAllocator allocator) {
    List<Column> results = new ArrayList<>(exprs.size());
    try {
      int length = alwaysBroadcast ? batch.rowCount() : -1;
      ResolvedExpr first = null;
      WindowGroups windows = new WindowGroups(); // window groups shared by the expressions
      for (ResolvedExpr expr : exprs) {
        Column column = ExpressionEvaluator.evaluate(batch, expr.expr(), allocator, windows);
        results.add(column);
        if (expr.scalar()) {
          continue;
        }
        if (length >= 0 && column.length() != length) {
          throw new ShapeMismatchException(
              "expression " + expr.expr() + " produced " + column.length() + " rows, but "
                  + (first == null
                      ? "the frame has " + length
                      : first.expr() + " produced " + length)
                  + (column.length() == 1
                      ? " (use a reduction such as first() to broadcast)"
                      : ""));
        }
        if (length < 0 || first == null) {
          length = column.length();
          first = alwaysBroadcast ? null : expr;
        }
      }
      int target = length < 0 ? 1 : length;
      for (int index = 0; index < results.size(); index++) {
        Column column = results.get(index);
        if (column.length() != target) {
          try (Column single = column) {
            results.set(index, null);
            if (single.length() != 1) {
              throw new ShapeMismatchException(
                  "expression " + exprs.get(index).expr() + " produced " + single.length()
                      + " rows, expected " + target);
            }
            results.set(index, repeat(single, target, allocator));
          }
        }
      }
      return results;
    } catch (RuntimeException failure) {
      results.forEach(column -> {
        if (column != null) {
          column.close();
        }
      });
      throw failure;
    }
  }

  /** A length-1 column repeated {@code length} times (one value read, not one per row). */
  public static Column repeat(Column single, int length, BufferAllocator allocator) {
    return dev.floe.kernels.Broadcast.constant(single.getObject(0), single.type(), length, allocator);
  }
}
