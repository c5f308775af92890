package dev.floe.engine.expr;

import dev.floe.errors.ShapeMismatchException;
import dev.floe.kernels.Broadcast;
import dev.floe.kernels.Correlations;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Correlation;

/** {@link Correlation} over a batch: both inputs evaluated (f64 after typing), one f64 row. */
final class CorrelationEvaluation {
  private CorrelationEvaluation() {}

  static Column evaluate(ExpressionEvaluator evaluator, Correlation corr) {
    try (Column x = evaluator.eval(corr.a()); Column y = evaluator.eval(corr.b())) {
      double value;
      if (x.length() != y.length()) {
        if (x.length() != 1 && y.length() != 1) {
          throw new ShapeMismatchException("corr of inputs of " + x.length() + " and " + y.length() + " rows in "
              + corr);
        }
        value = Double.NaN; // one side is a single value broadcast: no variance
      } else {
        value = Correlations.pearson(x, y, 0, x.length());
      }
      return Broadcast.constant(value, DataType.FLOAT64, 1, evaluator.allocator());
    }
  }
}
