package dev.floe.planner.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A function whose output length differs from its input's: unique, sort, head, gather, dropNulls.
 * {@code arguments} are the operation's
 * options (numbers, strings, enums); {@code operands} are further expressions it reads.
 */
public record ReshapeFunction(ReshapeOp op, Expr input, List<Expr> operands, List<Object> arguments)
    implements Expr {

  public ReshapeFunction {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(input, "input");
    operands = List.copyOf(operands);
    arguments = java.util.Collections.unmodifiableList(new ArrayList<>(arguments));
  }

  static ReshapeFunction of(ReshapeOp op, Expr input, Object... arguments) {
    return new ReshapeFunction(op, input, List.of(), java.util.Arrays.asList(arguments));
  }

  /** The input first, then the operands. */
  List<Expr> children() {
    List<Expr> all = new ArrayList<>();
    all.add(input);
    all.addAll(operands);
    return all;
  }

  /** The same function over new children (in {@link #children()} order). */
  ReshapeFunction withChildren(List<Expr> children) {
    return new ReshapeFunction(
        op, children.getFirst(), children.subList(1, children.size()), arguments);
  }

  /** The Polars-like method call, e.g. {@code .cumSum(reverse=true)}, after the receiver. */
  String printCall() {
    List<String> parts = new ArrayList<>();
    operands.forEach(operand -> parts.add(ExprPrinter.print(operand)));
    arguments.forEach(argument -> parts.add(ExprPrinter.value(argument)));
    return op.method() + "(" + String.join(", ", parts) + ")";
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
