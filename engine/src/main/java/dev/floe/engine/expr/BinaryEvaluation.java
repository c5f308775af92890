package dev.floe.engine.expr;

import dev.floe.kernels.Arithmetic;
import dev.floe.kernels.ArithmeticOp;
import dev.floe.kernels.BooleanOps;
import dev.floe.kernels.Compare;
import dev.floe.kernels.CompareOp;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.planner.expr.Binary;
import dev.floe.planner.expr.BinaryOp;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.IsBetween;
import dev.floe.planner.expr.Literal;
import java.util.List;

/**
 * Binary expressions: a non-null literal operand goes to the kernels' scalar overloads (no
 * broadcast column); otherwise both sides are evaluated and a length-1 side is broadcast to the
 * other's length ({@link Broadcasting}).
 */
final class BinaryEvaluation {
  private final ExpressionEvaluator evaluator;
  private final BufferAllocator allocator;

  BinaryEvaluation(ExpressionEvaluator evaluator) {
    this.evaluator = evaluator;
    this.allocator = evaluator.allocator();
  }

  Column evaluate(Binary binary) {
    return switch (binary.op().kind()) {
      case ARITHMETIC -> arithmetic(binary, ArithmeticOp.valueOf(binary.op().name()));
      case COMPARISON -> comparison(binary);
      case BOOLEAN -> logical(binary);
    };
  }

  /** Both operands at their common length (dynamic, as Polars: a length-1 side broadcasts). */
  private List<Column> operands(Binary binary) {
    return Broadcasting.evalCommon(evaluator, binary, List.of(binary.left(), binary.right()));
  }

  private static Literal nonNullLiteral(Expr expr) {
    return expr instanceof Literal literal && literal.value() != null ? literal : null;
  }

  private Column arithmetic(Binary binary, ArithmeticOp op) {
    Literal right = nonNullLiteral(binary.right());
    if (right != null && !ExpressionEvaluator.isScalar(binary.left())) {
      try (Column left = evaluator.eval(binary.left())) {
        return Arithmetic.binaryScalar(left, ExpressionEvaluator.value(right), op, allocator);
      }
    }
    if (ExpressionEvaluator.isScalar(binary.right()) && !ExpressionEvaluator.isScalar(binary.left())) {
      return ScalarOperand.arithmetic(evaluator, binary, op);
    }
    Literal left = nonNullLiteral(binary.left());
    if (left != null && !ExpressionEvaluator.isScalar(binary.right())) {
      try (Column rightColumn = evaluator.eval(binary.right())) {
        return Arithmetic.scalarBinary(ExpressionEvaluator.value(left), rightColumn, op, allocator);
      }
    }
    List<Column> operands = operands(binary);
    try (Column leftColumn = operands.get(0);
        Column rightColumn = operands.get(1)) {
      return Arithmetic.binary(leftColumn, rightColumn, op, allocator);
    }
  }

  private Column comparison(Binary binary) {
    if (binary.op() == BinaryOp.EQ_MISSING) {
      List<Column> operands = operands(binary);
      try (Column left = operands.get(0);
          Column right = operands.get(1)) {
        return Compare.eqMissing(left, right, allocator);
      }
    }
    CompareOp op = CompareOp.valueOf(binary.op().name());
    Literal right = nonNullLiteral(binary.right());
    if (right != null && !ExpressionEvaluator.isScalar(binary.left())) {
      Column categorical = CategoricalComparison.tryCompare(evaluator, binary.left(),
          ExpressionEvaluator.value(right), op, allocator);
      if (categorical != null) {
        return categorical;
      }
      try (Column left = evaluator.eval(binary.left())) {
        return Compare.compareScalar(left, ExpressionEvaluator.value(right), op, allocator);
      }
    }
    Literal left = nonNullLiteral(binary.left());
    if (left != null && !ExpressionEvaluator.isScalar(binary.right())) {
      Column categorical = CategoricalComparison.tryCompare(evaluator, binary.right(),
          ExpressionEvaluator.value(left), flip(op), allocator);
      if (categorical != null) {
        return categorical;
      }
      try (Column rightColumn = evaluator.eval(binary.right())) {
        return Compare.compareScalar(rightColumn, ExpressionEvaluator.value(left), flip(op), allocator);
      }
    }
    List<Column> operands = operands(binary);
    try (Column leftColumn = operands.get(0);
        Column rightColumn = operands.get(1)) {
      return Compare.compare(leftColumn, rightColumn, op, allocator);
    }
  }

  /** The operator with its operands swapped: {@code 1 < x} is {@code x > 1}. */
  static CompareOp flip(CompareOp op) {
    return switch (op) {
      case EQ, NE -> op;
      case LT -> CompareOp.GT;
      case LE -> CompareOp.GE;
      case GT -> CompareOp.LT;
      case GE -> CompareOp.LE;
    };
  }

  private Column logical(Binary binary) {
    List<Column> operands = operands(binary);
    try (Column left = operands.get(0);
        Column right = operands.get(1)) {
      BooleanColumn leftBool = ExpressionEvaluator.asBoolean(left);
      BooleanColumn rightBool = ExpressionEvaluator.asBoolean(right);
      return switch (binary.op()) {
        case AND -> BooleanOps.and(leftBool, rightBool, allocator);
        case OR -> BooleanOps.or(leftBool, rightBool, allocator);
        default -> BooleanOps.xor(leftBool, rightBool, allocator);
      };
    }
  }

  Column isBetween(IsBetween between) {
    Literal lower = nonNullLiteral(between.lower());
    Literal upper = nonNullLiteral(between.upper());
    if (lower != null && upper != null) {
      try (Column input = evaluator.eval(between.input())) {
        return Compare.isBetween(
            input,
            ExpressionEvaluator.value(lower),
            ExpressionEvaluator.value(upper),
            between.lowerInclusive(),
            between.upperInclusive(),
            allocator);
      }
    }
    Binary lowerTest =
        new Binary(
            between.lower(), between.lowerInclusive() ? BinaryOp.LE : BinaryOp.LT, between.input());
    Binary upperTest =
        new Binary(
            between.input(), between.upperInclusive() ? BinaryOp.LE : BinaryOp.LT, between.upper());
    return logical(new Binary(lowerTest, BinaryOp.AND, upperTest));
  }
}
