package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and types {@code sortBy} ({@link ReshapeOp#SORT_BY}): the keys become the function's
 * operands, the per-key descending flags and the nulls-last flag its arguments. Keys must be flat
 * (lists and structs do not sort) and at least one must be given.
 */
final class SortByTyping {
  private SortByTyping() {}

  /** The sortBy of {@code input}; one descending flag stands for every key. */
  static Expr sortBy(Expr input, List<? extends Expr> by, List<Boolean> descending, boolean nullsLast) {
    if (by.isEmpty()) {
      throw new InvalidOperationException("sortBy needs at least one key, in " + input + ".sortBy()");
    }
    List<Boolean> flags = new ArrayList<>();
    if (descending.size() == 1) {
      by.forEach(key -> flags.add(descending.getFirst()));
    } else if (descending.size() == by.size()) {
      flags.addAll(descending);
    } else {
      throw new InvalidOperationException("sortBy got " + descending.size() + " descending flags for "
          + by.size() + " keys; give one, or one per key");
    }
    return new ReshapeFunction(ReshapeOp.SORT_BY, input, List.copyOf(by), List.of(List.copyOf(flags), nullsLast));
  }

  /** Types the keys into {@code operands}; the result keeps the input's type. */
  static void check(Typing typing, ReshapeFunction function, List<Expr> operands) {
    for (Expr key : function.operands()) {
      Typing.Typed typed = typing.type(key);
      if (typed.type().isNested()) {
        throw new InvalidOperationException(
            "sortBy cannot sort by " + key + " of type " + typed.type() + " in " + function);
      }
      operands.add(typed.expr());
    }
  }
}
