package dev.floe.engine.expr;

import dev.floe.kernels.Cast;
import dev.floe.kernels.Compare;
import dev.floe.kernels.CompareOp;
import dev.floe.kernels.Gather;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import dev.floe.planner.expr.CastExpr;
import dev.floe.planner.expr.Expr;

/**
 * A categorical compared with a string literal ({@code col("s").eq("a")}, typed as a comparison of
 * {@code s} cast to string): the literal is compared with each dictionary value once, and each row
 * takes its index's answer, instead of decoding every row to a string first. Null rows stay null.
 */
final class CategoricalComparison {
  private CategoricalComparison() {}

  /**
   * {@code operand op value} when {@code operand} is a cast to a string type, or null when it is
   * not (nothing is evaluated then). A cast whose input is not categorical is evaluated as usual.
   */
  static Column tryCompare(ExpressionEvaluator evaluator, Expr operand, Object value, CompareOp op,
      BufferAllocator allocator) {
    if (!(operand instanceof CastExpr cast) || !cast.type().isString()) {
      return null;
    }
    try (Column input = evaluator.eval(cast.input())) {
      if (input instanceof DictionaryColumn categorical) {
        try (Column perValue = Compare.compareScalar(categorical.dictionary(), value, op, allocator)) {
          int length = categorical.length();
          int[] rows = new int[length];
          for (int row = 0; row < length; row++) {
            rows[row] = categorical.isNull(row) ? -1 : categorical.getIndex(row);
          }
          return Gather.rows(perValue, rows, length, allocator);
        }
      }
      try (Column decoded = input.type().equals(cast.type()) ? input.share()
          : Cast.cast(input, cast.type(), cast.strict(), allocator)) {
        return Compare.compareScalar(decoded, value, op, allocator);
      }
    }
  }
}
