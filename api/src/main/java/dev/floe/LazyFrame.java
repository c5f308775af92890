package dev.floe;

import dev.floe.engine.exec.QueryContext;
import dev.floe.engine.exec.QueryExecutor;
import dev.floe.engine.exec.QueryPool;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Exprs;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.optimizer.Optimized;
import dev.floe.planner.optimizer.Optimizer;
import dev.floe.planner.plan.Cache;
import dev.floe.planner.plan.Distinct;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.Slice;
import dev.floe.planner.plan.Sort;
import dev.floe.planner.plan.WithColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A query not yet run: each operation records a step of a logical plan, and nothing is read or
 * computed until {@link #collect()}, which analyzes the plan (unknown columns and type errors
 * surface here, before any work), optimizes it (predicates, projections and slices pushed down to
 * the scans) and runs it on the engine's morsel pipelines. Immutable and thread-safe; made with
 * {@link DataFrame#lazy()} or {@code Floe.scanCsv/scanParquet/scanIpc/scanNdjson}. A lazy frame
 * over a {@link DataFrame} reads its buffers when it runs, so that frame must still be open then.
 */
public final class LazyFrame {
  private static final AtomicLong CACHE_IDS = new AtomicLong();

  private final LogicalPlan plan;

  LazyFrame(LogicalPlan plan) {
    this.plan = plan;
  }

  /** The plan as recorded (not optimized). */
  public LogicalPlan plan() {
    return plan;
  }

  // ---- transformations (same meaning as on DataFrame) ----

  public LazyFrame select(Expr... exprs) {
    return new LazyFrame(new Select(plan, List.of(exprs)));
  }

  public LazyFrame select(String... names) {
    return select(Arrays.stream(names).map(Exprs::col).toArray(Expr[]::new));
  }

  public LazyFrame withColumns(Expr... exprs) {
    return new LazyFrame(new WithColumns(plan, List.of(exprs)));
  }

  public LazyFrame withColumn(Expr expr) {
    return withColumns(expr);
  }

  /** The rows where {@code predicate} is true (null counts as false). */
  public LazyFrame filter(Expr predicate) {
    return new LazyFrame(new Filter(plan, predicate));
  }

  /**
   * The rows without a null in the named columns (all columns when none are named), as Polars'
   * {@code drop_nulls(subset)}: a filter on {@code isNotNull()} of each.
   */
  public LazyFrame dropNulls(String... subset) {
    List<String> names = subset.length > 0 ? List.of(subset) : collectSchema().names();
    Expr predicate = null;
    for (String name : names) {
      Expr valid = Exprs.col(name).isNotNull();
      predicate = predicate == null ? valid : predicate.and(valid);
    }
    return predicate == null ? this : filter(predicate);
  }

  /** Every column except the named ones. */
  public LazyFrame drop(String... names) {
    return select(Exprs.exclude(names));
  }

  /** Columns renamed by {@code mapping} (old name to new), in place. */
  public LazyFrame rename(Map<String, String> mapping) {
    Schema schema = schema();
    for (String old : mapping.keySet()) {
      if (!schema.contains(old)) {
        throw new dev.floe.errors.ColumnNotFoundException(old, schema.names());
      }
    }
    List<Expr> exprs = new ArrayList<>();
    for (String name : schema.names()) {
      exprs.add(mapping.containsKey(name) ? Exprs.col(name).alias(mapping.get(name)) : Exprs.col(name));
    }
    return new LazyFrame(new Select(plan, exprs));
  }

  /** The named columns cast to the given types (Polars' {@code cast({...})}); unknown names fail now. */
  public LazyFrame cast(Map<String, dev.floe.memory.types.DataType> types) {
    Schema schema = schema();
    List<Expr> casts = new ArrayList<>();
    types.forEach((name, type) -> {
      schema.indexOf(name); // ColumnNotFoundException before anything runs
      casts.add(Exprs.col(name).cast(type));
    });
    return casts.isEmpty() ? this : withColumns(casts.toArray(Expr[]::new));
  }

  /**
   * Nulls replaced by {@code value} in the columns whose type it fits (numbers in numeric columns,
   * strings in string columns, ...), as Polars' {@code fill_null(value)} and the eager {@link
   * DataFrame#fillNull}.
   */
  public LazyFrame fillNull(Object value) {
    List<Expr> fills = new ArrayList<>();
    for (dev.floe.memory.types.Field field : schema().fields()) {
      if (FrameExpressions.fits(value, field.type())) {
        fills.add(Exprs.col(field.name()).fillNull(value));
      }
    }
    return fills.isEmpty() ? this : withColumns(fills.toArray(Expr[]::new));
  }

  public LazyFrame sort(String... by) {
    return sort(Arrays.stream(by).map(Exprs::col).toList(), SortOptions.DEFAULT);
  }

  public LazyFrame sort(Expr... by) {
    return sort(Arrays.asList(by), SortOptions.DEFAULT);
  }

  public LazyFrame sort(SortOptions options, String... by) {
    return sort(Arrays.stream(by).map(Exprs::col).toList(), options);
  }

  /** Sorted by several keys (most significant first); multi-column selectors give one key each. */
  public LazyFrame sort(List<Expr> by, SortOptions options) {
    Resolver resolver = new Resolver(plan.schema());
    List<Expr> keys = new ArrayList<>();
    for (Expr key : by) {
      keys.addAll(resolver.expand(key));
    }
    if (keys.isEmpty()) {
      throw new dev.floe.errors.InvalidOperationException("sort needs at least one key");
    }
    boolean[] directions = options.directions(keys.size());
    List<Boolean> descending = new ArrayList<>(keys.size());
    for (boolean direction : directions) {
      descending.add(direction);
    }
    return new LazyFrame(new Sort(plan, keys, descending, options.nullsLast(), options.maintainOrder()));
  }

  /** The first 5 rows. */
  public LazyFrame head() {
    return head(5);
  }

  public LazyFrame head(long count) {
    return slice(0, count);
  }

  /** Polars' {@code limit}: the same as {@link #head(long)}. */
  public LazyFrame limit(long count) {
    return head(count);
  }

  public LazyFrame tail(long count) {
    return new LazyFrame(new Slice(plan, -count, count));
  }

  /** At most {@code length} rows from {@code offset} (negative: from the end). */
  public LazyFrame slice(long offset, long length) {
    if (length < 0) {
      throw new dev.floe.errors.InvalidOperationException("slice length " + length + " is negative");
    }
    return new LazyFrame(new Slice(plan, offset, length));
  }

  /** The groups of rows with equal values in the named columns, for {@link LazyGroupBy#agg}. */
  public LazyGroupBy groupBy(String... keys) {
    return groupBy(GroupByOptions.DEFAULT, Arrays.stream(keys).map(Exprs::col).toArray(Expr[]::new));
  }

  /** The groups of rows with equal key values ({@code col("a")}, {@code col("a").mod(10).alias("k")}). */
  public LazyGroupBy groupBy(Expr... keys) {
    return groupBy(GroupByOptions.DEFAULT, keys);
  }

  /** {@link #groupBy(Expr...)} with options ({@code maintainOrder}), as Polars' {@code group_by}. */
  public LazyGroupBy groupBy(GroupByOptions options, Expr... keys) {
    return new LazyGroupBy(plan, List.of(keys), options, List.of());
  }

  /** {@link #groupBy(String...)} with options. */
  public LazyGroupBy groupBy(GroupByOptions options, String... keys) {
    return groupBy(options, Arrays.stream(keys).map(Exprs::col).toArray(Expr[]::new));
  }

  public LazyFrame unique() {
    return unique(UniqueOptions.DEFAULT);
  }

  public LazyFrame unique(UniqueOptions options) {
    return new LazyFrame(new Distinct(plan, options.subset(), FrameUnique.keep(options.keep()),
        options.maintainOrder()));
  }

  /**
   * One row per element of the named list columns, as Polars' {@code explode}: the other columns
   * repeat, an empty or null list gives one null row; several columns need equal list lengths in
   * every row. Runs as a streaming step; filters on the other columns move below it.
   */
  public LazyFrame explode(String... columns) {
    return new LazyFrame(new dev.floe.planner.plan.Explode(plan, Arrays.asList(columns)));
  }

  /** The inner join with {@code other} on the columns {@code on} of both. */
  public LazyFrame join(LazyFrame other, String... on) {
    return join(other, dev.floe.planner.plan.JoinOptions.on(on));
  }

  /** The join with {@code other} as {@code options} say (Polars' {@code join}); see {@link DataFrame#join}. */
  public LazyFrame join(LazyFrame other, dev.floe.planner.plan.JoinOptions options) {
    return new LazyFrame(dev.floe.planner.plan.Join.of(plan, other.plan, options));
  }

  /** The as-of join with {@code other} (Polars' {@code join_asof}); see {@link DataFrame#joinAsof}. */
  public LazyFrame joinAsof(LazyFrame other, dev.floe.planner.plan.AsofJoinOptions options) {
    return new LazyFrame(new dev.floe.planner.plan.AsofJoin(plan, other.plan, options));
  }

  /**
   * The {@code k} rows with the largest keys, largest first, nulls last (Polars' {@code top_k}); a
   * sort and a head, which the engine runs as a top-k.
   */
  public LazyFrame topK(long k, String... by) {
    return topK(k, Arrays.stream(by).map(Exprs::col).toList(), List.of());
  }

  /** {@link #topK(long, String...)}; {@code reverse} (per key, one for all, or empty) flips a key. */
  public LazyFrame topK(long k, List<Expr> by, List<Boolean> reverse) {
    return FrameTopK.of(this, k, by, reverse, false);
  }

  /** The {@code k} rows with the smallest keys, smallest first, nulls last (Polars' {@code bottom_k}). */
  public LazyFrame bottomK(long k, String... by) {
    return bottomK(k, Arrays.stream(by).map(Exprs::col).toList(), List.of());
  }

  /** {@link #bottomK(long, String...)}; {@code reverse} flips a key. */
  public LazyFrame bottomK(long k, List<Expr> by, List<Boolean> reverse) {
    return FrameTopK.of(this, k, by, reverse, true);
  }

  /** This query's result computed once however often later steps read it. */
  public LazyFrame cache() {
    return new LazyFrame(new Cache(plan, CACHE_IDS.incrementAndGet()));
  }

  // ---- running and inspecting ----

  /** The result's columns and types, without running anything (Polars' {@code collect_schema}). */
  public Schema collectSchema() {
    return plan.schema();
  }

  /** Same as {@link #collectSchema()}. */
  public Schema schema() {
    return plan.schema();
  }

  /** Runs the query with every optimizer rule. */
  public DataFrame collect() {
    return collect(CollectOptions.DEFAULT);
  }

  public DataFrame collect(CollectOptions options) {
    Schema schema = plan.schema(); // analysis errors name the plan as written, before any work
    Optimized optimized = optimized(options);
    if (!FloeConfig.INSTANCE.verbose()) {
      return run(schema, optimized.plan(), context(options));
    }
    System.err.print("floe: plan\n" + PlanPrinter.print(plan) + "floe: optimized plan\n"
        + PlanPrinter.print(optimized.plan()) + (optimized.report() == null ? "floe: optimizer off\n"
        : "floe: " + optimized.report().describe()));
    long start = System.nanoTime();
    List<dev.floe.engine.exec.NodeTiming> timings = new ArrayList<>();
    DataFrame result = FrameBatches.toFrame(schema, QueryExecutor.execute(optimized.plan(), context(options), timings));
    StringBuilder log = new StringBuilder(String.format(java.util.Locale.ROOT, "floe: ran in %.3f ms, %d rows%n",
        (System.nanoTime() - start) / 1e6, result.height()));
    log.append("floe: operators (start..end us, rows, peak bytes)\n");
    for (dev.floe.engine.exec.NodeTiming timing : timings) {
      log.append(String.format(java.util.Locale.ROOT, "  %d..%d us, %d rows, %d B: %s%n", timing.startMicros(),
          timing.endMicros(), timing.rows(), timing.peakBytes(), timing.node()));
    }
    System.err.print(log);
    return result;
  }

  /** {@link Floe#collectAll}: the plans optimized one by one, shared subplans cached across them, run as one query. */
  static List<DataFrame> collectAll(List<LazyFrame> frames, CollectOptions options) {
    List<Schema> schemas = new ArrayList<>();
    List<LogicalPlan> plans = new ArrayList<>();
    for (LazyFrame frame : frames) {
      schemas.add(frame.plan.schema());
      plans.add(frame.optimized(options).plan());
    }
    if (!options.noOptimization() && !options.disabledRules().contains("common_subplan_elimination")) {
      plans = dev.floe.planner.optimizer.CommonSubplanElimination.shareAll(plans);
    }
    List<List<RecordBatch>> results = QueryExecutor.executeAll(plans, context(options));
    List<DataFrame> out = new ArrayList<>(results.size());
    try {
      for (int index = 0; index < results.size(); index++) {
        out.add(FrameBatches.toFrame(schemas.get(index), results.get(index)));
      }
      return out;
    } catch (RuntimeException failure) {
      out.forEach(DataFrame::close);
      for (int index = out.size(); index < results.size(); index++) {
        results.get(index).forEach(RecordBatch::close);
      }
      throw failure;
    }
  }

  /** Runs the query with every optimizer rule and times each node: see {@link QueryProfile}. */
  public QueryProfile profile() {
    return profile(CollectOptions.DEFAULT);
  }

  public QueryProfile profile(CollectOptions options) {
    Schema schema = plan.schema();
    LogicalPlan physical = optimized(options).plan();
    List<dev.floe.engine.exec.NodeTiming> timings = new ArrayList<>();
    DataFrame result = FrameBatches.toFrame(schema, QueryExecutor.execute(physical, context(options), timings));
    try {
      List<Object> nodes = new ArrayList<>();
      List<Object> starts = new ArrayList<>();
      List<Object> ends = new ArrayList<>();
      List<Object> rows = new ArrayList<>();
      List<Object> peaks = new ArrayList<>();
      for (dev.floe.engine.exec.NodeTiming timing : timings) {
        nodes.add(timing.node());
        starts.add(timing.startMicros());
        ends.add(timing.endMicros());
        rows.add(timing.rows());
        peaks.add(timing.peakBytes());
      }
      DataFrame table = DataFrame.of(Series.ofList("node", dev.floe.memory.types.DataType.UTF8, nodes),
          Series.ofList("start", dev.floe.memory.types.DataType.INT64, starts),
          Series.ofList("end", dev.floe.memory.types.DataType.INT64, ends),
          Series.ofList("rows", dev.floe.memory.types.DataType.INT64, rows),
          Series.ofList("peak_memory", dev.floe.memory.types.DataType.INT64, peaks));
      return new QueryProfile(result, table);
    } catch (RuntimeException failure) {
      result.close();
      throw failure;
    }
  }

  /**
   * Starts the query on a background thread and returns at once (Polars' {@code
   * collect(background=True)}); analysis and optimizer errors are thrown here, before it starts.
   */
  public QueryHandle collectAsync() {
    return collectAsync(CollectOptions.DEFAULT);
  }

  public QueryHandle collectAsync(CollectOptions options) {
    Schema schema = plan.schema();
    LogicalPlan physical = optimized(options).plan();
    QueryContext context = context(options);
    java.util.concurrent.CompletableFuture<DataFrame> result = new java.util.concurrent.CompletableFuture<>();
    Thread.ofVirtual().name("floe-query").start(() -> {
      try {
        // the caller's allocator stays current on the query's thread (its frames are accounted there)
        DataFrame frame = BufferAllocator.callWith(context.allocator(), () -> run(schema, physical, context));
        if (context.isCancelled() || !result.complete(frame)) {
          frame.close(); // nobody will take a result that arrives after a cancel
          result.completeExceptionally(new dev.floe.errors.ComputeException("the query was cancelled"));
        }
      } catch (RuntimeException | Error failure) {
        result.completeExceptionally(failure);
      }
    });
    return new QueryHandle(context, result);
  }

  private static QueryContext context(CollectOptions options) {
    return new QueryContext(BufferAllocator.current(),
        options.threads() == null ? FloeConfig.INSTANCE.pool() : QueryPool.pool(options.threads()), options.morselRows(),
        options.memoryLimit() == null ? FloeConfig.INSTANCE.memoryLimit() : options.memoryLimit());
  }

  private static DataFrame run(Schema schema, LogicalPlan physical, QueryContext context) {
    List<RecordBatch> batches = QueryExecutor.execute(physical, context);
    return FrameBatches.toFrame(schema, batches);
  }

  /**
   * This query's result as an Arrow C Stream ({@code ArrowArrayStream}) in a new struct from the
   * C heap: the schema is known without running, and the query runs when the consumer first asks
   * for a batch. The consumer releases the stream and frees the struct with C's {@code free}.
   */
  public java.lang.foreign.MemorySegment collectArrowStream() {
    return collectArrowStream(CollectOptions.DEFAULT);
  }

  /** {@link #collectArrowStream()} run with {@code options}. */
  public java.lang.foreign.MemorySegment collectArrowStream(CollectOptions options) {
    return ArrowInterop.exportStream(this, options);
  }

  /** The optimized plan as text, then the rules that fired. */
  public String explain() {
    return explain(true);
  }

  /** The plan as text: optimized (pushdowns shown at the scans, then the rules that fired) or as written. */
  public String explain(boolean optimized) {
    plan.schema();
    if (!optimized) {
      return PlanPrinter.print(plan);
    }
    Optimized result = optimized(CollectOptions.DEFAULT);
    List<String> fired = result.report().firedRules().stream().distinct().toList();
    return PlanPrinter.print(result.plan()) + "rules fired: " + (fired.isEmpty() ? "none" : String.join(", ", fired))
        + "\n";
  }

  private Optimized optimized(CollectOptions options) {
    if (options.noOptimization()) {
      return new Optimized(plan, null);
    }
    return Optimizer.defaults().without(options.disabledRules().toArray(String[]::new)).optimize(plan);
  }

  @Override
  public String toString() {
    return "LazyFrame\n" + PlanPrinter.print(plan);
  }
}
