package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.column.TemporalConversions;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.util.List;

/**
 * Types the sequence functions ({@link SequenceFunction}) with Polars 1.44's result types: checks
 * input types and inserts the casts the kernels expect, so that each kernel reads and writes one
 * type (cumSum/cumProd/diff compute in their result type).
 */
final class SequenceTyping {
  private final Typing typing;

  SequenceTyping(Typing typing) {
    this.typing = typing;
  }

  Typing.Typed type(SequenceFunction function) {
    Typing.Typed input = typing.type(function.input());
    DataType type = input.type();
    return switch (function.op()) {
      case CUM_SUM -> {
        if (!(type.isNumeric() || type instanceof DataType.BooleanType
            || type instanceof DataType.Duration)) {
          throw unsupported(function, type);
        }
        DataType result = type instanceof DataType.BooleanType ? DataType.UINT32
            : type.isInteger() && type.byteWidth() <= 2 ? DataType.INT64 : type;
        yield typed(function, Typing.cast(input, result), result, input);
      }
      case CUM_PROD -> {
        if (!(type.isNumeric() || type instanceof DataType.BooleanType)) {
          throw unsupported(function, type);
        }
        DataType result = type.isFloatingPoint() || type instanceof DataType.UInt64
            ? type : DataType.INT64;
        yield typed(function, Typing.cast(input, result), result, input);
      }
      case CUM_MIN, CUM_MAX -> {
        if (!(type.isNumeric() || type instanceof DataType.BooleanType
            || type.isTemporal())) {
          throw unsupported(function, type);
        }
        yield typed(function, input.expr(), type, input);
      }
      case CUM_COUNT -> typed(function, input.expr(), DataType.UINT32, input);
      case HASH -> typed(function, input.expr(), DataType.UINT64, input);
      case RANK -> {
        if (!Aggregations.orderable(type)) {
          throw unsupported(function, type);
        }
        DataType result = function.rankMethod().equals("average") ? DataType.FLOAT64 : DataType.UINT32;
        yield typed(function, input.expr(), result, input);
      }
      case SHIFT -> shift(function, input);
      case DIFF -> diff(function, input);
      case FILL_NAN -> fillNan(function, input);
    };
  }

  private Typing.Typed shift(SequenceFunction function, Typing.Typed input) {
    if (function.value() == null) {
      return typed(function, input.expr(), input.type(), input);
    }
    Typing.Typed fill = typing.type(function.value());
    if (!fill.scalar()) {
      throw new InvalidOperationException(
          "the fill value of shift must be a scalar, got " + function.value() + " in " + function);
    }
    if (input.type().isTemporal() && fill.expr() instanceof Literal literal
        && literal.value() instanceof Number number) {
      Object value = temporalValue(number, input.type());
      if (value != null) {
        return new Typing.Typed(
            new SequenceFunction(
                function.op(), input.expr(), List.of(Literal.typed(value, input.type())),
                function.arguments()),
            input.type(), input.scalar());
      }
    }
    if (input.type() instanceof DataType.BooleanType && fill.type().isFloatingPoint()) {
      throw new InvalidOperationException(
          "cannot fill bool values with the float " + function.value() + " in " + function);
    }
    DataType common = Typing.commonType(input, fill);
    if (common == null && (input.type().isString() || input.type().isTemporal())) {
      // Polars casts the fill value to a string or temporal column's type (5 -> "5", 5 days)
      return new Typing.Typed(
          new SequenceFunction(
              function.op(), input.expr(),
              List.of(new CastExpr(fill.expr(), input.type(), true)), function.arguments()),
          input.type(), input.scalar());
    }
    if (common == null || common.isNested()) {
      throw new InvalidOperationException(
          "cannot fill " + input.type() + " values with " + fill.type() + " in " + function);
    }
    return new Typing.Typed(
        new SequenceFunction(
            function.op(), Typing.cast(input, common), List.of(Typing.cast(fill, common)),
            function.arguments()),
        common, input.scalar());
  }

  /**
   * A number as a value of a temporal type, read as its physical integer (truncated: 2.5 days is
   * 2 days, as Polars casts the fill value); null for types without a Java value here.
   */
  private static Object temporalValue(Number number, DataType type) {
    long physical = number.longValue();
    return switch (type) {
      case DataType.Date32 t -> TemporalConversions.fromDate32((int) physical);
      case DataType.Timestamp t when t.timeZone() == null ->
          TemporalConversions.localFromEpoch(physical, t.unit());
      case DataType.Time64 t -> TemporalConversions.fromTime64(physical, t.unit());
      case DataType.Duration t -> TemporalConversions.fromDuration(physical, t.unit());
      default -> null;
    };
  }

  /**
   * Integers subtract in their type (unsigned: the next wider signed type), dates as datetime[us];
   * datetimes and times give durations of their unit.
   */
  private Typing.Typed diff(SequenceFunction function, Typing.Typed input) {
    DataType type = input.type();
    DataType micros = new DataType.Timestamp(TimeUnit.MICROSECOND, null);
    return switch (type) {
      case DataType.UInt8 t -> typed(function, Typing.cast(input, DataType.INT16), DataType.INT16, input);
      case DataType.UInt16 t -> typed(function, Typing.cast(input, DataType.INT32), DataType.INT32, input);
      case DataType.UInt32 t -> typed(function, Typing.cast(input, DataType.INT64), DataType.INT64, input);
      case DataType.UInt64 t ->
          // Polars casts u64 to i64 non-strictly: values above i64::MAX become null.
          typed(function, new CastExpr(input.expr(), DataType.INT64, false), DataType.INT64, input);
      case DataType.Date32 t ->
          typed(function, Typing.cast(input, micros), new DataType.Duration(TimeUnit.MICROSECOND), input);
      case DataType.Timestamp t -> typed(function, input.expr(), new DataType.Duration(t.unit()), input);
      case DataType.Time64 t -> typed(function, input.expr(), new DataType.Duration(t.unit()), input);
      case DataType.Duration t -> typed(function, input.expr(), type, input);
      default -> {
        if (!type.isNumeric()) {
          throw unsupported(function, type);
        }
        yield typed(function, input.expr(), type, input);
      }
    };
  }

  /** The supertype of the input and the value; values of integer inputs are kept (never NaN). */
  private Typing.Typed fillNan(SequenceFunction function, Typing.Typed input) {
    if (!input.type().isNumeric()) {
      throw unsupported(function, input.type());
    }
    Typing.Typed value = typing.type(function.value());
    DataType common = Typing.commonType(input, value);
    if (common == null || !common.isNumeric()) {
      throw new InvalidOperationException(
          "cannot fill the NaN values of " + input.type() + " with " + value.type() + " in "
              + function);
    }
    return new Typing.Typed(
        new SequenceFunction(
            function.op(), Typing.cast(input, common), List.of(Typing.cast(value, common)),
            function.arguments()),
        common, input.scalar() && value.scalar());
  }

  private static Typing.Typed typed(
      SequenceFunction function, Expr newInput, DataType result, Typing.Typed input) {
    return new Typing.Typed(
        new SequenceFunction(function.op(), newInput, function.operands(), function.arguments()),
        result, input.scalar());
  }

  private static InvalidOperationException unsupported(SequenceFunction function, DataType type) {
    return new InvalidOperationException(
        "cannot apply " + function.op().method() + " to " + type + " values in " + function);
  }
}
