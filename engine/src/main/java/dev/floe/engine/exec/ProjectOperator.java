package dev.floe.engine.exec;

import dev.floe.engine.expr.Projection;
import dev.floe.errors.FloeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.ResolvedExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes row-wise expressions on each morsel: a select (only the new columns) or a withColumns
 * (the input's columns shared, replaced where a new one has their name, new ones appended).
 */
final class ProjectOperator implements MorselOperator {
  private final List<ResolvedExpr> exprs;
  private final Schema output;
  private final boolean keepInput;
  private final String text;

  ProjectOperator(List<ResolvedExpr> exprs, Schema output, boolean keepInput, String text) {
    this.exprs = List.copyOf(exprs);
    this.output = output;
    this.keepInput = keepInput;
    this.text = text;
  }

  @Override
  public RecordBatch apply(RecordBatch input, BufferAllocator allocator) {
    try (input) {
      List<Column> computed;
      try {
        computed = Projection.evaluate(input, exprs, true, allocator);
      } catch (FloeException failure) {
        throw OperatorErrors.wrap(failure, "while evaluating " + text);
      }
      if (!keepInput) {
        return new RecordBatch(output, computed, input.rowCount());
      }
      return merge(input, computed);
    }
  }

  /**
   * The output of a withColumns: {@code input}'s columns shared in place, replaced where a
   * computed column (in expression order) has their name, the others appended; takes ownership of
   * {@code computed} (not of {@code input}).
   */
  RecordBatch merge(RecordBatch input, List<Column> computed) {
    Map<String, Column> byName = new HashMap<>();
    for (int index = 0; index < exprs.size(); index++) {
      byName.put(exprs.get(index).name(), computed.get(index));
    }
    List<Column> columns = new ArrayList<>(output.size());
    try {
      for (String name : output.names()) {
        Column fresh = byName.remove(name);
        columns.add(fresh != null ? fresh : input.column(name).share());
      }
    } catch (RuntimeException failure) {
      columns.forEach(Column::close);
      byName.values().forEach(Column::close);
      throw failure;
    }
    int rows = columns.isEmpty() ? input.rowCount() : columns.getFirst().length();
    return new RecordBatch(output, columns, rows);
  }

  @Override
  public String describe() {
    return text;
  }

  /** A select reads the columns its expressions name; a withColumns passes every column on. */
  @Override
  public Set<String> columnsRead(Set<String> needed) {
    return keepInput ? null : LateMaterialization.columnsOf(exprs);
  }
}
