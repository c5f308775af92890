package dev.floe.planner.optimizer;

import dev.floe.planner.expr.Binary;
import dev.floe.planner.expr.BinaryOp;
import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.plan.Aggregate;
import dev.floe.planner.plan.Cache;
import dev.floe.planner.plan.Distinct;
import dev.floe.planner.plan.Explode;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.Join;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.Scan;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.Slice;
import dev.floe.planner.plan.Sort;
import dev.floe.planner.plan.Union;
import dev.floe.planner.plan.WithColumns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves filter predicates towards the scans, splitting {@code a & b} so that each conjunct goes as
 * far as it can; conjuncts that must stop stay in a filter right above where they stopped:
 *
 * <pre>
 * FILTER (col("x") &gt; 1) &amp; (col("c") &lt; 2)  FILTER col("c") &lt; 2
 *   WITH_COLUMNS [(col("a") + 1).alias("c")]  =&gt;  WITH_COLUMNS [(col("a") + 1).alias("c")]
 *     SELECT [col("a"), col("b").alias("x")]       SELECT [col("a"), col("b").alias("x")]
 *       DF t [a, b]                                  DF t [a, b]
 *                                                      SELECTION col("b") &gt; 1
 * </pre>
 *
 * A conjunct passes a select when it reads only columns the select passes through as plain
 * (possibly aliased) {@code col("b")}, renamed back; a with_columns when it reads none of the
 * columns it (re)defines; a sort; a union (into every input); a unique when it reads only the subset
 * columns (or the subset is empty: all columns), since then it keeps or drops whole groups of
 * duplicates, and reads a float column only through comparisons and null/NaN tests (unique equates
 * -0.0 and 0.0, which {@code 1.0 / x} tells apart). It enters a scan without a limit, and-ed after the scan's own predicate. It stops at a
 * slice (filtering first would change which rows the slice takes), a cache (shared by other
 * readers), a scan with a limit (the scan filters before limiting) and at any node whose
 * expressions are not {@link RowWise row-wise}: a filter below a {@code cumSum} or {@code mean}
 * changes the values it computes. Only row-wise predicates move, and a filter whose predicate is
 * not row-wise ({@code col("a") > col("a").mean()}) is a barrier that nothing passes.
 */
public final class PredicatePushdown implements OptimizerRule {
  @Override
  public String name() {
    return "predicate_pushdown";
  }

  @Override
  public LogicalPlan rewrite(LogicalPlan plan) {
    return PlanTrees.sameIfEqual(plan, push(plan, List.of()));
  }

  /** {@code plan} with the row-wise {@code pending} conjuncts (over its output) applied to it. */
  private LogicalPlan push(LogicalPlan plan, List<Expr> pending) {
    return switch (plan) {
      case Filter filter -> filter(filter, pending);
      case Scan scan -> scan(scan, pending);
      case Select select -> select(select, pending);
      case WithColumns with -> withColumns(with, pending);
      case Sort sort ->
          RowWise.allRowWise(sort.by()) ? sort.withInputs(List.of(push(sort.input(), pending))) : stop(sort, pending);
      case Union union -> union.withInputs(union.inputs().stream().map(input -> push(input, pending)).toList());
      case Distinct distinct -> distinct(distinct, pending);
      case Slice slice -> stop(slice, pending);
      case Cache cache -> stop(cache, pending);
      case Aggregate aggregate -> aggregate(aggregate, pending);
      case Join join -> JoinPushdown.predicates(join, pending, this::push);
      case dev.floe.planner.plan.AsofJoin asof -> AsofJoinPushdown.predicates(asof, pending, this::push);
      case Explode explode -> explode(explode, pending);
    };
  }

  /**
   * An explode repeats the other columns' values for every element: a conjunct on those alone keeps
   * or drops all the rows of an input row, so it goes below; one on an exploded column stays above.
   */
  private LogicalPlan explode(Explode explode, List<Expr> pending) {
    List<Expr> down = new ArrayList<>();
    List<Expr> stay = new ArrayList<>();
    for (Expr conjunct : pending) {
      boolean readsExploded = ExprTrees.columnNames(conjunct).stream().anyMatch(explode.columns()::contains);
      (readsExploded ? stay : down).add(conjunct);
    }
    return above(explode.withInputs(List.of(push(explode.input(), down))), stay);
  }

