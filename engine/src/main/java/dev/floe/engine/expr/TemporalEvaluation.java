package dev.floe.engine.expr;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.planner.expr.TemporalFunction;

/** The dt functions ({@link TemporalFunction}) over the kernels. */
final class TemporalEvaluation {
  private final ExpressionEvaluator evaluator;
  private final BufferAllocator allocator;

  TemporalEvaluation(ExpressionEvaluator evaluator) {
    this.evaluator = evaluator;
    this.allocator = evaluator.allocator();
  }

  Column evaluate(TemporalFunction function) {
    try (Column input = evaluator.eval(function.input())) {
      throw new UnsupportedOperationException(
          function.op().method() + " over " + input.type() + " with " + allocator);
    }
  }
}
