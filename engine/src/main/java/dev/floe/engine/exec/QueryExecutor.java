package dev.floe.engine.exec;

import dev.floe.engine.expr.Projection;
import dev.floe.errors.FloeException;
import dev.floe.errors.InternalFloeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.ExprPrinter;
import dev.floe.planner.expr.ResolvedExpr;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.optimizer.RowWise;
import dev.floe.planner.plan.Cache;
import dev.floe.planner.plan.Distinct;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.Scan;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.Slice;
import dev.floe.planner.plan.Sort;
import dev.floe.planner.plan.Union;
import dev.floe.planner.plan.WithColumns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a (resolved, usually optimized) logical plan. Chains of streaming nodes (filters with a
 * row-wise predicate and row-wise selects and withColumns) become one pipeline of {@link MorselOperator}s that runs each
 * morsel of its input as a task on the query pool ({@link Pipelines}); the other nodes are
 * pipeline breakers that take their whole input: sort, unique, slices (which need rows in order),
 * unions, caches, and projections that are not row-wise (aggregations, cumulative functions).
 * The result is the output's batches in row order; the caller closes them.
 */
public final class QueryExecutor {
  private final QueryContext context;
  private final Map<Long, List<RecordBatch>> caches = new HashMap<>();
  /** Where node timings go when the query is profiled, else null. */
  private final List<NodeTiming> timings;
  private final long started = System.nanoTime();

  private QueryExecutor(QueryContext context, List<NodeTiming> timings) {
    this.context = context;
    this.timings = timings;
  }

  /** The rows of {@code plan}, in order, as batches the caller closes. */
  public static List<RecordBatch> execute(LogicalPlan plan, QueryContext context) {
    return execute(plan, context, null);
  }

  /** {@link #execute} that also adds a {@link NodeTiming} per node run to {@code timings} (null: none). */
  public static List<RecordBatch> execute(LogicalPlan plan, QueryContext context, List<NodeTiming> timings) {
    QueryExecutor executor = new QueryExecutor(context, timings);
    try {
      return executor.run(plan);
    } finally {
      executor.caches.values().forEach(batches -> batches.forEach(RecordBatch::close));
    }
  }

  /**
   * The rows of each plan, run as one query: a cache id shared between the plans is computed once
   * ({@code Floe.collectAll}). On failure every result made so far is closed.
   */
  public static List<List<RecordBatch>> executeAll(List<LogicalPlan> plans, QueryContext context) {
    QueryExecutor executor = new QueryExecutor(context, null);
    List<List<RecordBatch>> results = new ArrayList<>(plans.size());
    try {
      for (LogicalPlan plan : plans) {
        results.add(executor.run(plan));
      }
      return results;
    } catch (RuntimeException failure) {
      results.forEach(batches -> batches.forEach(RecordBatch::close));
      throw failure;
    } finally {
      executor.caches.values().forEach(batches -> batches.forEach(RecordBatch::close));
    }
  }

  private List<RecordBatch> run(LogicalPlan plan) {
    context.checkCancelled();
    if (timings == null) {
      return runNode(plan);
    }
    long start = System.nanoTime();
    List<RecordBatch> out = runNode(plan);
    long rows = 0;
    for (RecordBatch batch : out) {
      rows += batch.rowCount();
    }
    timings.add(new NodeTiming(StreamingNodes.label(plan), (start - started) / 1_000, (System.nanoTime() - started) / 1_000, rows));
    return out;
  }

  private List<RecordBatch> runNode(LogicalPlan plan) {
    return switch (plan) {
      case Scan scan -> scan(scan);
      case Filter filter when StreamingNodes.streams(filter) -> pipeline(filter);
      case Filter filter -> wholeFilter(filter);
      case Select select when StreamingNodes.streams(select) -> pipeline(select);
      case WithColumns with when StreamingNodes.streams(with) -> pipeline(with);
      case Select select -> reducingSelect(select);
      case WithColumns with -> wholeProjection(with.input(), with.exprs(), with.schema(), true);
      case Slice slice when topK(slice) -> Slicing.slice(firstRowsSorted((Sort) slice.input(),
          slice.offset() + slice.length()), slice.offset(), slice.length());
      case Slice slice -> Slicing.slice(run(slice.input()), slice.offset(), slice.length());
      case Sort sort -> sort(sort);
      case Distinct distinct -> distinct(distinct);
      case Union union -> union(union);
      case Cache cache -> cached(cache);
    };
  }

  /** The streaming nodes from {@code top} down, run as one pipeline over their input's morsels. */
  private List<RecordBatch> pipeline(LogicalPlan top) {
    return pipeline(top, List.of());
  }

