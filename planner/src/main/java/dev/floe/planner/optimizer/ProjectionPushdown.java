package dev.floe.planner.optimizer;

import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.expr.Exprs;
import dev.floe.planner.plan.Aggregate;
import dev.floe.planner.plan.AggregateResolution;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads only the columns the query uses: walks down from the root with the set of columns each
 * node's consumer needs, drops with_columns and select expressions whose outputs nobody needs, and
 * gives every scan a projection:
 *
 * <pre>
 * SELECT [col("b")]                 SELECT [col("b")]
 *   FILTER col("a") &gt; 3      =&gt;      FILTER col("a") &gt; 3
 *     DF t [a, b, c, d]                  DF t [a, b, c, d]
 *                                          PROJECT 2/4 COLUMNS [a, b]
 * </pre>
 *
 * A node may only lose columns, never reorder them: a scan's projection keeps the order of its
 * current output (the source's order the first time), so unions still line up and the root, which
 * needs all its columns, keeps its schema. The columns of a scan's own predicate are part of its
 * projection (the scan evaluates the predicate on what it read); when nobody above needs them, a
 * select of the needed columns goes right above the scan, so they are dropped in the scan's
 * pipeline instead of being carried up to a join (a select or aggregate above already drops them). A filter needs its predicate's columns, a sort its keys, a unique its
 * subset (all columns when the subset is empty); a slice passes the needs through. A cache is
 * shared: its input is pruned to the union of what all its readers (caches of the same id) need,
 * found by walking again while a reader needs more than recorded. A union
 * passes the needs into every input, or all its columns when the pruned inputs would no longer
 * agree. A with_columns still reads a column it replaces, since that column's position in the input
 * is where the replacement goes. A scan keeps at least one column and a select at least one expression that reads a
 * column, so that the row count survives {@code select(len())}; a select with a non-row-wise
 * expression keeps all of them, since its length depends on the mix ({@code select(col("a"),
 * col("b").sum())} broadcasts the sum).
 */
public final class ProjectionPushdown implements OptimizerRule {
  /** Whether scans whose predicate reads columns nobody above needs get a select right above them. */
  private final boolean narrowScans;

  /** The rule as it runs in the optimizer's passes (no selects added above scans). */
  public ProjectionPushdown() {
    this(false);
  }

  /**
   * With {@code narrowScans}, a scan whose predicate reads columns nobody above it needs gets a
   * select of the needed columns right above it. The optimizer does this once, after its passes
   * reached their fixed point: within the passes the other rules would move slices and filters
   * below that select, and it would be added again on every pass.
   */
  public ProjectionPushdown(boolean narrowScans) {
    this.narrowScans = narrowScans;
  }
  @Override
  public String name() {
    return "projection_pushdown";
  }

  @Override
  public LogicalPlan rewrite(LogicalPlan plan) {
    Set<String> output = new LinkedHashSet<>(plan.schema().names());
    Map<Long, Set<String>> cacheNeeds = new HashMap<>();
    Pruning walk;
    LogicalPlan result;
    do {
      walk = new Pruning(cacheNeeds, narrowScans);
      result = walk.prune(plan, output);
    } while (walk.cacheNeedsGrew);
    return PlanTrees.sameIfEqual(plan, result);
  }

  /**
   * One walk down the plan. Each cache's input is pruned to the union of what its readers (all
   * caches of that id) need, so that they still share one and the same subplan. A reader that needs
   * more than is recorded adds it and marks the walk; the rule walks again until a walk adds
   * nothing (needs only grow, so this ends; usually after two walks).
   */
  private static final class Pruning {
    private final Map<Long, Set<String>> cacheNeeds;
    private final boolean narrowScans;
    private boolean cacheNeedsGrew;

    Pruning(Map<Long, Set<String>> cacheNeeds, boolean narrowScans) {
      this.cacheNeeds = cacheNeeds;
      this.narrowScans = narrowScans;
    }

    /** {@code plan} producing at least {@code needed}, its other columns possibly dropped (order kept). */
    private LogicalPlan prune(LogicalPlan plan, Set<String> needed) {
      return switch (plan) {
        case Scan scan -> narrowScans ? withoutPredicateOnly(scan(scan, needed), needed) : scan(scan, needed);
        case Filter filter -> only(filter, union(needed, read(List.of(filter.predicate()), filter.input())));
        case Sort sort -> only(sort, union(needed, read(sort.by(), sort.input())));
        case Slice slice -> only(slice, needed);
        case Distinct distinct -> only(distinct, distinct.subset().isEmpty() ? all(distinct.input())
            : union(needed, new LinkedHashSet<>(distinct.subset())));
        case Cache cache -> cache(cache, needed);
        case Union union -> union(union, needed);
        case Select select -> select(select, needed);
        case WithColumns with -> withColumns(with, needed);
        case Aggregate aggregate -> aggregate(aggregate, needed);
        case Join join -> JoinPushdown.prune(join, needed, this::prune);
        case dev.floe.planner.plan.AsofJoin asof -> AsofJoinPushdown.prune(asof, needed, this::prune);
        // the exploded columns set the row count: they stay even when nothing above reads them
        case Explode explode -> only(explode, union(needed, new LinkedHashSet<>(explode.columns())));
      };
    }

    private LogicalPlan cache(Cache cache, Set<String> needed) {
      Set<String> recorded = cacheNeeds.get(cache.id());
      if (recorded == null || !recorded.containsAll(needed)) {
        cacheNeeds.merge(cache.id(), new LinkedHashSet<>(needed), Pruning::union);
        cacheNeedsGrew = true;
      }
      return only(cache, cacheNeeds.get(cache.id()));
    }

    private LogicalPlan only(LogicalPlan plan, Set<String> inputNeeds) {
      return PlanTrees.mapInputs(plan, input -> prune(input, inputNeeds));
    }

    /**
     * {@link #prune} for the input of a node that outputs only what it computes (a select, an
     * aggregate): a scan there keeps its predicate's columns, since its consumer drops them anyway.
     */
    private LogicalPlan pruneNarrowed(LogicalPlan input, Set<String> needed) {
      return input instanceof Scan scan ? scan(scan, needed) : prune(input, needed);
    }

    /**
     * The pruned {@code scan} under a select of the needed columns when its predicate reads columns
     * nobody above needs: they are read to filter, then dropped in the scan's own pipeline, instead
     * of being carried (and, by a join, gathered) to the next select.
     */
    private static LogicalPlan withoutPredicateOnly(LogicalPlan pruned, Set<String> needed) {
      if (!(pruned instanceof Scan scan) || scan.predicate() == null) {
        return pruned;
      }
      List<String> columns = scan.schema().names();
      List<Expr> kept = new ArrayList<>();
      for (String name : columns) {
        if (needed.contains(name)) {
          kept.add(Exprs.col(name));
        }
      }
      return kept.isEmpty() || kept.size() == columns.size() ? scan : new Select(scan, kept);
    }

    private static LogicalPlan scan(Scan scan, Set<String> needed) {
      Set<String> keep = new LinkedHashSet<>(needed);
      if (scan.predicate() != null) {
        keep.addAll(read(List.of(scan.predicate()), scan.source().schema()));
      }
      List<String> current = scan.projection() != null ? scan.projection() : scan.source().schema().names();
      List<String> kept = current.stream().filter(keep::contains).toList();
      if (kept.isEmpty() && !current.isEmpty()) {
        kept = List.of(current.getFirst()); // the row count still needs one column
      }
      return kept.size() == current.size() ? scan : scan.withProjection(kept);
    }

    private LogicalPlan union(Union union, Set<String> needed) {
      LogicalPlan pruned = only(union, needed);
      if (pruned == union || agree(pruned.inputs())) {
        return pruned;
      }
      return only(union, all(union));
    }

    private static boolean agree(List<LogicalPlan> inputs) {
      Schema first = inputs.getFirst().schema();
      return inputs.stream().map(LogicalPlan::schema)
          .allMatch(schema -> schema.names().equals(first.names()) && schema.types().equals(first.types()));
    }

    private LogicalPlan select(Select select, Set<String> needed) {
      List<Expr> exprs = Columns.expand(select.exprs(), select.input()::schema);
      List<Expr> kept = RowWise.allRowWise(exprs) ? keptOf(exprs, needed) : exprs;
      LogicalPlan input = pruneNarrowed(select.input(), Columns.read(kept));
      if (kept.size() == exprs.size()) {
        // over a pruned input the expressions go expanded: a selector such as all().exclude("b")
        // would otherwise be resolved again against columns that are no longer there
        return input == select.input() ? select : new Select(input, exprs);
      }
      return new Select(input, kept);
    }

    /** The expressions with a needed output, plus the first that reads a column if none of those does. */
    private static List<Expr> keptOf(List<Expr> exprs, Set<String> needed) {
      List<Expr> kept = new ArrayList<>();
      boolean readsColumn = false;
      for (Expr expr : exprs) {
        if (needed.contains(ExprTrees.outputName(expr))) {
          kept.add(expr);
          readsColumn |= !ExprTrees.columnNames(expr).isEmpty();
        }
      }
      if (readsColumn) {
        return kept;
      }
      for (Expr expr : exprs) {
        if (!ExprTrees.columnNames(expr).isEmpty()) {
          return exprs.stream().filter(candidate -> candidate == expr || kept.contains(candidate)).toList();
        }
      }
      return exprs; // no expression reads a column: its height is not the input's to keep
    }

    /**
     * An aggregate reads the columns of its keys and of the aggregations whose outputs are needed
     * (selectors expanded; the others are dropped, as Polars does).
     */
    private LogicalPlan aggregate(Aggregate aggregate, Set<String> needed) {
      Schema inputSchema = aggregate.input().schema();
      List<Expr> aggs = AggregateResolution.expandAggsOver(inputSchema, aggregate.keys(), aggregate.aggs());
      List<Expr> kept = aggs.stream().filter(agg -> needed.contains(ExprTrees.outputName(agg))).toList();
      Set<String> inputNeeds = union(read(aggregate.keys(), inputSchema), Columns.read(kept));
      LogicalPlan input = pruneNarrowed(aggregate.input(), inputNeeds);
      if (kept.size() == aggs.size() && input == aggregate.input()) {
        return aggregate;
      }
      List<Expr> keys = Columns.expand(aggregate.keys(), () -> inputSchema);
      return new Aggregate(input, keys, kept, aggregate.maintainOrder());
    }

    private LogicalPlan withColumns(WithColumns with, Set<String> needed) {
      List<Expr> exprs = Columns.expand(with.exprs(), with.input()::schema);
      List<Expr> kept = exprs.stream().filter(expr -> needed.contains(ExprTrees.outputName(expr))).toList();
      // a replaced input column is still needed from the input: it holds the replacement's place in
      // the output (appended names in the needs are harmless, no input has them)
      Set<String> inputNeeds = union(needed, Columns.read(kept));
      LogicalPlan input = prune(with.input(), inputNeeds);
      if (kept.isEmpty()) {
        return input; // with_columns of nothing is its input
      }
      if (kept.size() == exprs.size()) {
        return input == with.input() ? with : new WithColumns(input, exprs);
      }
      return new WithColumns(input, kept);
    }

    /** The columns {@code exprs} read from {@code input}'s output (selectors expanded there). */
    private static Set<String> read(List<Expr> exprs, LogicalPlan input) {
      return Columns.read(Columns.expand(exprs, input::schema));
    }

    private static Set<String> read(List<Expr> exprs, Schema input) {
      return Columns.read(Columns.expand(exprs, () -> input));
    }

    private static Set<String> all(LogicalPlan plan) {
      return new LinkedHashSet<>(plan.schema().names());
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
      Set<String> all = new LinkedHashSet<>(first);
      all.addAll(second);
      return all;
    }
  }
}
