package dev.floe.engine.exec;

import dev.floe.engine.expr.Projection;
import dev.floe.errors.FloeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ResolvedExpr;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.plan.Distinct;
import dev.floe.planner.plan.Sort;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline breakers that take their whole input as one batch: sorts (and the top-k step that
 * cuts each morsel to its first rows), unique, and filters and projections whose expressions look
 * at other rows. Each takes ownership of its input batches and allocates from the allocator given,
 * which belongs to the node.
 */
final class WholeInputNodes {
  private WholeInputNodes() {}

  /** A filter whose predicate is not row-wise, evaluated once over all rows. */
  static List<RecordBatch> filter(MorselOperator operator, List<RecordBatch> input, Schema schema,
      BufferAllocator allocator) {
    RecordBatch all = Batches.concat(input, schema, allocator);
    return List.of(operator.apply(all, allocator)); // the operator closes its input
  }

  /** A select ({@code keepInput} false) or withColumns that is not row-wise, over all rows at once. */
  static List<RecordBatch> project(List<RecordBatch> input, Schema inputSchema, List<Expr> exprs, Schema output,
      boolean keepInput, BufferAllocator allocator) {
    List<ResolvedExpr> resolved = new Resolver(inputSchema).resolve(exprs);
    try (RecordBatch all = Batches.concat(input, inputSchema, allocator)) {
      List<Column> computed;
      try {
        computed = Projection.evaluate(all, resolved, keepInput && inputSchema.size() > 0, allocator);
      } catch (FloeException failure) {
        throw OperatorErrors.wrap(failure, "while evaluating " + StreamingNodes.text(exprs) + (keepInput
            ? " in WithColumns" : " in Select"));
      }
      int rows = computed.isEmpty() ? all.rowCount() : computed.getFirst().length();
      if (!keepInput) {
        return List.of(new RecordBatch(output, computed, rows));
      }
      return List.of(new ProjectOperator(resolved, output, true, "WithColumns").merge(all, computed));
    }
  }

  static List<RecordBatch> sort(Sort sort, List<RecordBatch> input, BufferAllocator allocator) {
    return sort(sort, input, allocator, QueryPool.pool());
  }

  /** The whole input sorted, runs of rows sorted on {@code pool}'s threads and merged. */
  static List<RecordBatch> sort(Sort sort, List<RecordBatch> input, BufferAllocator allocator,
      java.util.concurrent.ForkJoinPool pool) {
    try (RecordBatch all = Batches.concat(input, sort.input().schema(), allocator)) {
      return List.of(sorted(sort, all, allocator, pool));
    }
  }

  /**
   * {@code batch}'s rows in {@code sort}'s order (stable); does not close {@code batch}. {@code
   * pool} null sorts on the caller's thread (a morsel of a top-k).
   */
  static RecordBatch sorted(Sort sort, RecordBatch batch, BufferAllocator allocator,
      java.util.concurrent.ForkJoinPool pool) {
    Resolver resolver = new Resolver(sort.input().schema());
    List<ResolvedExpr> keys = new ArrayList<>();
    boolean[] descending = new boolean[sort.by().size()];
    for (int index = 0; index < sort.by().size(); index++) {
      keys.add(resolver.resolveOne(sort.by().get(index)));
      descending[index] = sort.descending().get(index);
    }
    List<Column> columns = BatchSort.sort(batch, keys, descending, sort.nullsLast(), allocator, pool);
    return new RecordBatch(batch.schema(), columns, batch.rowCount());
  }

  /**
   * The streaming half of a top-k: each morsel sorted and cut to its first {@code rows} rows. Sorts
   * are stable, so ties keep their input order as in a full sort: a row among the first {@code
   * rows} overall is among the first {@code rows} of its morsel.
   */
  static MorselOperator firstRows(Sort sort, int rows) {
    return new MorselOperator() {
      @Override
      public RecordBatch apply(RecordBatch input, BufferAllocator allocator) {
        try (input; RecordBatch ordered = sorted(sort, input, allocator, null)) {
          return ordered.slice(0, Math.min(rows, ordered.rowCount()));
        }
      }

      @Override
      public String describe() {
        return "TopK " + rows;
      }
    };
  }

  static List<RecordBatch> distinct(Distinct distinct, List<RecordBatch> input, BufferAllocator allocator) {
    Schema schema = distinct.input().schema();
    List<String> subset = distinct.subset().isEmpty() ? schema.names() : distinct.subset();
    List<Integer> keys = subset.stream().map(schema::indexOf).toList();
    try (RecordBatch all = Batches.concat(input, schema, allocator)) {
      List<Column> kept = BatchDistinct.unique(all, keys, distinct.keep(), allocator);
      if (kept == null) {
        return List.of(all.slice(0, all.rowCount()));
      }
      int rows = kept.isEmpty() ? 0 : kept.getFirst().length();
      return List.of(new RecordBatch(schema, kept, rows));
    }
  }
}
