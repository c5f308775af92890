package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;

/** Result types of reductions (Polars 1.x) and the casts their inputs need. */
final class Aggregations {
  private Aggregations() {}

  static Typing.Typed type(Agg agg, Typing.Typed input) {
    DataType type = input.type();
    Typing.Typed decimal = DecimalTyping.aggregate(agg, input);
    if (decimal != null) {
      return decimal;
    }
    return switch (agg.function()) {
      case SUM -> {
        requireNumeric(agg, type, "sum");
        // Polars sums small integers as i64 and booleans as u32 (a count of true values).
        DataType result =
            type instanceof DataType.BooleanType
                ? DataType.UINT32
                : type.isInteger() && type.byteWidth() <= 2 ? DataType.INT64 : type;
        yield result(agg, Typing.cast(input, result), result);
      }
      case MEAN, STD, VAR -> {
        requireNumeric(agg, type, agg.function().method());
        // Polars: of a null-typed column, the mean, std and var are nulls of type null
        DataType result = type instanceof DataType.Float32 ? DataType.FLOAT32
            : type instanceof DataType.NullType ? DataType.NULL : DataType.FLOAT64;
        yield result(agg, input.expr(), result);
      }
      case MIN, MAX -> {
        if (type.isNested() || type instanceof DataType.Binary) {
          throw unsupported(agg, type, agg.function().method());
        }
        yield result(agg, input.expr(), type);
      }
      case COUNT, LEN, NULL_COUNT -> result(agg, input.expr(), DataType.UINT32);
      case FIRST, LAST -> result(agg, input.expr(), type);
      case ANY, ALL -> {
        if (!(type instanceof DataType.BooleanType) && !(type instanceof DataType.NullType)) {
          throw unsupported(agg, type, agg.function().method());
        }
        yield result(agg, Typing.cast(input, DataType.BOOLEAN), DataType.BOOLEAN);
      }
      case N_UNIQUE -> {
        if (type.isNested()) {
          throw unsupported(agg, type, "nUnique");
        }
        yield result(agg, input.expr(), DataType.UINT32);
      }
      case ARG_MIN, ARG_MAX -> {
        if (!orderable(type)) {
          throw unsupported(agg, type, agg.function().method());
        }
        yield result(agg, input.expr(), DataType.UINT32);
      }
      case MEDIAN, QUANTILE -> quantile(agg, input);
    };
  }

  /**
   * Median and quantile (Polars 1.44): numbers give f64 (f32 stays f32), bool only for median;
   * date gives datetime[us] (computed on its microseconds), datetime, duration and time keep their
   * type.
   */
  private static Typing.Typed quantile(Agg agg, Typing.Typed input) {
    DataType type = input.type();
    String method = agg.function().method();
    if (agg.function() == AggFunction.QUANTILE
        && !(agg.quantile() >= 0.0 && agg.quantile() <= 1.0)) {
      throw new InvalidOperationException(
          "quantile should be between 0.0 and 1.0, got " + agg.quantile() + " in " + agg);
    }
    return switch (type) {
      case DataType.Float32 t -> result(agg, input.expr(), DataType.FLOAT32);
      case DataType.NullType t -> result(agg, input.expr(), DataType.NULL); // a null, as Polars
      case DataType.BooleanType t when agg.function() == AggFunction.MEDIAN ->
          result(agg, Typing.cast(input, DataType.FLOAT64), DataType.FLOAT64);
      case DataType.Date32 t -> {
        DataType micros = new DataType.Timestamp(dev.floe.memory.types.TimeUnit.MICROSECOND, null);
        yield result(agg, Typing.cast(input, micros), micros);
      }
      case DataType.Timestamp t -> result(agg, input.expr(), type);
      case DataType.Time64 t -> result(agg, input.expr(), type);
      case DataType.Duration t -> result(agg, input.expr(), type);
      default -> {
        if (!type.isNumeric()) {
          throw unsupported(agg, type, method);
        }
        yield result(agg, input.expr(), DataType.FLOAT64);
      }
    };
  }

  /** Types whose values have an order for argMin / argMax: numbers, bool, strings, temporals. */
  static boolean orderable(DataType type) {
    return type.isNumeric()
        || type.isString()
        || type.isTemporal()
        || type instanceof DataType.BooleanType;
  }

  private static Typing.Typed result(Agg agg, Expr input, DataType type) {
    return new Typing.Typed(agg.withInput(input), type, true);
  }

  private static void requireNumeric(Agg agg, DataType type, String operation) {
    if (!type.isNumeric()
        && !(type instanceof DataType.BooleanType)
        && !(type instanceof DataType.NullType)) {
      throw unsupported(agg, type, operation);
    }
  }

  private static InvalidOperationException unsupported(Agg agg, DataType type, String operation) {
    return new InvalidOperationException(
        "cannot compute the " + operation + " of " + type + " values in " + agg);
  }
}
