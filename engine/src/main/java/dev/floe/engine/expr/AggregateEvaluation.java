package dev.floe.engine.expr;

import dev.floe.kernels.Aggregate;
import dev.floe.kernels.Broadcast;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Agg;
import dev.floe.planner.expr.LiteralValues;

/** Reductions: the kernels' aggregate facade, with the result as a length-1 column. */
final class AggregateEvaluation {
  private AggregateEvaluation() {}

  static Column evaluate(ExpressionEvaluator evaluator, Agg agg) {
    try (Column input = evaluator.eval(agg.input())) {
      DataType type = resultType(agg, input.type());
      Object value =
          switch (agg.function()) {
            case SUM -> Aggregate.sum(input);
            case MEAN -> Aggregate.mean(input);
            case MIN -> Aggregate.min(input);
            case MAX -> Aggregate.max(input);
            case COUNT -> Aggregate.count(input);
            case LEN -> (long) input.length();
            case NULL_COUNT -> Aggregate.nullCount(input);
            case STD -> Aggregate.std(input, agg.ddof());
            case VAR -> Aggregate.variance(input, agg.ddof());
            case ANY -> dev.floe.kernels.Aggregate.any(ExpressionEvaluator.asBoolean(input));
            case ALL -> dev.floe.kernels.Aggregate.all(ExpressionEvaluator.asBoolean(input));
            case FIRST, LAST -> {
              if (input.length() == 0) {
                yield null;
              }
              int row = agg.function() == dev.floe.planner.expr.AggFunction.FIRST ? 0 : input.length() - 1;
              yield input.slice(row, 1);
            }
          };
      if (value instanceof Column single) {
        return single;
      }
      // u64 values come as the unsigned bits in a Long, which the literal check would reject
      Object converted = type instanceof DataType.UInt64 ? value : LiteralValues.convert(value, type);
      return Broadcast.constant(converted, type, 1, evaluator.allocator());
    }
  }

  /** The result type, as {@link dev.floe.planner.expr.Resolver} computed it. */
  private static DataType resultType(Agg agg, DataType input) {
    return switch (agg.function()) {
      case COUNT, LEN, NULL_COUNT -> DataType.UINT32;
      case ANY, ALL -> DataType.BOOLEAN;
      case MEAN, STD, VAR ->
          input instanceof DataType.Float32 ? DataType.FLOAT32 : DataType.FLOAT64;
      default -> input;
    };
  }
}