  private LogicalPlan filter(Filter filter, List<Expr> pending) {
    List<Expr> predicate = Columns.expand(List.of(filter.predicate()), filter.input()::schema);
    if (predicate.size() != 1 || !RowWise.isRowWise(predicate.getFirst())) {
      return stop(filter, pending);
    }
    List<Expr> all = new ArrayList<>(conjuncts(predicate.getFirst()));
    all.addAll(pending);
    return push(filter.input(), all);
  }

  private static LogicalPlan scan(Scan scan, List<Expr> pending) {
    if (pending.isEmpty()) {
      return scan;
    }
    if (scan.limit() != null) {
      return above(scan, pending);
    }
    List<Expr> all = new ArrayList<>();
    if (scan.predicate() != null) {
      all.add(scan.predicate());
    }
    all.addAll(pending);
    return scan.withPredicate(and(all));
  }

  private LogicalPlan select(Select select, List<Expr> pending) {
    List<Expr> exprs = pending.isEmpty() ? select.exprs() : Columns.expand(select.exprs(), select.input()::schema);
    if (pending.isEmpty() || !RowWise.keepsRows(exprs)) {
      return stop(select, pending);
    }
    Map<String, String> sources = new HashMap<>();
    for (Expr expr : exprs) {
      String source = Columns.passedThrough(expr);
      if (source != null) {
        sources.put(ExprTrees.outputName(expr), source);
      }
    }
    List<Expr> down = new ArrayList<>();
    List<Expr> stay = new ArrayList<>();
    for (Expr conjunct : pending) {
      Set<String> read = ExprTrees.columnNames(conjunct);
      if (sources.keySet().containsAll(read)) {
        down.add(rename(conjunct, read, sources));
      } else {
        stay.add(conjunct);
      }
    }
    return above(select.withInputs(List.of(push(select.input(), down))), stay);
  }

  private LogicalPlan withColumns(WithColumns with, List<Expr> pending) {
    List<Expr> exprs = pending.isEmpty() ? with.exprs() : Columns.expand(with.exprs(), with.input()::schema);
    if (pending.isEmpty() || !RowWise.allRowWise(exprs)) {
      return stop(with, pending);
    }
    List<String> defined = Columns.outputNames(exprs);
    List<Expr> down = new ArrayList<>();
    List<Expr> stay = new ArrayList<>();
    for (Expr conjunct : pending) {
      boolean readsDefined = ExprTrees.columnNames(conjunct).stream().anyMatch(defined::contains);
      (readsDefined ? stay : down).add(conjunct);
    }
    return above(with.withInputs(List.of(push(with.input(), down))), stay);
  }

  private LogicalPlan distinct(Distinct distinct, List<Expr> pending) {
    List<Expr> down = new ArrayList<>();
    List<Expr> stay = new ArrayList<>();
    Set<String> floats = pending.isEmpty() ? Set.of() : floatColumns(distinct.input().schema());
    for (Expr conjunct : pending) {
      boolean onSubset = distinct.subset().isEmpty() || distinct.subset().containsAll(ExprTrees.columnNames(conjunct));
      (onSubset && keepsGroupsWhole(conjunct, floats) ? down : stay).add(conjunct);
    }
    return above(distinct.withInputs(List.of(push(distinct.input(), down))), stay);
  }

  /**
   * A conjunct passes a group-by when it reads only keys that are plain (possibly aliased) input
   * columns, renamed back: it then keeps or drops whole groups, as Polars pushes it. As for unique,
   * a float key may be read only through comparisons and null/NaN tests (groups equate -0.0 and
   * 0.0, and NaNs).
   */
  private LogicalPlan aggregate(Aggregate aggregate, List<Expr> pending) {
    if (pending.isEmpty()) {
      return stop(aggregate, pending);
    }
    Map<String, String> sources = new HashMap<>();
    for (Expr key : Columns.expand(aggregate.keys(), aggregate.input()::schema)) {
      String source = Columns.passedThrough(key);
      if (source != null) {
        sources.put(ExprTrees.outputName(key), source);
      }
    }
    Set<String> floats = floatColumns(aggregate.schema());
    List<Expr> down = new ArrayList<>();
    List<Expr> stay = new ArrayList<>();
    for (Expr conjunct : pending) {
      Set<String> read = ExprTrees.columnNames(conjunct);
      if (!read.isEmpty() && sources.keySet().containsAll(read) && keepsGroupsWhole(conjunct, floats)) {
        down.add(rename(conjunct, read, sources));
      } else {
        stay.add(conjunct);
      }
    }
    return above(aggregate.withInputs(List.of(push(aggregate.input(), down))), stay);
  }

