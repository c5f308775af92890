package dev.floe.engine.expr;

import dev.floe.errors.ComputeException;
import dev.floe.kernels.Compare;
import dev.floe.kernels.Cumulative;
import dev.floe.kernels.Diff;
import dev.floe.kernels.IfThenElse;
import dev.floe.kernels.Rank;
import dev.floe.kernels.RowHash;
import dev.floe.kernels.Shift;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.SequenceFunction;
import java.util.Locale;

/**
 * The order-aware functions ({@link SequenceFunction}) over the kernels. The planner has cast the
 * input to the type each kernel computes in (see {@code SequenceTyping}).
 */
final class SequenceEvaluation {
  private final ExpressionEvaluator evaluator;
  private final BufferAllocator allocator;

  SequenceEvaluation(ExpressionEvaluator evaluator) {
    this.evaluator = evaluator;
    this.allocator = evaluator.allocator();
  }

  Column evaluate(SequenceFunction function) {
    try (Column input = evaluator.eval(function.input())) {
      return switch (function.op()) {
        case CUM_SUM -> Cumulative.apply(input, Cumulative.Op.SUM, function.fromTheEnd(), allocator);
        case CUM_PROD -> Cumulative.apply(input, Cumulative.Op.PROD, function.fromTheEnd(), allocator);
        case CUM_MIN -> Cumulative.apply(input, Cumulative.Op.MIN, function.fromTheEnd(), allocator);
        case CUM_MAX -> Cumulative.apply(input, Cumulative.Op.MAX, function.fromTheEnd(), allocator);
        case CUM_COUNT -> Cumulative.count(input, function.fromTheEnd(), allocator);
        case SHIFT -> shift(function, input);
        case DIFF -> diff(function, input);
        case RANK ->
            Rank.rank(
                input,
                Rank.Method.valueOf(function.rankMethod().toUpperCase(Locale.ROOT)),
                function.descending(),
                allocator);
        case HASH -> RowHash.hash(input, function.seed(), allocator);
        case FILL_NAN -> fillNan(function, input);
      };
    }
  }

  private Column shift(SequenceFunction function, Column input) {
    if (function.value() == null) {
      return Shift.shift(input, function.n(), null, allocator);
    }
    try (Column fill = evaluator.evalAt(function.value(), 1)) {
      return Shift.shift(input, function.n(), fill, allocator);
    }
  }

  /** {@code x - x.shift(n)}; with null behavior "drop", without the rows lacking a partner. */
  private Column diff(SequenceFunction function, Column input) {
    long n = function.n();
    DataType result = switch (input.type()) {
      case DataType.Timestamp stamp -> new DataType.Duration(stamp.unit());
      case DataType.Time64 time -> new DataType.Duration(time.unit());
      default -> input.type();
    };
    try (Column differences = Diff.diff(input, n, result, allocator)) {
      if (!function.dropsNulls()) {
        return differences.share();
      }
      int length = differences.length();
      if (Math.abs(n) > length && length > 1) {
        // as Polars 1.44 (which allows |n| up to the length, and any n for one row)
        throw new ComputeException(
            "diff with null behavior \"drop\" and n = " + n + " needs at most " + length
                + " rows to drop");
      }
      int dropped = (int) Math.min(Math.abs(n), length);
      return n >= 0
          ? differences.slice(dropped, length - dropped)
          : differences.slice(0, length - dropped);
    }
  }

  /** NaN values replaced by the value (row by row or broadcast); integers pass unchanged. */
  private Column fillNan(SequenceFunction function, Column input) {
    if (!input.type().isFloatingPoint()) {
      return input.share();
    }
    int length = ExpressionEvaluator.isScalar(function) ? 1 : evaluator.rowCount();
    try (Column values = evaluator.evalAt(function.value(), length);
        Column inputs = input.length() == length ? input.share() : evaluator.broadcast(input, length);
        BooleanColumn nan = Compare.isNan(inputs, allocator)) {
      return IfThenElse.select(nan, values, inputs, allocator);
    }
  }
}
