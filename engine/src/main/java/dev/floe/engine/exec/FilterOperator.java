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
import java.util.List;

/** Keeps the rows of each morsel where the predicate is true (null counts as false). */
final class FilterOperator implements MorselOperator {
  private final ResolvedExpr predicate;
  private final String text;

  FilterOperator(ResolvedExpr predicate, String text) {
    this.predicate = predicate;
    this.text = text;
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
      try (Column mask = evaluated) {
        BooleanColumn selection = (BooleanColumn) mask;
        int selected = Filter.countSelected(selection);
        if (selected == input.rowCount()) {
          return input.slice(0, input.rowCount()); // every row passes: share the buffers
        }
        return new RecordBatch(input.schema(), BatchOperations.filter(input, selection, allocator), selected);
      }
    }
  }

  @Override
  public String describe() {
    return "Filter " + text;
  }
}
