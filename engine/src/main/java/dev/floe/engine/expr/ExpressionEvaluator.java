package dev.floe.engine.expr;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.ComputeException;
import dev.floe.errors.FloeException;
import dev.floe.errors.FloeOutOfMemoryException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.kernels.Arithmetic;
import dev.floe.kernels.Broadcast;
import dev.floe.kernels.Cast;
import dev.floe.kernels.Compare;
import dev.floe.kernels.IfThenElse;
import dev.floe.kernels.Strings;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Agg;
import dev.floe.planner.expr.Correlation;
import dev.floe.planner.expr.Alias;
import dev.floe.planner.expr.Binary;
import dev.floe.planner.expr.CastExpr;
import dev.floe.planner.expr.Clip;
import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.ConcatStr;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.expr.FillNullExpr;
import dev.floe.planner.expr.FrameLength;
import dev.floe.planner.expr.IsBetween;
import dev.floe.planner.expr.IsIn;
import dev.floe.planner.expr.Literal;
import dev.floe.planner.expr.MathExpr;
import dev.floe.planner.expr.NameMap;
import dev.floe.planner.expr.ReshapeFunction;
import dev.floe.planner.expr.Round;
import dev.floe.planner.expr.Selector;
import dev.floe.planner.expr.SequenceFunction;
import dev.floe.planner.expr.StringFunction;
import dev.floe.planner.expr.TemporalFunction;
import dev.floe.planner.expr.Ternary;
import dev.floe.planner.expr.Unary;
import dev.floe.planner.expr.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a resolved expression ({@link dev.floe.planner.expr.Resolver}) over a record batch with
 * the kernels. The result is a new column the caller closes, of the length the expression gives:
 * the batch's, 1 for a scalar (a reduction or a literal, which callers broadcast), or any other for
 * a length-changing function ({@link ReshapeFunction}); operands meet at their common length
 * ({@link Broadcasting}). Intermediate columns are closed as soon as they are consumed, also when
 * a kernel fails.
 *
 * <p>Errors keep their kind and gain the expression's text: {@code ... in col("a") / col("b")}.
 */
public final class ExpressionEvaluator {
  private final RecordBatch batch;
  private final BufferAllocator allocator;
  private final WindowGroups windows;

  private ExpressionEvaluator(RecordBatch batch, BufferAllocator allocator) {
    this(batch, allocator, new WindowGroups());
  }

  private ExpressionEvaluator(RecordBatch batch, BufferAllocator allocator, WindowGroups windows) {
    this.batch = batch;
    this.allocator = allocator;
    this.windows = windows;
  }

  /**
   * {@link #evaluate(RecordBatch, Expr, BufferAllocator)} sharing {@code windows}' groups with the
   * other expressions of one projection over the same {@code batch}.
   */
  public static Column evaluate(
      RecordBatch batch, Expr resolvedExpr, BufferAllocator allocator, WindowGroups windows) {
    try {
      return new ExpressionEvaluator(batch, allocator, windows).eval(resolvedExpr);
    } catch (RuntimeException failure) {
      throw withExpression(failure, resolvedExpr);
    }
  }

  /** The column {@code resolvedExpr} computes over {@code batch}; the caller closes it. */
  public static Column evaluate(RecordBatch batch, Expr resolvedExpr, BufferAllocator allocator) {
    try {
      return new ExpressionEvaluator(batch, allocator).eval(resolvedExpr);
    } catch (RuntimeException failure) {
      throw withExpression(failure, resolvedExpr);
    }
  }

  private static RuntimeException withExpression(RuntimeException failure, Expr expr) {
    String message = failure.getMessage() + " (in " + expr + ")";
    return switch (failure) {
      case ColumnNotFoundException notFound -> notFound;
      case FloeOutOfMemoryException outOfMemory -> outOfMemory;
      case InvalidOperationException invalid -> new InvalidOperationException(message, invalid);
      case dev.floe.errors.ShapeMismatchException shape ->
          new dev.floe.errors.ShapeMismatchException(message, shape);
      case FloeException other -> new ComputeException(message, other);
      case UnsupportedOperationException unsupported ->
          new InvalidOperationException("not supported yet: " + message, unsupported);
      default -> new ComputeException(message, failure);
    };
  }

  /**
   * True when {@code expr} is a scalar in Polars' sense (literals, reductions, and
   * sort/reverse/unique of a scalar): one row whatever the batch, broadcast by {@code select}. Lengths are otherwise
   * dynamic: see {@link Broadcasting}.
   */
  public static boolean isScalar(Expr expr) {
    return switch (expr) {
      case Literal literal -> true;
      case FrameLength length -> true;
      case Agg agg -> true;
      case Correlation corr -> true;
      case Window window -> false;
      case ColumnRef column -> false;
      case Selector selector -> false;
      case ReshapeFunction reshape -> reshape.op().keepsScalar() && isScalar(reshape.input());
      default -> ExprTrees.children(expr).stream().allMatch(ExpressionEvaluator::isScalar);
    };
  }

