package dev.floe.engine.expr;

import dev.floe.errors.ShapeMismatchException;
import dev.floe.memory.column.Column;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Literal;
import java.util.List;

/**
 * Dynamic lengths, as Polars: operands are evaluated at their own lengths (a column, a reduction's
 * single row, a length-changing function's any length) and meet at their common length, a length-1
 * operand broadcast; different lengths other than 1 fail naming the expression and both lengths.
 */
final class Broadcasting {
  private Broadcasting() {}

  /**
   * {@code inputs} of {@code whole} evaluated at their common length, as Polars does: each is
   * evaluated at its own length, then length-1 results are broadcast to the longest; two different
   * lengths other than 1 fail with a {@link ShapeMismatchException} naming
   * {@code whole}. Literals are built once, at the common length. The caller closes the columns.
   */
  static List<Column> evalCommon(ExpressionEvaluator evaluator, Expr whole, List<Expr> inputs) {
    Column[] columns = new Column[inputs.size()];
    try {
      int length = -1;
      for (int index = 0; index < columns.length; index++) {
        if (!(inputs.get(index) instanceof Literal)) {
          columns[index] = evaluator.eval(inputs.get(index));
          length = commonLength(whole, length, columns[index].length());
        }
      }
      int common = Math.max(length, 1);
      if (length == 0) {
        common = 0;
      }
      for (int index = 0; index < columns.length; index++) {
        if (columns[index] == null) {
          columns[index] = evaluator.evalAt(inputs.get(index), common);
        } else {
          columns[index] = fit(evaluator, columns[index], common);
        }
      }
      return java.util.Arrays.asList(columns);
    } catch (RuntimeException failure) {
      for (Column column : columns) {
        if (column != null) {
          column.close();
        }
      }
      throw failure;
    }
  }

  /** The length two operands of {@code whole} combine to (-1: none yet); 1 broadcasts. */
  static int commonLength(Expr whole, int length, int next) {
    if (length < 0 || length == next || length == 1) {
      return next;
    }
    if (next == 1) {
      return length;
    }
    throw new ShapeMismatchException(
        "cannot combine operands of lengths " + length + " and " + next + " in " + whole);
  }

  /** {@code column} itself when it has {@code length} rows, else (of length 1) broadcast. */
  static Column fit(ExpressionEvaluator evaluator, Column column, int length) {
    if (column.length() == length) {
      return column;
    }
    try (column) {
      return evaluator.broadcast(column, length);
    }
  }

}
