package dev.floe.planner.plan;

import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Resolver;
import java.util.List;

/**
 * {@code input} ordered by the keys {@code by}, each ascending unless {@code descending} says so
 * (one flag per key), nulls first unless {@code nullsLast}; {@code maintainOrder} keeps ties in
 * input order (a stable sort), as Polars' {@code maintain_order}.
 */
public record Sort(LogicalPlan input, List<Expr> by, List<Boolean> descending, boolean nullsLast,
    boolean maintainOrder) implements LogicalPlan {
  public Sort {
    by = List.copyOf(by);
    descending = List.copyOf(descending);
    if (by.isEmpty()) {
      throw new IllegalArgumentException("sort needs at least one key");
    }
    if (descending.size() != by.size()) {
      throw new IllegalArgumentException(
          "sort has " + by.size() + " keys but " + descending.size() + " descending flags");
    }
  }

  @Override
  public Schema schema() {
    Schema schema = input.schema();
    Resolver resolver = new Resolver(schema);
    for (Expr key : by) {
      resolver.resolveOne(key);
    }
    return schema;
  }

  @Override
  public List<LogicalPlan> inputs() {
    return List.of(input);
  }

  @Override
  public LogicalPlan withInputs(List<LogicalPlan> inputs) {
    return new Sort(LogicalPlan.only(inputs, "sort"), by, descending, nullsLast, maintainOrder);
  }
}
