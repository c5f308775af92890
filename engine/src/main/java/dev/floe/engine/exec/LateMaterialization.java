package dev.floe.engine.exec;

import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.expr.ResolvedExpr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Late materialization inside a pipeline: a filter copies the selected rows of only the columns
 * the operators after it read, so a column used only by the predicate (or by nothing later) is
 * never copied. Walking the pipeline from its end, each operator says which of its input columns
 * it reads given what its successors need ({@link MorselOperator#columnsRead}); a filter whose
 * successors need a subset is replaced by one that keeps only that subset. The pipeline's last
 * operator keeps every column, so its output is unchanged. (The idea of deferring the gather of
 * columns until they are needed is the one of column stores' late materialization; Abadi et al.,
 * "Materialization Strategies in a Column-Oriented DBMS", ICDE 2007.)
 */
final class LateMaterialization {
  private LateMaterialization() {}

  /** {@code operators} with each filter narrowed to what its successors read; the list is new. */
  static List<MorselOperator> narrow(List<MorselOperator> operators) {
    List<MorselOperator> out = new ArrayList<>(operators);
    Set<String> needed = null; // the last operator's output is the pipeline's: all of it
    for (int index = out.size() - 1; index >= 0; index--) {
      if (needed != null && out.get(index) instanceof FilterOperator filter) {
        out.set(index, filter.keeping(needed));
      }
      needed = out.get(index).columnsRead(needed);
    }
    return out;
  }

  /** The columns {@code exprs} read. */
  static Set<String> columnsOf(List<ResolvedExpr> exprs) {
    Set<String> names = new LinkedHashSet<>();
    for (ResolvedExpr expr : exprs) {
      names.addAll(ExprTrees.columnNames(expr.expr()));
    }
    return names;
  }

  /**
   * Another handle on {@code batch} with only the columns in {@code keep}, in the batch's order
   * (null: all); the caller closes it.
   */
  static RecordBatch keep(RecordBatch batch, Set<String> keep) {
    if (keep == null) {
      return batch.slice(0, batch.rowCount());
    }
    List<Field> fields = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    Schema schema = batch.schema();
    for (int index = 0; index < schema.size(); index++) {
      if (keep.contains(schema.field(index).name())) {
        fields.add(schema.field(index));
        columns.add(batch.column(index).share());
      }
    }
    return new RecordBatch(new Schema(fields), columns, batch.rowCount());
  }
}