  Column eval(Expr expr) {
    return switch (expr) {
      case ColumnRef column -> batch.column(column.columnName()).share();
      case Literal literal -> Broadcast.constant(value(literal), literal.type(), 1, allocator);
      case FrameLength length ->
          Broadcast.constant(batch.rowCount(), DataType.UINT32, 1, allocator);
      case Alias alias -> eval(alias.input());
      case NameMap map -> eval(map.input());
      case Selector selector ->
          throw new InvalidOperationException("unexpanded selector " + selector + " (a bug)");
      case Binary binary -> {
        Column fused = FusedArithmetic.tryEvaluate(this, binary);
        yield fused != null ? fused : new BinaryEvaluation(this).evaluate(binary);
      }
      case Unary unary -> unary(unary);
      case CastExpr cast -> {
        try (Column input = eval(cast.input())) {
          yield input.type().equals(cast.type())
              ? input.share()
              : Cast.cast(input, cast.type(), cast.strict(), allocator);
        }
      }
      case FillNullExpr fill -> new FillNullEvaluation(this).evaluate(fill);
      case Ternary ternary -> ternary(ternary);
      case IsIn isIn -> isIn(isIn);
      case IsBetween between -> new BinaryEvaluation(this).isBetween(between);
      case MathExpr math -> {
        try (Column input = eval(math.input())) {
          yield Arithmetic.math(
              input, Arithmetic.MathOp.valueOf(math.function().name()), allocator);
        }
      }
      case StringFunction string -> new StringEvaluation(this).evaluate(string);
      case ConcatStr concat -> concatStr(concat);
      case Round round -> {
        try (Column input = eval(round.input())) {
          yield Arithmetic.round(input, round.decimals(), allocator);
        }
      }
      case Clip clip -> {
        try (Column input = eval(clip.input())) {
          yield Arithmetic.clip(input, clip.lower(), clip.upper(), allocator);
        }
      }
      case Agg agg -> AggregateEvaluation.evaluate(this, agg);
      case Correlation corr -> CorrelationEvaluation.evaluate(this, corr);
      case TemporalFunction temporal -> new TemporalEvaluation(this).evaluate(temporal);
      case SequenceFunction sequence -> new SequenceEvaluation(this).evaluate(sequence);
      case ReshapeFunction reshape -> new ReshapeEvaluation(this).evaluate(reshape);
      case Window window -> WindowEvaluation.evaluate(this, window);
    };
  }

  private Column unary(Unary unary) {
    try (Column input = eval(unary.input())) {
      return switch (unary.op()) {
        case NEG -> Arithmetic.negate(input, allocator);
        case ABS -> Arithmetic.abs(input, allocator);
        case NOT -> dev.floe.kernels.BooleanOps.not(asBoolean(input), allocator);
        case IS_NULL -> Compare.isNull(input, allocator);
        case IS_NOT_NULL -> Compare.isNotNull(input, allocator);
        case IS_NAN -> Compare.isNan(input, allocator);
        case IS_FINITE -> Compare.isFinite(input, allocator);
      };
    }
  }

  private Column concatStr(ConcatStr concat) {
    List<Column> inputs = Broadcasting.evalCommon(this, concat, concat.inputs());
    try {
      return Strings.concat(inputs, concat.separator(), allocator);
    } finally {
      for (Column input : inputs) {
        input.close();
      }
    }
  }

  /** Picks, per row, the value of the first branch whose condition is true (built back to front). */
  private Column ternary(Ternary ternary) {
    List<Ternary.Branch> branches = ternary.branches();
    List<Expr> parts = new ArrayList<>();
    parts.add(ternary.otherwise());
    for (Ternary.Branch branch : branches) {
      parts.add(branch.condition());
      parts.add(branch.value());
    }
    List<Column> columns = Broadcasting.evalCommon(this, ternary, parts);
    Column result = columns.getFirst().share();
    try {
      for (int index = branches.size() - 1; index >= 0; index--) {
        try (Column otherwise = result) {
          result = null;
          Column condition = columns.get(1 + 2 * index);
          result = IfThenElse.select(
              asBoolean(condition), columns.get(2 + 2 * index), otherwise, allocator);
        }
      }
      return result;
    } catch (RuntimeException failure) {
      if (result != null) {
        result.close();
      }
      throw failure;
    } finally {
      columns.forEach(Column::close);
    }
  }

  private Column isIn(IsIn isIn) {
    List<Object> values = new ArrayList<>();
    isIn.values().forEach(value -> values.add(value.value()));
    try (Column input = eval(isIn.input());
        Column set = JavaValues.toColumn(allocator, input.type(), values)) {
      return Compare.isIn(input, set, allocator);
    }
  }

  // ---- helpers shared with the evaluation classes ----

  BufferAllocator allocator() {
    return allocator;
  }

  /** The window groups shared by the expressions of this projection. */
  WindowGroups windowGroups() {
    return windows;
  }

  int rowCount() {
    return batch.rowCount();
  }

  /** The batch's column {@code name}, not shared: the caller must not close it. */
  Column batchColumn(String name) {
    return batch.column(name);
  }

  /** {@code expr} evaluated and, when it is a scalar but {@code length} is not 1, broadcast. */
  Column evalAt(Expr expr, int length) {
    if (expr instanceof Literal literal) {
      return Broadcast.constant(value(literal), literal.type(), length, allocator);
    }
    Column column = eval(expr);
    if (column.length() == length) {
      return column;
    }
    try (column) {
      return broadcast(column, length);
    }
  }

  /** A length-1 column repeated {@code length} times. */
  Column broadcast(Column single, int length) {
    if (single.length() != 1) {
      throw new dev.floe.errors.ShapeMismatchException(
          "cannot broadcast a column of length " + single.length() + " to " + length + " rows");
    }
    return Projection.repeat(single, length, allocator);
  }

  /** A literal's value as the exact Java class of its type (a dynamic literal's Long as an Integer). */
  static Object value(Literal literal) {
    return dev.floe.planner.expr.LiteralValues.convert(literal.value(), literal.type());
  }

  static BooleanColumn asBoolean(Column column) {
    if (column instanceof BooleanColumn bool) {
      return bool;
    }
    throw new InvalidOperationException("expected a bool column, got " + column.type());
  }
}
