package dev.floe.engine.exec;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.planner.optimizer.RowWise;
import dev.floe.planner.plan.Aggregate;
import dev.floe.planner.plan.Cache;
import dev.floe.planner.plan.Distinct;
import dev.floe.planner.plan.Explode;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.Join;
import dev.floe.planner.plan.JoinLayout;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.Scan;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.Slice;
import dev.floe.planner.plan.Sort;
import dev.floe.planner.plan.Union;
import dev.floe.planner.plan.WithColumns;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a (resolved, usually optimized) logical plan. Chains of streaming nodes (filters with a
 * row-wise predicate and row-wise selects and withColumns) become one pipeline of {@link
 * MorselOperator}s that runs each morsel of its input as a task on the query pool ({@link
 * Pipelines}); the other nodes are pipeline breakers that take their whole input: sort, unique,
 * slices (which need rows in order), unions, caches, and projections that are not row-wise
 * (aggregations, cumulative functions; {@link WholeInputNodes}).
 *
 * <p>Every operator allocates from its own allocator under the query's ({@link QueryMemory}), so
 * the query's memory limit applies and a failure or a leak names the operator. The result is the
 * output's batches in row order, accounted to the caller's allocator; the caller closes them.
 */
public final class QueryExecutor {
  private final QueryContext context;
  private final QueryMemory memory;
  private final Map<Long, List<RecordBatch>> caches = new HashMap<>();
  /** Where node timings go when the query is profiled, else null. */
  private final List<NodeTiming> timings;
  /** While profiling: the allocators each node being run created, innermost node on top. */
  private final Deque<List<BufferAllocator>> nodeAllocators = new ArrayDeque<>();
  private final long started = System.nanoTime();

  private QueryExecutor(QueryContext context, QueryMemory memory, List<NodeTiming> timings) {
    this.context = context;
    this.memory = memory;
    this.timings = timings;
  }

  /** The rows of {@code plan}, in order, as batches the caller closes. */
  public static List<RecordBatch> execute(LogicalPlan plan, QueryContext context) {
    return execute(plan, context, null);
  }

  /**
   * {@link #execute} that also adds to {@code timings} (null: none) a {@link NodeTiming} per node
   * run and, last, one named {@code query} for the whole query (its peak is the query's).
   */
  public static List<RecordBatch> execute(LogicalPlan plan, QueryContext context, List<NodeTiming> timings) {
    return run(List.of(plan), context, timings).getFirst();
  }

  /**
   * The rows of each plan, run as one query: a cache id shared between the plans is computed once
   * ({@code Floe.collectAll}). On failure every result made so far is closed.
   */
  public static List<List<RecordBatch>> executeAll(List<LogicalPlan> plans, QueryContext context) {
    return run(plans, context, null);
  }

  private static List<List<RecordBatch>> run(List<LogicalPlan> plans, QueryContext context,
      List<NodeTiming> timings) {
    QueryMemory memory = new QueryMemory(context.allocator(), context.memoryLimit());
    QueryExecutor executor = new QueryExecutor(context, memory, timings);
    List<List<RecordBatch>> results = new ArrayList<>(plans.size());
    RuntimeException failure = null;
    try {
      for (LogicalPlan plan : plans) {
        results.add(memory.handOver(executor.run(plan)));
      }
    } catch (RuntimeException thrown) {
      failure = memory.explain(thrown);
    } finally {
      executor.caches.values().forEach(batches -> batches.forEach(RecordBatch::close));
    }
    if (failure != null) {
      results.forEach(batches -> batches.forEach(RecordBatch::close));
    }
    try {
      memory.close();
    } catch (RuntimeException leak) {
      if (failure == null) {
        results.forEach(batches -> batches.forEach(RecordBatch::close));
        failure = leak;
      } else {
        failure.addSuppressed(leak);
      }
    }
    if (failure != null) {
      throw failure;
    }
    if (timings != null) {
      long rows = results.getFirst().stream().mapToLong(RecordBatch::rowCount).sum();
      timings.add(new NodeTiming("query", 0, (System.nanoTime() - executor.started) / 1_000, rows,
          memory.peakBytes()));
    }
    return results;
  }

  private List<RecordBatch> run(LogicalPlan plan) {
    return run(plan, () -> runNode(plan));
  }

