package dev.floe.engine.expr;

import dev.floe.kernels.ArithmeticOp;
import dev.floe.kernels.ArithmeticProgram;
import dev.floe.kernels.FloatScalarDivision;
import dev.floe.kernels.NumericWidening;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Binary;
import dev.floe.planner.expr.BinaryOp;
import dev.floe.planner.expr.CastExpr;
import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Literal;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a tree of two or more arithmetic operations, such as {@code a * b + c} or {@code c * 2.5 -
 * a}, as one {@link ArithmeticProgram} that streams blocks of rows through all of them, instead of
 * materializing every intermediate column. Applies when every leaf is a column of the batch (or its
 * widening cast to the tree's type, as the resolver inserts for {@code i64 + f64}) or a non-null
 * literal, and every operation has a twin kernel for the tree's type; otherwise {@link #tryEvaluate}
 * returns null and the caller evaluates operation by operation.
 */
final class FusedArithmetic {
  private final ExpressionEvaluator evaluator;
  private final List<ArithmeticProgram.Step> steps = new ArrayList<>();
  private DataType type;
  private int operations;
  private int loads;

  private FusedArithmetic(ExpressionEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  /** The tree's result, or null when it does not qualify for fusion. */
  static Column tryEvaluate(ExpressionEvaluator evaluator, Binary binary) {
    if (binary.op().kind() != BinaryOp.Kind.ARITHMETIC) {
      return null;
    }
    FusedArithmetic fused = new FusedArithmetic(evaluator);
    if (!fused.compile(binary) || fused.operations < 2 || fused.loads == 0) {
      return null;
    }
    return ArithmeticProgram.run(
        fused.steps, fused.type, evaluator.rowCount(), evaluator.allocator());
  }

  private boolean compile(Expr expr) {
    return switch (expr) {
      case Binary binary when binary.op() == BinaryOp.DIV
          && binary.right() instanceof Literal divisor && divisor.value() != null
          && divisor.type().isFloatingPoint() -> {
        // Polars divides by a scalar as a multiplication by its reciprocal (FloatScalarDivision)
        if (!compile(binary.left()) || !agree(divisor.type())) {
          yield false;
        }
        steps.add(new ArithmeticProgram.Constant(FloatScalarDivision.reciprocal(
            (Number) ExpressionEvaluator.value(divisor), divisor.type())));
        steps.add(new ArithmeticProgram.Apply(ArithmeticOp.MUL));
        operations++;
        yield ArithmeticProgram.supports(ArithmeticOp.MUL, type);
      }
      case Binary binary -> {
        ArithmeticOp op = kernelOp(binary.op());
        if (op == null || !compile(binary.left()) || !compile(binary.right())) {
          yield false;
        }
        steps.add(new ArithmeticProgram.Apply(op));
        operations++;
        yield ArithmeticProgram.supports(op, type);
      }
      case ColumnRef column -> load(column, null);
      case CastExpr cast when cast.input() instanceof ColumnRef column -> load(column, cast.type());
      case Literal literal when literal.value() != null -> {
        if (!agree(literal.type())) {
          yield false;
        }
        steps.add(new ArithmeticProgram.Constant((Number) ExpressionEvaluator.value(literal)));
        yield true;
      }
      default -> false;
    };
  }

  private boolean load(ColumnRef reference, DataType castTo) {
    Column column = evaluator.batchColumn(reference.columnName());
    if (!(column instanceof FixedWidthColumn fixed)) {
      return false;
    }
    DataType target = castTo == null ? column.type() : castTo;
    if (!agree(target)
        || (!column.type().equals(target) && !NumericWidening.supports(column.type(), target))) {
      return false;
    }
    steps.add(new ArithmeticProgram.Load(fixed));
    loads++;
    return true;
  }

  private boolean agree(DataType leafType) {
    if (type == null) {
      type = leafType;
    }
    return type.equals(leafType);
  }

  private static ArithmeticOp kernelOp(BinaryOp op) {
    return switch (op) {
      case ADD -> ArithmeticOp.ADD;
      case SUB -> ArithmeticOp.SUB;
      case MUL -> ArithmeticOp.MUL;
      case DIV -> ArithmeticOp.DIV;
      default -> null;
    };
  }
}
