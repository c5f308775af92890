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
 * do: scalars broadcast to the batch's height when any expression is not a scalar (or always, for
 * {@code withColumns}); all results have one length.
 */
public final class Projection {
  private Projection() {}

  /**
   * One new column per expression, in order; the caller closes them. On failure, closes those
   * made so far.
   *
   * @param alwaysBroadcast broadcast scalars to the batch height even if all are scalars
   */
  public static List<Column> evaluate(
      RecordBatch batch, List<ResolvedExpr> exprs, boolean alwaysBroadcast, BufferAllocator allocator) {
    boolean anyColumn = alwaysBroadcast || exprs.stream().anyMatch(expr -> !expr.scalar());
    int length = anyColumn ? batch.rowCount() : 1;
    List<Column> results = new ArrayList<>(exprs.size());
    try {
      for (ResolvedExpr expr : exprs) {
        Column column = ExpressionEvaluator.evaluate(batch, expr.expr(), allocator);
        if (column.length() != length) {
          try (Column single = column) {
            if (single.length() != 1) {
              throw new ShapeMismatchException(
                  "expression " + expr.expr() + " produced " + single.length()
                      + " rows, expected " + length);
            }
            column = repeat(single, length, allocator);
          }
        }
        results.add(column);
      }
      return results;
    } catch (RuntimeException failure) {
      results.forEach(Column::close);
      throw failure;
    }
  }

  /** A length-1 column repeated {@code length} times (one value read, not one per row). */
  public static Column repeat(Column single, int length, BufferAllocator allocator) {
    return dev.floe.kernels.Broadcast.constant(single.getObject(0), single.type(), length, allocator);
  }
}
