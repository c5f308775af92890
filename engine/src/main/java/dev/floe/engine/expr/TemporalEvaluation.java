package dev.floe.engine.expr;

import dev.floe.kernels.temporal.ChronoFormatter;
import dev.floe.kernels.temporal.Epochs;
import dev.floe.kernels.temporal.MonthBounds;
import dev.floe.kernels.temporal.Offsets;
import dev.floe.kernels.temporal.TemporalArithmetic;
import dev.floe.kernels.temporal.TemporalFields;
import dev.floe.kernels.temporal.TimeZones;
import dev.floe.kernels.temporal.Truncation;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.TemporalFunction;
import dev.floe.planner.expr.TemporalOp;
import java.util.List;

/** The dt functions ({@link TemporalFunction}) over the kernels. */
final class TemporalEvaluation {
  private final ExpressionEvaluator evaluator;
  private final BufferAllocator allocator;

  TemporalEvaluation(ExpressionEvaluator evaluator) {
    this.evaluator = evaluator;
    this.allocator = evaluator.allocator();
  }

  Column evaluate(TemporalFunction function) {
    if (function.op() == TemporalOp.ARITHMETIC) {
      return arithmetic(function);
    }
    try (Column input = evaluator.eval(function.input())) {
      return apply(function, input);
    }
  }

  private Column arithmetic(TemporalFunction function) {
    int length = ExpressionEvaluator.isScalar(function) ? 1 : evaluator.rowCount();
    List<Object> arguments = function.arguments();
    TemporalArithmetic.Kind kind = TemporalArithmetic.Kind.valueOf((String) arguments.get(0));
    try (Column left = evaluator.evalAt(function.input(), length);
        Column right = evaluator.evalAt(function.operands().getFirst(), length)) {
      return TemporalArithmetic.apply(left, right, kind, (DataType) arguments.get(1), allocator);
    }
  }

  private Column apply(TemporalFunction function, Column input) {
    TemporalOp op = function.op();
    List<Object> arguments = function.arguments();
    if (op.isField()) {
      TemporalFields.Field field = TemporalFields.Field.valueOf(op.name());
      return TemporalFields.field(input, field, allocator);
    }
    if (op.isTotal()) {
      Epochs.Total total = Epochs.Total.valueOf(op.name().substring("TOTAL_".length()));
      return Epochs.total(input, total, Boolean.TRUE.equals(arguments.getFirst()), allocator);
    }
    return switch (op) {
      case TRUNCATE -> Truncation.truncate(input, text(arguments, 0), allocator);
      case ROUND -> Truncation.round(input, text(arguments, 0), allocator);
      case OFFSET_BY -> Offsets.offsetBy(input, text(arguments, 0), allocator);
      case MONTH_START -> MonthBounds.apply(input, false, allocator);
      case MONTH_END -> MonthBounds.apply(input, true, allocator);
      case EPOCH, TIMESTAMP -> Epochs.epoch(input, text(arguments, 0), allocator);
      case STRFTIME -> ChronoFormatter.format(input, text(arguments, 0), allocator);
      case CONVERT_TIME_ZONE -> TimeZones.convert(input, text(arguments, 0));
      case REPLACE_TIME_ZONE ->
          TimeZones.replace(
              input, text(arguments, 0), text(arguments, 1), text(arguments, 2), allocator);
      default -> throw new UnsupportedOperationException("dt." + op.method() + "()");
    };
  }

  private static String text(List<Object> arguments, int index) {
    return (String) arguments.get(index);
  }
}