  /**
   * The streaming nodes from {@code top} down (none when {@code top} does not stream), then {@code
   * last}, as one pipeline over the morsels of the first node that does not stream.
   */
  private List<RecordBatch> pipeline(LogicalPlan top, List<MorselOperator> last) {
    List<MorselOperator> operators = new ArrayList<>();
    LogicalPlan node = top;
    while (StreamingNodes.streams(node)) {
      operators.add(StreamingNodes.operator(node));
      node = node.inputs().getFirst();
    }
    Collections.reverse(operators);
    operators.addAll(last);
    long start = System.nanoTime();
    List<RecordBatch> input;
    String source;
    if (node instanceof Scan scan && fusesFilter(scan)) {
      // the scan's own filter becomes this pipeline's first step: no filtered copy in between
      operators.addFirst(scanFilter(scan));
      input = read(scan);
      source = scan.source().describe();
    } else {
      input = run(node);
      source = "input";
    }
    List<RecordBatch> out = Pipelines.run(Morsels.split(input, context.morselRows()), operators, context);
    if (timings != null) {
      List<String> steps = new ArrayList<>();
      for (MorselOperator operator : operators.reversed()) {
        steps.add(operator.describe());
      }
      steps.add(source);
      timings.add(new NodeTiming("pipeline: " + String.join(" <- ", steps), (start - started) / 1_000,
          (System.nanoTime() - started) / 1_000, out.stream().mapToLong(RecordBatch::rowCount).sum()));
    }
    return out;
  }

  /** A scan whose pushed predicate can run per morsel in the pipeline above it (no limit after it). */
  private static boolean fusesFilter(Scan scan) {
    return scan.predicate() != null && scan.limit() == null && RowWise.isRowWise(scan.predicate());
  }

  /**
   * A select that is not row-wise: decomposable reductions get partial results per morsel in the
   * input's pipeline and one combine; anything else is evaluated once over the whole input.
   */
  private List<RecordBatch> reducingSelect(Select select) {
    PartialAggregation aggregation = PartialAggregation.of(select, StreamingNodes.text(select.exprs()));
    if (aggregation == null) {
      return wholeProjection(select.input(), select.exprs(), select.schema(), false);
    }
    List<RecordBatch> partials = pipeline(select.input(), List.of(aggregation.partialOperator()));
    return List.of(aggregation.combine(partials, context.allocator()));
  }

  private List<RecordBatch> scan(Scan scan) {
    List<RecordBatch> batches = read(scan);
    List<RecordBatch> rows;
    if (scan.predicate() == null) {
      rows = Morsels.split(batches, context.morselRows());
    } else if (RowWise.isRowWise(scan.predicate())) {
      rows = Pipelines.run(Morsels.split(batches, context.morselRows()), List.of(scanFilter(scan)), context);
    } else {
      // a predicate that looks at other rows sees the whole input at once
      RecordBatch all = Batches.concat(batches, scan.schema(), context.allocator());
      rows = List.of(scanFilter(scan).apply(all, context.allocator()));
    }
    return scan.limit() == null ? rows : Slicing.slice(rows, 0, scan.limit());
  }

  /** The scan's columns as its source gives them (before its predicate and limit). */
  private List<RecordBatch> read(Scan scan) {
    if (!(scan.source() instanceof BatchSource source)) {
      throw new InternalFloeException("scan source " + scan.source().describe() + " cannot be executed (a bug)");
    }
    return source.read(scan.schema().names(), scan.predicate(), scan.limit(), context.allocator());
  }

  private static MorselOperator scanFilter(Scan scan) {
    return new FilterOperator(new Resolver(scan.schema()).resolveOne(scan.predicate()),
        ExprPrinter.print(scan.predicate()));
  }

  /**
   * A filter whose predicate is not row-wise ({@code col("a").shift(1).isNull()}, {@code col("a") >
   * col("a").mean()}): evaluated once over the whole input, since per morsel it would see only the
   * morsel's rows.
   */
  private List<RecordBatch> wholeFilter(Filter filter) {
    MorselOperator operator = StreamingNodes.operator(filter);
    RecordBatch all = Batches.concat(run(filter.input()), filter.input().schema(), context.allocator());
    return List.of(operator.apply(all, context.allocator())); // the operator closes its input
  }

