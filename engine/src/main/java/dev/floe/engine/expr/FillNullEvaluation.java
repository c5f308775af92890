package dev.floe.engine.expr;

import dev.floe.kernels.Aggregate;
import dev.floe.kernels.FillNull;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.planner.expr.FillNullExpr;
import dev.floe.planner.expr.Literal;
import dev.floe.planner.expr.LiteralValues;

/** {@code fillNull(value)} and {@code fillNull(strategy)}. */
final class FillNullEvaluation {
  private final ExpressionEvaluator evaluator;
  private final BufferAllocator allocator;

  FillNullEvaluation(ExpressionEvaluator evaluator) {
    this.evaluator = evaluator;
    this.allocator = evaluator.allocator();
  }

  Column evaluate(FillNullExpr fill) {
    try (Column input = evaluator.eval(fill.input())) {
      if (fill.value() != null && !(fill.value() instanceof Literal)) {
        return withValue(input, fill); // lengths checked even without nulls, as Polars
      }
      if (input.nullCount() == 0) {
        return input.share();
      }
      if (fill.value() != null) {
        return withValue(input, fill);
      }
      return switch (fill.strategy()) {
        case FORWARD -> FillNull.forward(input, -1, allocator);
        case BACKWARD -> FillNull.backward(input, -1, allocator);
        case MIN -> FillNull.fill(input, Aggregate.min(input), allocator);
        case MAX -> FillNull.fill(input, Aggregate.max(input), allocator);
        case MEAN -> FillNull.fill(input, meanAs(input), allocator);
        case ZERO -> FillNull.fill(input, LiteralValues.convert(0L, input.type()), allocator);
        case ONE -> FillNull.fill(input, LiteralValues.convert(1L, input.type()), allocator);
      };
    }
  }

  /** The mean in the input's type (integers: rounded towards zero, as a cast from f64 would be). */
  private static Object meanAs(Column input) {
    Double mean = Aggregate.mean(input);
    if (mean == null) {
      return null;
    }
    if (input.type().isInteger()) {
      return LiteralValues.convert((double) mean.longValue(), input.type());
    }
    return LiteralValues.convert(mean, input.type());
  }

  private Column withValue(Column input, FillNullExpr fill) {
    if (fill.value() instanceof Literal literal) {
      return FillNull.fill(input, ExpressionEvaluator.value(literal), allocator);
    }
    try (Column values = evaluator.eval(fill.value())) {
      int length = Broadcasting.commonLength(fill, input.length(), values.length());
      try (Column fitted = Broadcasting.fit(evaluator, values.share(), length);
          Column target = Broadcasting.fit(evaluator, input.share(), length)) {
        return target.nullCount() == 0 ? target.share() : FillNull.fill(target, fitted, allocator);
      }
    }
  }
}
