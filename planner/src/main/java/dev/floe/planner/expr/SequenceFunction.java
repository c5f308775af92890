package dev.floe.planner.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An order-aware function that keeps its input's length: cumulative sums, shift, diff, rank, hash,
 * fillNan. {@code arguments} are the operation's options: the {@code reverse} flag of the cumulative
 * functions, shift's {@code n}, diff's {@code n} and null behavior, rank's method and
 * {@code descending}, hash's seed. {@code operands} are further expressions it reads: shift's fill
 * value, fillNan's value. Printed as the arguments, then the operands.
 */
public record SequenceFunction(SequenceOp op, Expr input, List<Expr> operands, List<Object> arguments)
    implements Expr {

  public SequenceFunction {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(input, "input");
    operands = List.copyOf(operands);
    arguments = java.util.Collections.unmodifiableList(new ArrayList<>(arguments));
  }

  static SequenceFunction of(SequenceOp op, Expr input, Object... arguments) {
    return new SequenceFunction(op, input, List.of(), java.util.Arrays.asList(arguments));
  }

  /** The input first, then the operands. */
  List<Expr> children() {
    List<Expr> all = new ArrayList<>();
    all.add(input);
    all.addAll(operands);
    return all;
  }

  /** The same function over new children (in {@link #children()} order). */
  SequenceFunction withChildren(List<Expr> children) {
    return new SequenceFunction(op, children.getFirst(), children.subList(1, children.size()), arguments);
  }

  /** The Polars-like method call, e.g. {@code cumSum(true)}, after the receiver. */
  String printCall() {
    List<String> parts = new ArrayList<>();
    arguments.forEach(argument -> parts.add(ExprPrinter.value(argument)));
    operands.forEach(operand -> parts.add(ExprPrinter.print(operand)));
    return op.method() + "(" + String.join(", ", parts) + ")";
  }

  /** The {@code reverse} flag of the cumulative functions. */
  public boolean fromTheEnd() {
    return (Boolean) arguments.getFirst();
  }

  /** The row count of shift and diff (negative: towards the start). */
  public long n() {
    return ((Number) arguments.getFirst()).longValue();
  }

  /** True for diff's null behavior "drop" (the rows without a predecessor are removed). */
  public boolean dropsNulls() {
    return "drop".equals(arguments.get(1));
  }

  /** rank's method: average, min, max, dense or ordinal. */
  public String rankMethod() {
    return (String) arguments.getFirst();
  }

  /** rank's direction. */
  public boolean descending() {
    return (Boolean) arguments.get(1);
  }

  /** hash's seed. */
  public long seed() {
    return ((Number) arguments.getFirst()).longValue();
  }

  /** shift's fill value or fillNan's value; null when absent. */
  public Expr value() {
    return operands.isEmpty() ? null : operands.getFirst();
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