  private static Set<String> floatColumns(dev.floe.memory.types.Schema schema) {
    Set<String> floats = new java.util.HashSet<>();
    for (int index = 0; index < schema.size(); index++) {
      if (schema.field(index).type().isFloatingPoint()) {
        floats.add(schema.field(index).name());
      }
    }
    return floats;
  }

  /**
   * True when {@code expr} gives the same answer for all rows of a group of unique's duplicates.
   * Unique equates -0.0 with 0.0 (and every NaN with every NaN), which expressions can tell apart
   * ({@code 1.0 / col("x")}, a cast to string): so a float column may be read only as an operand of
   * a comparison or of a null/NaN test, which equate them too (a filter on {@code 1.0 / x > 0} below
   * {@code unique(subset=[x])} would drop the -0.0 row unique kept and keep a 0.0 row it dropped).
   */
  private static boolean keepsGroupsWhole(Expr expr, Set<String> floats) {
    return switch (expr) {
      case ColumnRef column -> !floats.contains(column.columnName());
      case Binary binary when binary.op().kind() == BinaryOp.Kind.COMPARISON ->
          comparedSafely(binary.left(), floats) && comparedSafely(binary.right(), floats);
      case dev.floe.planner.expr.Unary unary when unary.op() != dev.floe.planner.expr.UnaryOp.NEG
          && unary.op() != dev.floe.planner.expr.UnaryOp.ABS && unary.op() != dev.floe.planner.expr.UnaryOp.NOT ->
          comparedSafely(unary.input(), floats); // isNull, isNotNull, isNan, isFinite
      case dev.floe.planner.expr.IsIn isIn -> comparedSafely(isIn.input(), floats);
      default -> ExprTrees.children(expr).stream().allMatch(child -> keepsGroupsWhole(child, floats));
    };
  }

  private static boolean comparedSafely(Expr operand, Set<String> floats) {
    return operand instanceof ColumnRef || keepsGroupsWhole(operand, floats);
  }

  /** {@code pending} stays above {@code plan}; its inputs are optimized on their own. */
  private LogicalPlan stop(LogicalPlan plan, List<Expr> pending) {
    return above(PlanTrees.mapInputs(plan, input -> push(input, List.of())), pending);
  }

  private static LogicalPlan above(LogicalPlan plan, List<Expr> conjuncts) {
    return conjuncts.isEmpty() ? plan : new Filter(plan, and(conjuncts));
  }

  /** The operands of a chain of {@code &}, left to right. */
  static List<Expr> conjuncts(Expr predicate) {
    if (predicate instanceof Binary binary && binary.op() == BinaryOp.AND) {
      List<Expr> all = new ArrayList<>(conjuncts(binary.left()));
      all.addAll(conjuncts(binary.right()));
      return all;
    }
    return List.of(predicate);
  }

  static Expr and(List<Expr> conjuncts) {
    Expr result = conjuncts.getFirst();
    for (int index = 1; index < conjuncts.size(); index++) {
      result = result.and(conjuncts.get(index));
    }
    return result;
  }

  /**
   * {@code conjunct} reading {@code sources.get(name)} wherever it read {@code name}. Each column goes
   * through a placeholder first, so that swapped names ({@code a <-> b}) do not rename twice.
   */
  private static Expr rename(Expr conjunct, Set<String> read, Map<String, String> sources) {
    Expr result = conjunct;
    List<String> names = List.copyOf(read);
    for (int index = 0; index < names.size(); index++) {
      result = ExprTrees.replace(result, new ColumnRef(names.get(index)), new ColumnRef("\u0000" + index));
    }
    for (int index = 0; index < names.size(); index++) {
      result = ExprTrees.replace(result, new ColumnRef("\u0000" + index), new ColumnRef(sources.get(names.get(index))));
    }
    return result;
  }
}
