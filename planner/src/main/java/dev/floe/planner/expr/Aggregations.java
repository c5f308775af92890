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
        DataType result = type instanceof DataType.Float32 ? DataType.FLOAT32 : DataType.FLOAT64;
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
    };
  }

  private static Typing.Typed result(Agg agg, Expr input, DataType type) {
    return new Typing.Typed(new Agg(agg.function(), input, agg.ddof()), type, true);
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