  private List<RecordBatch> wholeProjection(LogicalPlan input, List<dev.floe.planner.expr.Expr> exprs, Schema output,
      boolean keepInput) {
    Schema inputSchema = input.schema();
    List<ResolvedExpr> resolved = new Resolver(inputSchema).resolve(exprs);
    try (RecordBatch all = Batches.concat(run(input), inputSchema, context.allocator())) {
      List<Column> computed;
      try {
        computed = Projection.evaluate(all, resolved, keepInput && inputSchema.size() > 0, context.allocator());
      } catch (FloeException failure) {
        throw OperatorErrors.wrap(failure, "while evaluating " + StreamingNodes.text(exprs) + (keepInput ? " in WithColumns"
            : " in Select"));
      }
      int rows = computed.isEmpty() ? all.rowCount() : computed.getFirst().length();
      if (!keepInput) {
        return List.of(new RecordBatch(output, computed, rows));
      }
      return List.of(new ProjectOperator(resolved, output, true, "WithColumns").merge(all, computed));
    }
  }

  private List<RecordBatch> sort(Sort sort) {
    Schema schema = sort.input().schema();
    try (RecordBatch all = Batches.concat(run(sort.input()), schema, context.allocator())) {
      return List.of(sorted(sort, all));
    }
  }

  /** {@code batch}'s rows in {@code sort}'s order (stable); does not close {@code batch}. */
  private RecordBatch sorted(Sort sort, RecordBatch batch) {
    Resolver resolver = new Resolver(sort.input().schema());
    List<ResolvedExpr> keys = new ArrayList<>();
    boolean[] descending = new boolean[sort.by().size()];
    for (int index = 0; index < sort.by().size(); index++) {
      keys.add(resolver.resolveOne(sort.by().get(index)));
      descending[index] = sort.descending().get(index);
    }
    List<Column> columns = BatchSort.sort(batch, keys, descending, sort.nullsLast(), context.allocator());
    return new RecordBatch(batch.schema(), columns, batch.rowCount());
  }

  /** A head of a sort by row-wise keys: only the first rows in sort order are needed (top-k). */
  private static boolean topK(Slice slice) {
    return slice.offset() >= 0 && slice.input() instanceof Sort sort && RowWise.allRowWise(sort.by())
        && slice.offset() + slice.length() >= 0 && slice.offset() + slice.length() < Integer.MAX_VALUE;
  }

  /**
   * The first {@code count} rows of {@code sort}'s input in its order: each morsel is sorted and
   * cut to its first {@code count} rows in the input's pipeline, then the survivors (in morsel
   * order) are sorted once. Sorts are stable, so ties keep their input order as in a full sort:
   * a row among the first {@code count} overall is among the first {@code count} of its morsel.
   */
  private List<RecordBatch> firstRowsSorted(Sort sort, long count) {
    int rows = (int) count;
    MorselOperator firstRows = new MorselOperator() {
      @Override
      public RecordBatch apply(RecordBatch input, BufferAllocator allocator) {
        try (input; RecordBatch ordered = sorted(sort, input)) {
          return ordered.slice(0, Math.min(rows, ordered.rowCount()));
        }
      }

      @Override
      public String describe() {
        return "TopK " + rows;
      }
    };
    List<RecordBatch> candidates = pipeline(sort.input(), List.of(firstRows));
    try (RecordBatch all = Batches.concat(candidates, sort.input().schema(), context.allocator())) {
      return List.of(sorted(sort, all));
    }
  }

  private List<RecordBatch> distinct(Distinct distinct) {
    Schema schema = distinct.input().schema();
    List<String> subset = distinct.subset().isEmpty() ? schema.names() : distinct.subset();
    List<Integer> keys = subset.stream().map(schema::indexOf).toList();
    RecordBatch all = Batches.concat(run(distinct.input()), schema, context.allocator());
    try (all) {
      List<Column> kept = BatchDistinct.unique(all, keys, distinct.keep(), context.allocator());
      if (kept == null) {
        return List.of(all.slice(0, all.rowCount()));
      }
      int rows = kept.isEmpty() ? 0 : kept.getFirst().length();
      return List.of(new RecordBatch(schema, kept, rows));
    }
  }

  private List<RecordBatch> union(Union union) {
    List<RecordBatch> all = new ArrayList<>();
    try {
      for (LogicalPlan input : union.inputs()) {
        all.addAll(run(input));
      }
      return all;
    } catch (RuntimeException failure) {
      all.forEach(RecordBatch::close);
      throw failure;
    }
  }

  /** A cache runs once per query; every reader gets its own handles on the same buffers. */
  private List<RecordBatch> cached(Cache cache) {
    List<RecordBatch> batches = caches.get(cache.id());
    if (batches == null) {
      batches = run(cache.input());
      caches.put(cache.id(), batches);
    }
    List<RecordBatch> shared = new ArrayList<>(batches.size());
    for (RecordBatch batch : batches) {
      shared.add(batch.slice(0, batch.rowCount()));
    }
    return shared;
  }
}
