package dev.floe.engine.exec;

import dev.floe.engine.BatchOperations;
import dev.floe.engine.expr.Projection;
import dev.floe.errors.FloeException;
import dev.floe.kernels.Filter;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.planner.expr.ResolvedExpr;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the rows of each morsel where the predicate is true (null counts as false). A filter
 * whose next operator reads only some columns ({@link #keeping}) copies the selected rows of those
 * columns only: the predicate's own columns and the rest are dropped rather than copied. A
 * conjunction with string tests among other conditions runs in two stages ({@link
 * StagedPredicate}): the string tests see only the rows the other conditions kept.
 */
final class FilterOperator implements MorselOperator {
  private final ResolvedExpr predicate;
  private final String text;
  /** The input columns the output keeps, or null for all. */
  private final Set<String> keep;

  FilterOperator(ResolvedExpr predicate, String text) {
    this(predicate, text, null);
  }

  /** The predicate's two stages ({@link StagedPredicate}), or null to evaluate it whole. */
  private final StagedPredicate stages;
  /** The stages resolved over the input schema of the morsels seen so far (one schema per pipeline). */
  private volatile ResolvedStages resolved;

  private record ResolvedStages(dev.floe.memory.types.Schema schema, ResolvedExpr first, ResolvedExpr second) {}

  private FilterOperator(ResolvedExpr predicate, String text, Set<String> keep) {
    this.predicate = predicate;
    this.text = text;
    this.keep = keep;
    this.stages = StagedPredicate.of(predicate.expr());
  }

  /** This filter with an output of only the input columns in {@code columns} (in input order). */
  FilterOperator keeping(Set<String> columns) {
    return new FilterOperator(predicate, text, Set.copyOf(columns));
  }

  /** The predicate's columns and what the next operators need; null when they need everything. */
  @Override
  public Set<String> columnsRead(Set<String> needed) {
    if (needed == null) {
      return null;
    }
    Set<String> read = new LinkedHashSet<>(needed);
    read.addAll(LateMaterialization.columnsOf(List.of(predicate)));
    return read;
  }

  @Override
  public RecordBatch apply(RecordBatch input, BufferAllocator allocator) {
    try (input) {
      if (stages == null) {
        return select(input, predicate, keep, allocator);
      }
      ResolvedStages staged = stages(input.schema());
      Set<String> carried = null;
      if (keep != null) {
        carried = new LinkedHashSet<>(keep);
        carried.addAll(LateMaterialization.columnsOf(List.of(staged.second())));
      }
      // the string tests see only the rows the other conjuncts kept (and run even on none, so a
      // bad pattern is reported as it would be otherwise)
      try (RecordBatch survivors = select(input, staged.first(), carried, allocator)) {
        return select(survivors, staged.second(), keep, allocator);
      }
    }
  }

  /** The rows of {@code input} where {@code condition} is true, of the columns in {@code columns} (null: all). */
  private RecordBatch select(RecordBatch input, ResolvedExpr condition, Set<String> columns,
      BufferAllocator allocator) {
    Column evaluated;
    try {
      evaluated = Projection.evaluate(input, List.of(condition), true, allocator).getFirst();
    } catch (FloeException failure) {
      throw OperatorErrors.wrap(failure, "while evaluating " + text + " in Filter");
    }
    try (Column mask = evaluated; RecordBatch kept = LateMaterialization.keep(input, columns)) {
      BooleanColumn selection = (BooleanColumn) mask;
      int selected = Filter.countSelected(selection);
      if (selected == kept.rowCount()) {
        return kept.slice(0, kept.rowCount()); // every row passes: share the buffers
      }
      return new RecordBatch(kept.schema(), BatchOperations.filter(kept, selection, allocator), selected);
    }
  }

  /** The stages resolved over {@code schema} (once per schema; morsels of a pipeline share one). */
  private ResolvedStages stages(dev.floe.memory.types.Schema schema) {
    ResolvedStages current = resolved;
    if (current == null || !current.schema().equals(schema)) {
      dev.floe.planner.expr.Resolver resolver = new dev.floe.planner.expr.Resolver(schema);
      current = new ResolvedStages(schema, resolver.resolveOne(stages.first()), resolver.resolveOne(stages.second()));
      resolved = current;
    }
    return current;
  }

  @Override
  public String describe() {
    return keep == null ? "Filter " + text : "Filter " + text + " keeping " + keep.size() + " column(s)";
  }
}
