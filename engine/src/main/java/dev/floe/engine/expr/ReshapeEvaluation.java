package dev.floe.engine.expr;

import dev.floe.kernels.Cast;
import dev.floe.kernels.Compare;
import dev.floe.kernels.Distinct;
import dev.floe.kernels.Filter;
import dev.floe.kernels.Reshape;
import dev.floe.kernels.Sort;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.column.NullColumn;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.ReshapeFunction;
import java.util.List;

/**
 * The length-changing functions ({@link ReshapeFunction}) over the kernels: the input is evaluated
 * at its own length (a column, a reduction's single row, or another reshaped length) and the
 * result's length is whatever the function gives.
 */
final class ReshapeEvaluation {
  private final ExpressionEvaluator evaluator;
  private final BufferAllocator allocator;

  ReshapeEvaluation(ExpressionEvaluator evaluator) {
    this.evaluator = evaluator;
    this.allocator = evaluator.allocator();
  }

  Column evaluate(ReshapeFunction function) {
    List<Object> arguments = function.arguments();
    try (Column input = evaluator.eval(function.input())) {
      return switch (function.op()) {
        case UNIQUE -> Distinct.unique(input, allocator);
        case UNIQUE_COUNTS -> Distinct.uniqueCounts(input, allocator);
        case VALUE_COUNTS -> {
          DataType.StructType type = new DataType.StructType(List.of(
              dev.floe.memory.types.Field.of((String) arguments.get(3), input.type()),
              dev.floe.memory.types.Field.of((String) arguments.get(2), DataType.UINT32)));
          yield Distinct.valueCounts(
              input, (Boolean) arguments.get(0), (Boolean) arguments.get(1), type, allocator);
        }
        case SORT -> sort(input, arguments, false);
        case ARG_SORT -> sort(input, arguments, true);
        case REVERSE -> Reshape.reverse(input, allocator);
        case HEAD -> Reshape.slice(input, 0, (Long) arguments.getFirst());
        case TAIL -> {
          long n = Math.min((Long) arguments.getFirst(), input.length());
          yield Reshape.slice(input, input.length() - n, n);
        }
        case SLICE -> Reshape.slice(input, (Long) arguments.get(0), (Long) arguments.get(1));
        case GATHER -> gather(function, input);
        case DROP_NULLS -> {
          if (input.nullCount() == 0) {
            yield input.share();
          }
          if (input instanceof NullColumn) {
            yield new NullColumn(0);
          }
          try (var valid = Compare.isNotNull(input, allocator)) {
            yield Filter.filter(input, valid, allocator);
          }
        }
        case DROP_NANS -> Reshape.dropNans(input, allocator);
        case SORT_BY -> SortByEvaluation.sortBy(evaluator, function, input);
        case FILTER -> {
          try (Column predicate = evaluator.eval(function.operands().getFirst())) {
            yield Filter.filter(input, ExpressionEvaluator.asBoolean(predicate), allocator);
          }
        }
      };
    }
  }

  /** The sorted values, or with {@code indices} the sorting permutation as u32. */
  private Column sort(Column input, List<Object> arguments, boolean indices) {
    boolean descending = (Boolean) arguments.get(0);
    boolean nullsLast = (Boolean) arguments.get(1);
    if (input instanceof NullColumn) {
      if (!indices) {
        return input.share();
      }
      int[] identity = new int[input.length()];
      java.util.Arrays.setAll(identity, row -> row);
      return Reshape.uint32(identity, allocator);
    }
    Column values = indices ? null : Sort.sortValues(input, descending, nullsLast, allocator);
    if (values != null) {
      return values;
    }
    try (Column order = Sort.argSort(input, descending, nullsLast, allocator)) {
      return indices
          ? Cast.cast(order, DataType.UINT32, true, allocator)
          : dev.floe.kernels.Gather.take(input, order, allocator);
    }
  }

  private Column gather(ReshapeFunction function, Column input) {
    if (function.operands().isEmpty()) {
      @SuppressWarnings("unchecked")
      List<Object> values = (List<Object>) function.arguments().getFirst();
      try (Column indices = JavaValues.toColumn(allocator, DataType.INT64, values)) {
        return Reshape.gather(input, indices, allocator);
      }
    }
    try (Column indices = evaluator.eval(function.operands().getFirst())) {
      return Reshape.gather(input, indices, allocator);
    }
  }
}
