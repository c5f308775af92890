package dev.floe.engine.exec;

import dev.floe.engine.exec.GroupedReducers.Reduce;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Agg;
import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.expr.Exprs;
import dev.floe.planner.expr.ReshapeFunction;
import dev.floe.planner.expr.ReshapeOp;
import dev.floe.planner.expr.Ternary;
import dev.floe.planner.expr.FrameLength;
import dev.floe.planner.expr.ResolvedExpr;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.optimizer.RowWise;
import dev.floe.planner.plan.Aggregate;
import dev.floe.planner.plan.AggregateResolution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An aggregate's expressions split into leaves and what is computed over them. A leaf is one
 * reduction ({@code col("x").sum()}, {@code len()}) or a bare column (its group's values as a list);
 * each agg expression becomes an expression over the leaves' per-group values ({@code
 * col("a").sum() / col("b").count()} is {@code leaf0 / leaf1}), evaluated once over the groups.
 * Leaves are shared between expressions that repeat them.
 *
 * <p>When every leaf is a reduction with an array state ({@link GroupedReducers}) of a row-wise
 * input, the aggregate is {@link #decomposable()}: morsels pre-aggregate into partial states that a
 * merge combines ({@link PartialGroupBy}). Otherwise the general path groups all rows and evaluates
 * each leaf over each group's rows ({@link GeneralGroupBy}).
 */
final class AggregateLeaves {
  /** A reduction or implode: {@code expr} over a group's rows gives its value (one row). */
  record Leaf(String name, Expr expr, DataType type, boolean implode) {}

  private final Aggregate aggregate;
  private final AggregateResolution resolution;
  private final List<Leaf> leaves;
  private final List<ResolvedExpr> finals;

  private AggregateLeaves(Aggregate aggregate, AggregateResolution resolution, List<Leaf> leaves,
      List<ResolvedExpr> finals) {
    this.aggregate = aggregate;
    this.resolution = resolution;
    this.leaves = leaves;
    this.finals = finals;
  }

  static AggregateLeaves of(Aggregate aggregate) {
    Schema input = aggregate.input().schema();
    AggregateResolution resolution = aggregate.resolution();
    Resolver resolver = new Resolver(input);
    Map<Expr, Leaf> leaves = new LinkedHashMap<>();
    List<ResolvedExpr> finals = new ArrayList<>();
    for (int index = 0; index < resolution.aggs().size(); index++) {
      ResolvedExpr agg = resolution.aggs().get(index);
      if (resolution.implodes(index)) {
        Leaf leaf = leaves.computeIfAbsent(agg.expr(), expr -> new Leaf(leafName(leaves.size()), expr, agg.type(), true));
        finals.add(new ResolvedExpr(new ColumnRef(leaf.name()), agg.name(), agg.type(), false));
        continue;
      }
      List<Expr> reductions = new ArrayList<>();
      collectReductions(agg.expr(), reductions);
      Expr rewritten = agg.expr();
      for (Expr reduction : reductions) {
        Leaf leaf = leaves.computeIfAbsent(reduction,
            expr -> new Leaf(leafName(leaves.size()), expr, resolver.resolveOne(expr).type(), false));
        rewritten = ExprTrees.replace(rewritten, reduction, new ColumnRef(leaf.name()));
      }
      finals.add(new ResolvedExpr(rewritten, agg.name(), agg.type(), reductions.isEmpty()));
    }
    return new AggregateLeaves(aggregate, resolution, List.copyOf(leaves.values()), finals);
  }

  private static String leafName(int index) {
    return "__floe_agg_" + index;
  }

  /** The outermost reductions (and frame lengths) in {@code expr}, left to right. */
  private static void collectReductions(Expr expr, List<Expr> found) {
    if (expr instanceof Agg || expr instanceof FrameLength || expr instanceof dev.floe.planner.expr.Correlation) {
      if (!found.contains(expr)) {
        found.add(expr);
      }
      return;
    }
    for (Expr child : ExprTrees.children(expr)) {
      collectReductions(child, found);
    }
  }

  Aggregate aggregate() {
    return aggregate;
  }

  List<ResolvedExpr> keys() {
    return resolution.keys();
  }

  List<Leaf> leaves() {
    return leaves;
  }

  /** The agg outputs as expressions over a batch of the leaves' columns ({@link #leafSchema}). */
  List<ResolvedExpr> finals() {
    return finals;
  }

  Schema output() {
    return resolution.schema();
  }

  Schema leafSchema() {
    List<Field> fields = new ArrayList<>();
    for (Leaf leaf : leaves) {
      fields.add(Field.of(leaf.name(), leaf.type()));
    }
    return new Schema(fields);
  }

  /** The array reduction a leaf maps to, or null when it has none. */
  static Reduce reduceOf(Leaf leaf) {
    if (leaf.implode()) {
      return null;
    }
    if (leaf.expr() instanceof FrameLength) {
      return Reduce.LEN;
    }
    if (!(leaf.expr() instanceof Agg)) {
      return null; // a correlation: the general path
    }
    Agg agg = (Agg) leaf.expr();
    if (!RowWise.isRowWise(agg.input()) && filtered(agg) == null) {
      return null;
    }
    return switch (agg.function()) {
      case SUM -> Reduce.SUM;
      case MIN -> Reduce.MIN;
      case MAX -> Reduce.MAX;
      case COUNT -> Reduce.COUNT;
      case LEN -> Reduce.LEN;
      case FIRST -> Reduce.FIRST;
      case LAST -> Reduce.LAST;
      case MEAN -> Reduce.SUM; // a sum and a count, divided at the end
      case STD, VAR -> Reduce.MOMENTS;
      default -> null;
    };
  }

  /**
   * For a reduction that skips nulls (sum, min, max, count, mean, std, var) of a filtered row-wise input,
   * {@code x.filter(p)}, the same reduction's input as a row-wise expression: {@code
   * when(p).then(x)} (null where p is not true), so that it gets an array state too. Else null.
   */
  private static Ternary filtered(Agg agg) {
    if (!(agg.input() instanceof ReshapeFunction function) || function.op() != ReshapeOp.FILTER
        || !RowWise.isRowWise(function.input()) || !RowWise.isRowWise(function.operands().getFirst())) {
      return null;
    }
    return switch (agg.function()) {
      case SUM, MIN, MAX, COUNT, MEAN, STD, VAR -> Exprs.when(function.operands().getFirst()).then(function.input());
      default -> null;
    };
  }

  /** The row-wise input a leaf's states reduce (resolved), or null for a frame length. */
  Expr stateInput(Leaf leaf) {
    if (!(leaf.expr() instanceof Agg agg)) {
      return null;
    }
    Ternary filtered = filtered(agg);
    return filtered == null ? agg.input() : new Resolver(aggregate.input().schema()).resolveOne(filtered).expr();
  }

  /** True when every leaf has an array state for its input's type. */
  boolean decomposable(Schema input) {
    Resolver resolver = new Resolver(input);
    for (Leaf leaf : leaves) {
      Reduce reduce = reduceOf(leaf);
      if (reduce == null) {
        return false;
      }
      if (leaf.expr() instanceof Agg) {
        if (ExprTrees.columnNames(stateInput(leaf)).isEmpty()) {
          return false; // a reduction of a literal (lit(1).sum()) is one value, not a column
        }
        DataType type = resolver.resolveOne(stateInput(leaf)).type();
        if (!GroupedReducers.supports(reduce, type) || type instanceof DataType.NullType) {
          return false;
        }
      }
    }
    return true;
  }
}
