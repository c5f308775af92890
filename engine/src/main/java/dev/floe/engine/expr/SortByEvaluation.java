package dev.floe.engine.expr;

import dev.floe.errors.ShapeMismatchException;
import dev.floe.kernels.Gather;
import dev.floe.kernels.Sort;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.NullColumn;
import dev.floe.planner.expr.ReshapeFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates {@code sortBy}: the keys are evaluated at the input's length, stably arg-sorted
 * together ({@link Sort#argSort}) and the input gathered in that order. A key of one value next to
 * a longer input is a constant (it does not change the order); an all-null key likewise.
 */
final class SortByEvaluation {
  private SortByEvaluation() {}

  static Column sortBy(ExpressionEvaluator evaluator, ReshapeFunction function, Column input) {
    BufferAllocator allocator = evaluator.allocator();
    @SuppressWarnings("unchecked")
    List<Boolean> descending = (List<Boolean>) function.arguments().get(0);
    boolean nullsLast = (Boolean) function.arguments().get(1);
    List<Column> keys = new ArrayList<>();
    List<Boolean> directions = new ArrayList<>();
    try {
      for (int index = 0; index < function.operands().size(); index++) {
        Column key = evaluator.eval(function.operands().get(index));
        boolean constant = key.length() == 1 && input.length() != 1 || key instanceof NullColumn;
        if (constant) {
          key.close();
          continue;
        }
        keys.add(key);
        directions.add(descending.get(index));
        if (key.length() != input.length()) {
          throw new ShapeMismatchException("sortBy key " + function.operands().get(index) + " has "
              + key.length() + " rows, but the sorted expression has " + input.length() + ", in " + function);
        }
      }
      if (keys.isEmpty() || input.length() < 2) {
        return input.share();
      }
      boolean[] flags = new boolean[directions.size()];
      for (int index = 0; index < flags.length; index++) {
        flags[index] = directions.get(index);
      }
      try (Column order = Sort.argSort(keys, flags, nullsLast, allocator)) {
        return Gather.take(input, order, allocator);
      }
    } finally {
      keys.forEach(Column::close);
    }
  }
}
