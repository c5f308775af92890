package dev.floe.engine.expr;

import dev.floe.kernels.Arithmetic;
import dev.floe.kernels.ArithmeticOp;
import dev.floe.memory.column.Column;
import dev.floe.planner.expr.Binary;

/**
 * Arithmetic with a scalar right operand that is not a literal ({@code col("a") /
 * col("b").mean()}, {@code col("a") / lit(1.5).abs()}). The operand is evaluated once; a float goes
 * to the kernels' column-scalar path, as Polars takes its scalar path for any length-1 right side
 * (it divides by multiplying with the reciprocal); other types are broadcast as before.
 */
final class ScalarOperand {
  private ScalarOperand() {}

  static Column arithmetic(ExpressionEvaluator evaluator, Binary binary, ArithmeticOp op) {
    try (Column right = evaluator.evalAt(binary.right(), 1);
        Column left = evaluator.eval(binary.left())) { // its own length (head(0), unique(), ...)
      if (right.type().isFloatingPoint()) {
        return Arithmetic.binaryScalar(left, right.getObject(0), op, evaluator.allocator());
      }
      try (Column broadcast = evaluator.broadcast(right, left.length())) {
        return Arithmetic.binary(left, broadcast, op, evaluator.allocator());
      }
    }
  }
}