  /** Runs {@code plan} by {@code body}, with a timing for the node when profiling. */
  private List<RecordBatch> run(LogicalPlan plan, Supplier<List<RecordBatch>> body) {
    context.checkCancelled();
    if (timings == null) {
      return body.get();
    }
    long start = System.nanoTime();
    nodeAllocators.push(new ArrayList<>());
    List<RecordBatch> out;
    long peak = 0;
    try {
      out = body.get();
    } finally {
      for (BufferAllocator allocator : nodeAllocators.pop()) {
        peak += allocator.peakBytes();
      }
    }
    long rows = out.stream().mapToLong(RecordBatch::rowCount).sum();
    timings.add(new NodeTiming(StreamingNodes.label(plan), (start - started) / 1_000,
        (System.nanoTime() - started) / 1_000, rows, peak));
    return out;
  }

  /** A new allocator for an operator of the node being run, counted in that node's peak. */
  private BufferAllocator allocator(String label) {
    BufferAllocator allocator = memory.forOperator(null, label);
    if (!nodeAllocators.isEmpty()) {
      nodeAllocators.peek().add(allocator);
    }
    return allocator;
  }

  private List<RecordBatch> runNode(LogicalPlan plan) {
    return switch (plan) {
      case Scan scan -> scan(scan, Long.MAX_VALUE);
      case Filter filter when StreamingNodes.streams(filter) -> pipeline(filter, List.of());
      case Filter filter -> WholeInputNodes.filter(StreamingNodes.operator(filter), run(filter.input()),
          filter.input().schema(), allocator(StreamingNodes.label(filter)));
      case Select select when StreamingNodes.streams(select) -> pipeline(select, List.of());
      case WithColumns with when StreamingNodes.streams(with) -> pipeline(with, List.of());
      case Select select -> reducingSelect(select);
      case WithColumns with -> WholeInputNodes.project(run(with.input()), with.input().schema(), with.exprs(),
          with.schema(), true, allocator(StreamingNodes.label(with)));
      case Slice slice when topK(slice) -> Slicing.slice(firstRowsSorted((Sort) slice.input(),
          slice.offset() + slice.length()), slice.offset(), slice.length());
      case Slice slice when ScanNodes.stopsEarly(slice) -> Slicing.slice(firstRows(slice.input(), ScanNodes.end(slice)),
          slice.offset(), slice.length());
      case Slice slice -> Slicing.slice(run(slice.input()), slice.offset(), slice.length());
      case Sort sort -> WholeInputNodes.sort(sort, run(sort.input()), allocator(StreamingNodes.label(sort)),
          context.pool());
      case Distinct distinct -> WholeInputNodes.distinct(distinct, run(distinct.input()),
          allocator(StreamingNodes.label(distinct)));
      case Union union -> union(union);
      case Cache cache -> cached(cache);
      case Aggregate aggregate -> aggregate(aggregate);
      case Join join -> join(join);
      case dev.floe.planner.plan.AsofJoin asof -> asofJoin(asof);
      case Explode explode -> pipeline(explode, List.of());
    };
  }

  /**
   * The streaming nodes from {@code top} down (none when {@code top} does not stream), then {@code
   * last}, as one pipeline over the morsels of the first node that does not stream. The pipeline
   * has an allocator and each of its operators (and a fused scan) a child of it.
   */
  private List<RecordBatch> pipeline(LogicalPlan top, List<MorselOperator> last) {
    return pipeline(top, last, Long.MAX_VALUE);
  }

  /** {@link #pipeline(LogicalPlan, List)} that may stop once it has its first {@code wanted} rows. */
  private List<RecordBatch> pipeline(LogicalPlan top, List<MorselOperator> last, long wanted) {
    List<MorselOperator> operators = new ArrayList<>();
    LogicalPlan node = top;
    while (StreamingNodes.streams(node)) {
      operators.add(StreamingNodes.operator(node));
      node = node.inputs().getFirst();
    }
    Collections.reverse(operators);
    operators.addAll(last);
    long start = System.nanoTime();
    BufferAllocator pipeline = allocator("pipeline");
    String source = node instanceof Scan scan && ScanNodes.feedsPipeline(scan) ? scan.source().describe() : "input";
    BatchStream input = pipelineInput(node, operators, pipeline);
    operators = LateMaterialization.narrow(operators);
    List<BufferAllocator> allocators = new ArrayList<>();
    for (MorselOperator operator : operators) {
      allocators.add(memory.forOperator(pipeline, operator.describe()));
    }
    List<RecordBatch> out = StreamedPipeline.run(input, operators, allocators, context, wanted);
    if (timings != null) {
      List<String> steps = new ArrayList<>();
      for (MorselOperator operator : operators.reversed()) {
        steps.add(operator.describe());
      }
      steps.add(source);
      timings.add(new NodeTiming("pipeline: " + String.join(" <- ", steps), (start - started) / 1_000,
          (System.nanoTime() - started) / 1_000, out.stream().mapToLong(RecordBatch::rowCount).sum(),
          pipeline.peakBytes()));
    }
    return out;
  }

