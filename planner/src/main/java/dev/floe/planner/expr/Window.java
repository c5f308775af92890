package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A window expression, Polars' {@code expr.over(partition_by, order_by=..., mapping_strategy=...)}:
 * {@code input} is evaluated once per group of rows with equal {@code partitionBy} values (in the
 * rows' order, or in {@code orderBy} order), and each group's result is mapped back to the group's
 * rows: an aggregate is broadcast to them, a length-keeping function (cumSum, shift, rank, ...)
 * lands at the rows' own positions. Never row-wise: a filter below it would change the groups.
 */
public record Window(Expr input, List<Expr> partitionBy, WindowOptions options) implements Expr {

  public Window {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(options, "options");
    partitionBy = List.copyOf(partitionBy);
    if (partitionBy.isEmpty()) {
      throw new InvalidOperationException("over(...) needs at least one partition key in "
          + ExprPrinter.receiver(input) + ".over([])");
    }
  }

  /** The input, then the partition keys, then the order keys. */
  List<Expr> children() {
    List<Expr> all = new ArrayList<>();
    all.add(input);
    all.addAll(partitionBy);
    all.addAll(options.orderBy());
    return all;
  }

  /** The same window over new children (in {@link #children()} order). */
  Window withChildren(List<Expr> children) {
    int keys = partitionBy.size();
    List<Expr> order = children.subList(1 + keys, children.size());
    return new Window(
        children.getFirst(),
        children.subList(1, 1 + keys),
        new WindowOptions(order, options.descending(), options.nullsLast(), options.mapping()));
  }

  /** {@code over([col("g")], orderBy=[col("t")], descending=true, mapping="join")}. */
  String printCall() {
    StringBuilder text = new StringBuilder(".over([").append(list(partitionBy)).append("]");
    if (!options.orderBy().isEmpty()) {
      text.append(", orderBy=[").append(list(options.orderBy())).append("]");
      if (options.descending()) {
        text.append(", descending=true");
      }
      if (options.nullsLast()) {
        text.append(", nullsLast=true");
      }
    }
    if (options.mapping() != WindowOptions.Mapping.GROUP_TO_ROWS) {
      text.append(", mapping=").append(ExprPrinter.quote(options.mapping().polarsName()));
    }
    return text.append(")").toString();
  }

  private static String list(List<Expr> exprs) {
    return String.join(", ", exprs.stream().map(ExprPrinter::print).toList());
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
