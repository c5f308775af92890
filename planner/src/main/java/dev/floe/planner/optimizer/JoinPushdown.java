package dev.floe.planner.optimizer;

import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.Join;
import dev.floe.planner.plan.JoinLayout;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinType;
import dev.floe.planner.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * How the pushdown rules pass a {@link Join}. Predicates: a conjunct that reads only columns of
 * one input goes into that input when the join cannot pad that input's rows with nulls: the left
 * input of inner, left, semi, anti and cross joins, the right input of inner, right and cross joins
 * (a filter on a right column above a left join also drops the null-padded rows, so it stays).
 * Suffixed right columns are renamed back; a coalesced full-join key reads both sides and stays.
 * A conjunct over plain key columns of one (non-float) type is also copied into the other input
 * when it moves into one (as Polars does): matching rows hold equal keys. Nothing moves below a
 * join with {@code validate}, whose check must see every row.
 * Projections: each input keeps the columns the consumer needs from it, its key columns, and on
 * the left every column whose name a needed right column had to take a suffix for (without it the
 * right column would lose its suffix and the output its shape).
 */
final class JoinPushdown {
  private JoinPushdown() {}

  /** {@code join} with the row-wise {@code pending} conjuncts applied; {@code push} recurses into an input. */
  static LogicalPlan predicates(Join join, List<Expr> pending, BiFunction<LogicalPlan, List<Expr>, LogicalPlan> push) {
    JoinLayout layout = JoinLayout.of(join);
    // a filter below a validated join would hide duplicates the check must see
    boolean free = join.options().validate() == JoinOptions.Validate.MANY_TO_MANY;
    boolean intoLeft = free && join.how() != JoinType.RIGHT && join.how() != JoinType.FULL;
    boolean intoRight = free && (join.how() == JoinType.INNER || join.how() == JoinType.RIGHT
        || join.how() == JoinType.CROSS);
    Map<String, String> leftToRight = new HashMap<>();
    Map<String, String> rightToLeft = new HashMap<>();
    mirroredKeys(join, leftToRight, rightToLeft);
    Map<String, String> leftNames = new HashMap<>();
    Map<String, String> rightNames = new HashMap<>();
    for (JoinLayout.Column column : layout.columns()) {
      if (column.side() == JoinLayout.Side.LEFT) {
        leftNames.put(column.name(), join.left().schema().field(column.index()).name());
      } else if (column.side() == JoinLayout.Side.RIGHT) {
        rightNames.put(column.name(), join.right().schema().field(column.index()).name());
      }
    }
    List<Expr> left = new ArrayList<>();
    List<Expr> right = new ArrayList<>();
    List<Expr> stay = new ArrayList<>();
    for (Expr conjunct : pending) {
      Set<String> read = ExprTrees.columnNames(conjunct);
      if (intoLeft && !read.isEmpty() && leftNames.keySet().containsAll(read)) {
        Expr renamed = rename(conjunct, read, leftNames);
        left.add(renamed);
        mirror(renamed, leftToRight, right);
      } else if (intoRight && !read.isEmpty() && rightNames.keySet().containsAll(read)) {
        Expr renamed = rename(conjunct, read, rightNames);
        right.add(renamed);
        mirror(renamed, rightToLeft, left);
      } else {
        stay.add(conjunct);
      }
    }
    LogicalPlan newLeft = push.apply(join.left(), left);
    LogicalPlan newRight = push.apply(join.right(), right);
    LogicalPlan result = newLeft == join.left() && newRight == join.right() ? join
        : join.withInputs(List.of(newLeft, newRight));
    return stay.isEmpty() ? result : new Filter(result, PredicatePushdown.and(stay));
  }

  /**
   * The key pairs a conjunct over one side's keys may be copied across: both plain columns of one
   * type that is not a float (a matching pair then holds the very same value; -0.0 matches 0.0,
   * which a predicate can tell apart). Not for full and cross joins.
   */
  private static void mirroredKeys(Join join, Map<String, String> leftToRight, Map<String, String> rightToLeft) {
    if (join.how() == JoinType.FULL || join.how() == JoinType.CROSS) {
      return;
    }
    for (int key = 0; key < join.leftOn().size(); key++) {
      if (join.leftOn().get(key) instanceof ColumnRef leftKey && join.rightOn().get(key) instanceof ColumnRef rightKey) {
        dev.floe.memory.types.DataType type = join.left().schema().field(leftKey.columnName()).type();
        if (type.equals(join.right().schema().field(rightKey.columnName()).type()) && !type.isFloatingPoint()) {
          leftToRight.put(leftKey.columnName(), rightKey.columnName());
          rightToLeft.put(rightKey.columnName(), leftKey.columnName());
        }
      }
    }
  }

  /**
   * Adds to {@code other} a copy of {@code conjunct} (over one input) for the other input when it
   * reads only keys {@code keys} maps across: a row of the other input that fails it can only
   * match rows the conjunct already removes from this input.
   */
  private static void mirror(Expr conjunct, Map<String, String> keys, List<Expr> other) {
    Set<String> read = ExprTrees.columnNames(conjunct);
    if (!keys.isEmpty() && keys.keySet().containsAll(read)) {
      other.add(rename(conjunct, read, keys));
    }
  }

  /** {@code join} over inputs pruned to what {@code needed} (output names) and the keys read. */
  static LogicalPlan prune(Join join, Set<String> needed, BiFunction<LogicalPlan, Set<String>, LogicalPlan> prune) {
    JoinLayout layout = JoinLayout.of(join);
    List<String> leftInput = join.left().schema().names();
    List<String> rightInput = join.right().schema().names();
    Set<String> leftNeeds = new LinkedHashSet<>(Columns.read(Columns.expand(join.leftOn(), join.left()::schema)));
    Set<String> rightNeeds = new LinkedHashSet<>(Columns.read(Columns.expand(join.rightOn(), join.right()::schema)));
    for (JoinLayout.Column column : layout.columns()) {
      if (!needed.contains(column.name())) {
        continue;
      }
      switch (column.side()) {
        case LEFT -> leftNeeds.add(leftInput.get(column.index()));
        case RIGHT -> {
          String source = rightInput.get(column.index());
          rightNeeds.add(source);
          if (!source.equals(column.name()) && leftInput.contains(source)) {
            leftNeeds.add(source); // keeps the suffix: the clash is what gave it
          }
        }
        case KEY -> { } // both key columns are kept anyway
      }
    }
    LogicalPlan left = prune.apply(join.left(), leftNeeds);
    LogicalPlan right = prune.apply(join.right(), rightNeeds);
    return left == join.left() && right == join.right() ? join : join.withInputs(List.of(left, right));
  }

  /** {@code conjunct} reading {@code names.get(name)} for each {@code name}, via placeholders (no double renames). */
  private static Expr rename(Expr conjunct, Set<String> read, Map<String, String> names) {
    Expr result = conjunct;
    List<String> columns = List.copyOf(read);
    boolean same = columns.stream().allMatch(name -> names.get(name).equals(name));
    if (same) {
      return conjunct;
    }
    for (int index = 0; index < columns.size(); index++) {
      result = ExprTrees.replace(result, new ColumnRef(columns.get(index)), new ColumnRef("\u0000" + index));
    }
    for (int index = 0; index < columns.size(); index++) {
      result = ExprTrees.replace(result, new ColumnRef("\u0000" + index), new ColumnRef(names.get(columns.get(index))));
    }
    return result;
  }
}