  /**
   * What a pipeline pulls: a scan's stream, pulled as the pipeline runs (its own filter, if any,
   * becomes the pipeline's first step: no filtered copy in between), or the rows of any other node.
   */
  private BatchStream pipelineInput(LogicalPlan node, List<MorselOperator> operators, BufferAllocator pipeline) {
    if (node instanceof Scan scan && ScanNodes.feedsPipeline(scan)) {
      if (scan.predicate() != null) {
        operators.addFirst(ScanNodes.filter(scan));
      }
      return ScanNodes.stream(scan, memory.forOperator(pipeline, "Scan " + scan.source().describe()));
    }
    return BatchStream.of(run(node));
  }

  /** The first {@code wanted} rows (or more) of a streaming node or a scan: its pipeline stops early. */
  private List<RecordBatch> firstRows(LogicalPlan input, long wanted) {
    return run(input, () -> input instanceof Scan scan ? scan(scan, wanted) : pipeline(input, List.of(), wanted));
  }

  /**
   * A select that is not row-wise: decomposable reductions get partial results per morsel in the
   * input's pipeline and one combine; anything else is evaluated once over the whole input.
   */
  private List<RecordBatch> reducingSelect(Select select) {
    PartialAggregation aggregation = PartialAggregation.of(select, StreamingNodes.text(select.exprs()));
    if (aggregation == null) {
      return WholeInputNodes.project(run(select.input()), select.input().schema(), select.exprs(), select.schema(),
          false, allocator(StreamingNodes.label(select)));
    }
    List<RecordBatch> partials = pipeline(select.input(), List.of(aggregation.partialOperator()));
    return List.of(aggregation.combine(partials, allocator(StreamingNodes.label(select))));
  }

  /**
   * A group-by: decomposable reductions pre-aggregate per morsel in the input's pipeline and merge
   * once ({@link PartialGroupBy}); anything else groups the whole input ({@link GeneralGroupBy}).
   */
  private List<RecordBatch> aggregate(Aggregate aggregate) {
    AggregateLeaves leaves = AggregateLeaves.of(aggregate);
    String text = StreamingNodes.text(aggregate.aggs()) + " BY " + StreamingNodes.text(aggregate.keys());
    if (leaves.decomposable(aggregate.input().schema())) {
      PartialGroupBy partial = new PartialGroupBy(leaves, text);
      List<RecordBatch> partials = pipeline(aggregate.input(), List.of(partial.partialOperator()));
      return List.of(partial.merge(partials, allocator(StreamingNodes.label(aggregate)), context));
    }
    return List.of(GeneralGroupBy.run(leaves, run(aggregate.input()), allocator(StreamingNodes.label(aggregate)),
        text, context));
  }

  /**
   * The scan's rows after its predicate and limit, streamed through its row-wise predicate (if
   * any); it stops pulling once it has its limit or {@code wanted} rows, whichever is fewer.
   */
  private List<RecordBatch> scan(Scan scan, long wanted) {
    BatchStream stream = ScanNodes.stream(scan, allocator("Scan " + scan.source().describe()));
    List<RecordBatch> rows;
    if (scan.predicate() != null && !RowWise.isRowWise(scan.predicate())) {
      // a predicate that looks at other rows sees the whole input at once
      MorselOperator filter = ScanNodes.filter(scan);
      rows = WholeInputNodes.filter(filter, BatchStream.readAll(stream), scan.schema(), allocator(filter.describe()));
    } else {
      List<MorselOperator> filter = scan.predicate() == null ? List.of() : List.of(ScanNodes.filter(scan));
      List<BufferAllocator> allocators = filter.isEmpty() ? List.of() : List.of(allocator(filter.getFirst().describe()));
      rows = StreamedPipeline.run(stream, filter, allocators, context,
          Math.min(wanted, scan.limit() == null ? Long.MAX_VALUE : scan.limit()));
    }
    return scan.limit() == null ? rows : Slicing.slice(rows, 0, scan.limit());
  }

