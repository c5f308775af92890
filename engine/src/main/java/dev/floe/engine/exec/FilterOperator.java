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
 * columns only: the predicate's own columns and the rest are dropped rather than copied.
 */
final class FilterOperator implements MorselOperator {
  private final ResolvedExpr predicate;
  private final String text;
  /** The input columns the output keeps, or null for all. */
  private final Set<String> keep;

  FilterOperator(ResolvedExpr predicate, String text) {
    this(predicate, text, null);
  }

  private FilterOperator(ResolvedExpr predicate, String text, Set<String> keep) {
    this.predicate = predicate;
    this.text = text;
    this.keep = keep;
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
      Column evaluated;
      try {
        evaluated = Projection.evaluate(input, List.of(predicate), true, allocator).getFirst();
      } catch (FloeException failure) {
        throw OperatorErrors.wrap(failure, "while evaluating " + text + " in Filter");
      }
      try (Column mask = evaluated; RecordBatch kept = LateMaterialization.keep(input, keep)) {
        BooleanColumn selection = (BooleanColumn) mask;
        int selected = Filter.countSelected(selection);
        if (selected == kept.rowCount()) {
          return kept.slice(0, kept.rowCount()); // every row passes: share the buffers
        }
        return new RecordBatch(kept.schema(), BatchOperations.filter(kept, selection, allocator), selected);
      }
    }
  }

  @Override
  public String describe() {
    return keep == null ? "Filter " + text : "Filter " + text + " keeping " + keep.size() + " column(s)";
  }
}
