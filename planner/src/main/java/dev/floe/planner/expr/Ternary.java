package dev.floe.planner.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code when(c1).then(v1).when(c2).then(v2).otherwise(o)}: per row, the value of the first branch
 * whose condition is true (null counts as false), else {@code otherwise} (null when not given).
 */
public record Ternary(List<Branch> branches, Expr otherwise) implements Expr {
  public Ternary {
    branches = List.copyOf(branches);
    if (branches.isEmpty()) {
      throw new IllegalArgumentException("when/then needs at least one branch");
    }
  }

  /** One {@code when(condition).then(value)}. */
  public record Branch(Expr condition, Expr value) {}

  /** Adds another condition, whose value {@link WhenBuilder#then} gives. */
  public WhenBuilder when(Object condition) {
    return new WhenBuilder(branches, Expr.of(condition));
  }

  /** The value of rows that match no condition. */
  public Ternary otherwise(Object value) {
    return new Ternary(branches, Expr.of(value));
  }

  /** The builder state after {@code when(condition)}, waiting for {@code then(value)}. */
  public record WhenBuilder(List<Branch> previous, Expr condition) {
    public Ternary then(Object value) {
      List<Branch> all = new ArrayList<>(previous);
      all.add(new Branch(condition, Expr.of(value)));
      return new Ternary(all, Literal.of(null));
    }
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
