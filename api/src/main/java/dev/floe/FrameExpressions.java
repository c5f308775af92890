package dev.floe;

import dev.floe.engine.BatchOperations;
import dev.floe.engine.exec.BatchSort;
import dev.floe.engine.expr.Projection;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Exprs;
import dev.floe.planner.expr.ResolvedExpr;
import dev.floe.planner.expr.Resolver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expression operations of {@link DataFrame}: resolve against the frame's schema (all errors
 * before any work), then run on the lazy engine: {@code select}, {@code withColumns} and {@code
 * filter} are the one-step lazy query over the frame (morsels in parallel, chunk by chunk, one
 * implementation for both APIs, as in Polars), so a large frame's result has one chunk per morsel.
 * Sorts concatenate the frame's chunks into one {@link RecordBatch} ({@link #toBatch}; a
 * single-chunk frame is shared without copying) and call the engine's sort.
 */
final class FrameExpressions {
  /**
   * How eager operations run on the lazy engine (as Polars' eager methods do): the plan as written,
   * one step over an in-memory frame, so the optimizer has nothing to gain.
   */
  private static final CollectOptions EAGER = CollectOptions.DEFAULT.withNoOptimization(true);

  private FrameExpressions() {}

  static DataFrame select(DataFrame frame, List<Expr> exprs) {
    List<ResolvedExpr> resolved = new Resolver(frame.schema()).resolve(exprs);
    requireUniqueNames(resolved, "select");
    return frame.lazy().select(exprs.toArray(Expr[]::new)).collect(EAGER);
  }

  static DataFrame withColumns(DataFrame frame, List<Expr> exprs) {
    List<ResolvedExpr> resolved = new Resolver(frame.schema()).resolve(exprs);
    requireUniqueNames(resolved, "withColumns");
    return frame.lazy().withColumns(exprs.toArray(Expr[]::new)).collect(EAGER);
  }

  static DataFrame filter(DataFrame frame, Expr predicate) {
    ResolvedExpr resolved = new Resolver(frame.schema()).resolveOne(predicate);
    if (!(resolved.type() instanceof DataType.BooleanType)) {
      throw new InvalidOperationException(
          "filter needs a bool predicate, but " + predicate + " is " + resolved.type());
    }
    return frame.lazy().filter(predicate).collect(EAGER);
  }

  static DataFrame sort(DataFrame frame, List<Expr> keys, SortOptions options) {
    Resolver resolver = new Resolver(frame.schema());
    List<ResolvedExpr> resolved = new ArrayList<>();
    for (Expr key : keys) {
      resolved.addAll(resolver.resolve(List.of(key)));
    }
    if (resolved.isEmpty()) {
      throw new InvalidOperationException("sort needs at least one key");
    }
    boolean[] descending = options.directions(resolved.size());
    BufferAllocator allocator = BufferAllocator.current();
    try (RecordBatch batch = toBatch(frame)) {
      return fromColumns(frame, BatchSort.sort(batch, resolved, descending, options.nullsLast(),
          allocator, FloeConfig.INSTANCE.pool()));
    }
  }

  static DataFrame cast(DataFrame frame, Map<String, DataType> types) {
    List<Expr> casts = new ArrayList<>();
    types.forEach((name, type) -> casts.add(Exprs.col(name).cast(type)));
    for (String name : types.keySet()) {
      frame.schema().indexOf(name); // ColumnNotFoundException before any work
    }
    return withColumns(frame, casts);
  }

  static DataFrame dropNulls(DataFrame frame, List<String> subset) {
    List<String> names = subset.isEmpty() ? frame.columns() : subset;
    Expr predicate = null;
    for (String name : names) {
      frame.schema().indexOf(name);
      if (frame.owned(frame.schema().indexOf(name)).nullCount() > 0) {
        Expr valid = Exprs.col(name).isNotNull();
        predicate = predicate == null ? valid : predicate.and(valid);
      }
    }
    return predicate == null ? frame.clone() : filter(frame, predicate);
  }

  /** Fills nulls of the columns whose type the value fits (numbers in numeric columns, ...). */
  static DataFrame fillNull(DataFrame frame, Object value) {
    List<Expr> fills = new ArrayList<>();
    for (int index = 0; index < frame.width(); index++) {
      Series series = frame.owned(index);
      if (series.nullCount() > 0 && fits(value, series.dtype())) {
        fills.add(Exprs.col(series.name()).fillNull(value));
      }
    }
    return fills.isEmpty() ? frame.clone() : withColumns(frame, fills);
  }

  static boolean fits(Object value, DataType type) {
    return switch (value) {
      case Number number -> type.isNumeric();
      case String text -> type.isString();
      case Boolean bool -> type instanceof DataType.BooleanType;
      case null -> true;
      default ->
          dev.floe.memory.column.JavaValues.inferType(java.util.Collections.singletonList(value))
              .equals(type);
    };
  }

  // ---- batches and frames ----

  /** The frame as one record batch (chunks concatenated when there are several). */
  static RecordBatch toBatch(DataFrame frame) {
    if (frame.height() > Integer.MAX_VALUE) {
      throw new InvalidOperationException(
          "frames of more than " + Integer.MAX_VALUE + " rows cannot be evaluated yet; got "
              + frame.height());
    }
    BufferAllocator allocator = BufferAllocator.current();
    List<Column> columns = new ArrayList<>(frame.width());
    try {
      for (int index = 0; index < frame.width(); index++) {
        columns.add(frame.owned(index).column().rechunk(allocator));
      }
    } catch (RuntimeException failure) {
      columns.forEach(Column::close);
      throw failure;
    }
    return new RecordBatch(frame.schema(), columns, (int) frame.height());
  }

  private static DataFrame fromColumns(DataFrame frame, List<Column> columns) {
    List<Series> series = new ArrayList<>(columns.size());
    for (int index = 0; index < columns.size(); index++) {
      series.add(Series.fromColumn(frame.schema().field(index).name(), columns.get(index)));
    }
    return DataFrame.adopt(series);
  }

  private static DataFrame adopt(List<ResolvedExpr> resolved, List<Column> columns) {
    List<Series> series = new ArrayList<>(columns.size());
    for (int index = 0; index < columns.size(); index++) {
      series.add(Series.fromColumn(resolved.get(index).name(), columns.get(index)));
    }
    return DataFrame.adopt(series);
  }

  private static void requireUniqueNames(List<ResolvedExpr> resolved, String operation) {
    Set<String> seen = new HashSet<>();
    for (ResolvedExpr expr : resolved) {
      if (!seen.add(expr.name())) {
        throw new InvalidOperationException(
            "the name '" + expr.name() + "' is duplicate in " + operation
                + "(...); give one of the expressions another name with alias(...)");
      }
    }
  }
}
