package dev.floe.engine.expr;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.planner.expr.SequenceFunction;

/** The order-aware functions ({@link SequenceFunction}) over the kernels. */
final class SequenceEvaluation {
  private final ExpressionEvaluator evaluator;
  private final BufferAllocator allocator;

  SequenceEvaluation(ExpressionEvaluator evaluator) {
    this.evaluator = evaluator;
    this.allocator = evaluator.allocator();
  }

  Column evaluate(SequenceFunction function) {
    try (Column input = evaluator.eval(function.input())) {
      throw new UnsupportedOperationException(
          function.op().method() + " over " + input.type() + " with " + allocator);
    }
  }
}
