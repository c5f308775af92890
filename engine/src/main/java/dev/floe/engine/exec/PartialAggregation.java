package dev.floe.engine.exec;

import dev.floe.engine.expr.Projection;
import dev.floe.errors.FloeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Agg;
import dev.floe.planner.expr.AggFunction;
import dev.floe.planner.expr.Alias;
import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.expr.ResolvedExpr;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.optimizer.RowWise;
import dev.floe.planner.plan.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A select of decomposable reductions ({@code select(col("b").sum(), col("a").max().alias("m"))})
 * computed as each morsel's partial results, combined once at the end: a sum of sums, a min of
 * mins, a max of maxes (the update/combine split of DuckDB's and Polars' reductions). The partial
 * of a morsel has the final result's name and type, so the combine is the same reduction over a
 * column of partials; a select decomposes only when every expression is such a reduction of a
 * row-wise input and the combine resolves to exactly the original types (so, for example, a
 * reduction whose result type differs from what a second application would give is left to the
 * whole-input path). Floating-point sums are then added in another order than a single pass, as
 * in Polars' parallel sums.
 */
final class PartialAggregation {
  private static final Set<AggFunction> DECOMPOSABLE = Set.of(AggFunction.SUM, AggFunction.MIN, AggFunction.MAX);

  private final List<ResolvedExpr> partials;
  private final List<ResolvedExpr> combines;
  private final Schema output;
  private final String text;

  private PartialAggregation(List<ResolvedExpr> partials, List<ResolvedExpr> combines, Schema output, String text) {
    this.partials = partials;
    this.combines = combines;
    this.output = output;
    this.text = text;
  }

  /** The decomposition of {@code select}, or null when it has none. */
  static PartialAggregation of(Select select, String text) {
    List<Expr> combineExprs = new ArrayList<>();
    for (Expr expr : select.exprs()) {
      Expr core = expr instanceof Alias alias ? alias.input() : expr;
      if (!(core instanceof Agg agg) || !DECOMPOSABLE.contains(agg.function()) || !RowWise.isRowWise(agg.input())
          || ExprTrees.columnNames(agg.input()).isEmpty()) {
        return null;
      }
      String name = ExprTrees.outputName(expr);
      combineExprs.add(new Agg(agg.function(), new ColumnRef(name), 0).alias(name));
    }
    Schema output = select.schema();
    List<ResolvedExpr> partials = new Resolver(select.input().schema()).resolve(select.exprs());
    List<ResolvedExpr> combines;
    try {
      combines = new Resolver(output).resolve(combineExprs);
    } catch (FloeException notCombinable) {
      return null;
    }
    for (int index = 0; index < combines.size(); index++) {
      if (!combines.get(index).type().equals(output.field(index).type())
          || !combines.get(index).name().equals(output.field(index).name())) {
        return null;
      }
    }
    return new PartialAggregation(partials, combines, output, text);
  }

  /** The operator computing one morsel's partial results (one row). */
  MorselOperator partialOperator() {
    return new MorselOperator() {
      @Override
      public RecordBatch apply(RecordBatch input, BufferAllocator allocator) {
        try (input) {
          return new RecordBatch(output, evaluate(input, partials, allocator), 1);
        }
      }

      @Override
      public String describe() {
        return "PartialAggregate " + text;
      }

      @Override
      public Set<String> columnsRead(Set<String> needed) {
        return LateMaterialization.columnsOf(partials);
      }
    };
  }

  /** The final row from every morsel's partial row; takes ownership of {@code partialRows}. */
  RecordBatch combine(List<RecordBatch> partialRows, BufferAllocator allocator) {
    try (RecordBatch all = Batches.concat(partialRows, output, allocator)) {
      return new RecordBatch(output, evaluate(all, combines, allocator), 1);
    }
  }

  private List<Column> evaluate(RecordBatch batch, List<ResolvedExpr> exprs, BufferAllocator allocator) {
    try {
      return Projection.evaluate(batch, exprs, false, allocator);
    } catch (FloeException failure) {
      throw OperatorErrors.wrap(failure, "while evaluating " + text + " in Select");
    }
  }
}
