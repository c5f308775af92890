package dev.floe.planner.optimizer;

import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.plan.AsofJoin;
import dev.floe.planner.plan.AsofJoinLayout;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.JoinLayout;
import dev.floe.planner.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * How the pushdown rules pass an {@link AsofJoin}. Each left row is paired on its own and comes out
 * exactly once, so a conjunct that reads only left columns may filter the left input first (a
 * subsequence of a sorted input is still sorted). Nothing goes into the right input: removing a
 * right row changes which row the left rows pair with, not just whether they do. Projections: the
 * left input keeps its key, its by columns, what the consumer needs and every column whose name
 * gave a needed right column its suffix; the right input its key, its by columns and what the
 * consumer needs.
 */
final class AsofJoinPushdown {
  private AsofJoinPushdown() {}

  /** {@code join} with the row-wise {@code pending} conjuncts applied; {@code push} recurses into an input. */
  static LogicalPlan predicates(AsofJoin join, List<Expr> pending,
      BiFunction<LogicalPlan, List<Expr>, LogicalPlan> push) {
    Set<String> leftNames = new LinkedHashSet<>();
    for (JoinLayout.Column column : AsofJoinLayout.of(join).layout().columns()) {
      if (column.side() == JoinLayout.Side.LEFT) {
        leftNames.add(column.name()); // left columns keep their names
      }
    }
    List<Expr> left = new ArrayList<>();
    List<Expr> stay = new ArrayList<>();
    for (Expr conjunct : pending) {
      Set<String> read = ExprTrees.columnNames(conjunct);
      (!read.isEmpty() && leftNames.containsAll(read) ? left : stay).add(conjunct);
    }
    LogicalPlan newLeft = push.apply(join.left(), left);
    LogicalPlan newRight = push.apply(join.right(), List.of());
    LogicalPlan result = newLeft == join.left() && newRight == join.right() ? join
        : join.withInputs(List.of(newLeft, newRight));
    return stay.isEmpty() ? result : new Filter(result, PredicatePushdown.and(stay));
  }

  /** {@code join} over inputs pruned to what {@code needed} (output names), the keys and by columns read. */
  static LogicalPlan prune(AsofJoin join, Set<String> needed, BiFunction<LogicalPlan, Set<String>, LogicalPlan> prune) {
    List<String> leftInput = join.left().schema().names();
    List<String> rightInput = join.right().schema().names();
    Set<String> leftNeeds = new LinkedHashSet<>();
    leftNeeds.add(join.options().leftOn());
    leftNeeds.addAll(join.options().byLeft());
    Set<String> rightNeeds = new LinkedHashSet<>();
    rightNeeds.add(join.options().rightOn());
    rightNeeds.addAll(join.options().byRight());
    for (JoinLayout.Column column : AsofJoinLayout.of(join).layout().columns()) {
      if (!needed.contains(column.name())) {
        continue;
      }
      if (column.side() == JoinLayout.Side.LEFT) {
        leftNeeds.add(leftInput.get(column.index()));
      } else {
        String source = rightInput.get(column.index());
        rightNeeds.add(source);
        if (!source.equals(column.name()) && leftInput.contains(source)) {
          leftNeeds.add(source); // the clash is what gives the suffix
        }
      }
    }
    LogicalPlan left = prune.apply(join.left(), leftNeeds);
    LogicalPlan right = prune.apply(join.right(), rightNeeds);
    return left == join.left() && right == join.right() ? join : join.withInputs(List.of(left, right));
  }
}