  /** A head of a sort by row-wise keys: only the first rows in sort order are needed (top-k). */
  private static boolean topK(Slice slice) {
    return slice.offset() >= 0 && slice.input() instanceof Sort sort && RowWise.allRowWise(sort.by())
        && slice.offset() + slice.length() >= 0 && slice.offset() + slice.length() < Integer.MAX_VALUE;
  }

  /**
   * The first {@code count} rows of {@code sort}'s input in its order: each morsel is sorted and
   * cut to its first {@code count} rows in the input's pipeline, then the survivors (in morsel
   * order) are sorted once.
   */
  private List<RecordBatch> firstRowsSorted(Sort sort, long count) {
    List<RecordBatch> candidates = pipeline(sort.input(), List.of(WholeInputNodes.firstRows(sort, (int) count)));
    return WholeInputNodes.sort(sort, candidates, allocator(StreamingNodes.label(sort)), context.pool());
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

  /**
   * Both inputs run (left first), then the hash join ({@link HashJoin}); except that an inner join
   * without an order to keep whose left input turns out smaller than the right side's source
   * streams its right input through a table over the left rows ({@link StreamedJoinProbe}), never
   * holding the right input whole; when the right side's size is not known beforehand, it runs
   * whole and, if it is the larger, is probed batch by batch the same way.
   */
  private List<RecordBatch> join(Join join) {
    if (!StreamedJoinProbe.candidate(join)) {
      List<List<RecordBatch>> inputs = bothInputs(join.left(), join.right());
      return HashJoin.run(join, inputs.get(0), inputs.get(1), allocator(StreamingNodes.label(join)), context);
    }
    List<RecordBatch> left = run(join.left());
    JoinLayout layout;
    try {
      layout = JoinLayout.of(join);
    } catch (RuntimeException failure) {
      left.forEach(RecordBatch::close);
      throw failure;
    }
    long leftRows = left.stream().mapToLong(RecordBatch::rowCount).sum();
    if (StreamedJoinProbe.fits(layout) && leftRows <= StreamedJoinProbe.MAX_BUILD_ROWS
        && StreamedJoinProbe.estimatedRows(join.right()) > leftRows) {
      try (StreamedJoinProbe probe = StreamedJoinProbe.build(join, layout, left,
          allocator(StreamingNodes.label(join)), context)) {
        return pipeline(join.right(), List.of(probe));
      }
    }
    List<RecordBatch> right;
    try {
      right = run(join.right());
    } catch (RuntimeException failure) {
      left.forEach(RecordBatch::close);
      throw failure;
    }
    if (StreamedJoinProbe.fits(layout) && leftRows <= StreamedJoinProbe.MAX_BUILD_ROWS
        && right.stream().mapToLong(RecordBatch::rowCount).sum() > leftRows) {
      // a right side that had to run whole (another join's output) is still probed as it came,
      // batch by batch, instead of being concatenated for the general path
      BufferAllocator joins = allocator(StreamingNodes.label(join));
      StreamedJoinProbe probe;
      try {
        probe = StreamedJoinProbe.build(join, layout, left, joins, context);
      } catch (RuntimeException failure) {
        right.forEach(RecordBatch::close);
        throw failure;
      }
      try (probe) {
        return StreamedPipeline.run(BatchStream.of(right), List.of(probe), List.of(joins), context, Long.MAX_VALUE);
      }
    }
    return HashJoin.run(join, left, right, allocator(StreamingNodes.label(join)), context);
  }

  /** Both inputs run (left first), then the sorted merge ({@link AsofJoinExec}). */
  private List<RecordBatch> asofJoin(dev.floe.planner.plan.AsofJoin join) {
    List<List<RecordBatch>> inputs = bothInputs(join.left(), join.right());
    return AsofJoinExec.run(join, inputs.get(0), inputs.get(1), allocator(StreamingNodes.label(join)), context);
  }

  /** Runs the left input, then the right one; the left's batches are closed if the right fails. */
  private List<List<RecordBatch>> bothInputs(LogicalPlan leftPlan, LogicalPlan rightPlan) {
    List<RecordBatch> left = run(leftPlan);
    try {
      return List.of(left, run(rightPlan));
    } catch (RuntimeException failure) {
      left.forEach(RecordBatch::close);
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
