package dev.floe.engine.expr;

import dev.floe.kernels.Aggregate;
import dev.floe.kernels.AggregateArg;
import dev.floe.kernels.AggregateQuantile;
import dev.floe.kernels.AggregateUnique;
import dev.floe.kernels.Broadcast;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Agg;
import dev.floe.planner.expr.AggFunction;
import dev.floe.planner.expr.LiteralValues;

/** Reductions: the kernels' aggregate facade, with the result as a length-1 column. */
final class AggregateEvaluation {
  private AggregateEvaluation() {}

  static Column evaluate(ExpressionEvaluator evaluator, Agg agg) {
    try (Column input = evaluator.eval(agg.input())) {
      if (input.type() instanceof DataType.NullType && nullOfNulls(agg.function())) {
        return new dev.floe.memory.column.NullColumn(1);
      }
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
              int row = agg.function() == AggFunction.FIRST ? 0 : input.length() - 1;
              yield input.slice(row, 1);
            }
            case N_UNIQUE -> AggregateUnique.nUnique(input);
            case ARG_MIN -> AggregateArg.argMin(input);
            case ARG_MAX -> AggregateArg.argMax(input);
            case MEDIAN -> AggregateQuantile.median(input);
            case QUANTILE ->
                AggregateQuantile.quantile(
                    input,
                    agg.quantile(),
                    AggregateQuantile.Method.valueOf(agg.interpolation().name()));
          };
      if (value instanceof Column single) {
        return single;
      }
      if (type.isTemporal()
          && (agg.function() == AggFunction.MEDIAN || agg.function() == AggFunction.QUANTILE)) {
        return temporal((Double) value, type, evaluator);
      }
      // u64 values come as the unsigned bits in a Long, which the literal check would reject
      Object converted = type instanceof DataType.UInt64 ? value : LiteralValues.convert(value, type);
      return Broadcast.constant(converted, type, 1, evaluator.allocator());
    }
  }

  /** A quantile of temporal values: the physical value truncated to an integer, as Polars. */
  private static Column temporal(Double value, DataType type, ExpressionEvaluator evaluator) {
    try (FixedWidthBuilder builder = new FixedWidthBuilder(type, evaluator.allocator(), 1)) {
      if (value == null || value.isNaN()) {
        builder.appendNull();
      } else {
        builder.appendLong(value.longValue());
      }
      return builder.build();
    }
  }

  /** The reductions whose value over a null-typed column is a null of type null (as Polars). */
  private static boolean nullOfNulls(AggFunction function) {
    return switch (function) {
      case MEAN, STD, VAR, MEDIAN, QUANTILE -> true;
      default -> false;
    };
  }

  /** The result type, as {@link dev.floe.planner.expr.Resolver} computed it. */
  private static DataType resultType(Agg agg, DataType input) {
    return switch (agg.function()) {
      case COUNT, LEN, NULL_COUNT, N_UNIQUE, ARG_MIN, ARG_MAX -> DataType.UINT32;
      case ANY, ALL -> DataType.BOOLEAN;
      case MEAN, STD, VAR ->
          input instanceof DataType.Float32 ? DataType.FLOAT32 : DataType.FLOAT64;
      // the planner cast dates to datetime[us]; datetimes and durations keep their type
      case MEDIAN, QUANTILE ->
          input instanceof DataType.Float32 || input.isTemporal() ? input : DataType.FLOAT64;
      default -> input;
    };
  }
}
