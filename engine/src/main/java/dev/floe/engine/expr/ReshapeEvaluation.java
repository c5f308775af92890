package dev.floe.engine.expr;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.planner.expr.ReshapeFunction;

/** The length-changing functions ({@link ReshapeFunction}) over the kernels. */
final class ReshapeEvaluation {
  private final ExpressionEvaluator evaluator;
  private final BufferAllocator allocator;

  ReshapeEvaluation(ExpressionEvaluator evaluator) {
    this.evaluator = evaluator;
    this.allocator = evaluator.allocator();
  }

  Column evaluate(ReshapeFunction function) {
    try (Column input = evaluator.eval(function.input())) {
      throw new UnsupportedOperationException(
          function.op().method() + " over " + input.type() + " with " + allocator);
    }
  }
}
