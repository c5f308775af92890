package dev.floe.planner.expr;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Schema;
import java.util.List;

/**
 * Bottom-up typing of one expanded expression: returns the tree with explicit casts and typed
 * literals, its type, and whether it is a scalar. Aliases and name maps are dropped (the name is
 * computed separately).
 */
final class Typing {
  /** A typed sub-tree. */
  record Typed(Expr expr, DataType type, boolean scalar) {}

  private final Schema schema;

  Typing(Schema schema) {
    this.schema = schema;
  }

  Typed type(Expr expr) {
    return switch (expr) {
      case ColumnRef column -> {
        if (!schema.contains(column.columnName())) {
          throw new ColumnNotFoundException(column.columnName(), schema.names());
        }
        yield new Typed(column, schema.field(column.columnName()).type(), false);
      }
      case Literal literal -> new Typed(literal, literal.type(), true);
      case FrameLength length -> new Typed(length, DataType.UINT32, true);

      case Alias alias -> type(alias.input());
      case NameMap map -> type(map.input());
      case Selector selector ->
          throw new InvalidOperationException("unexpanded selector " + selector + " (a bug)");
      case Binary binary -> binary(binary);
      case Unary unary -> unary(unary);
      case CastExpr cast -> {
        Typed input = type(cast.input());
        yield new Typed(
            new CastExpr(input.expr(), cast.type(), cast.strict()), cast.type(), input.scalar());
      }
      case FillNullExpr fill -> new ConditionalTyping(this).fillNull(fill);
      case Ternary ternary -> new ConditionalTyping(this).ternary(ternary);
      case IsIn isIn -> new ConditionalTyping(this).isIn(isIn);
      case IsBetween between -> new ConditionalTyping(this).isBetween(between);
      case MathExpr math -> math(math);
      case StringFunction string -> new StringTyping(this).type(string);
      case ConcatStr concat -> {
        java.util.List<Expr> inputs = new java.util.ArrayList<>();
        boolean scalar = true;
        for (Expr input : concat.inputs()) {
          Typed typed = type(input);
          if (!typed.type().isString()) {
            throw new InvalidOperationException(
                "concatStr needs string inputs (cast first), got " + typed.type() + " from "
                    + input + " in " + concat);
          }
          inputs.add(typed.expr());
          scalar &= typed.scalar();
        }
        yield new Typed(new ConcatStr(inputs, concat.separator()), DataType.UTF8, scalar);
      }
      case Round round -> {
        Typed input = numeric(round.input(), round, "round");
        yield input.type().isFloatingPoint()
            ? new Typed(new Round(input.expr(), round.decimals()), input.type(), input.scalar())
            : input;
      }
      case Clip clip -> {
        Typed decimal = DecimalTyping.clip(type(clip.input()), clip);
        if (decimal != null) {
          yield decimal;
        }
        Typed input = numeric(clip.input(), clip, "clip");
        Object lower = convert(clip.lower(), input.type(), clip);
        Object upper = convert(clip.upper(), input.type(), clip);
        yield new Typed(new Clip(input.expr(), lower, upper), input.type(), input.scalar());
      }
      case Agg agg -> Aggregations.type(agg, type(agg.input()));
      case Correlation corr -> Correlation.type(corr, type(corr.a()), type(corr.b()));
      case TemporalFunction temporal -> new TemporalTyping(this).type(temporal);
      case SequenceFunction sequence -> new SequenceTyping(this).type(sequence);
      case ReshapeFunction reshape -> new ReshapeTyping(this).type(reshape);
      case Window window -> new WindowTyping(this).type(window);
    };
  }

  private Typed binary(Binary binary) {
    Typed left = type(binary.left());
    Typed right = type(binary.right());
    boolean scalar = left.scalar() && right.scalar();
    Typed temporal = TemporalTyping.binary(binary, left, right);
    if (temporal != null) {
      return temporal;
    }
    Typed numeric = NumericRules.binary(binary, left, right, scalar);
    if (numeric != null) {
      return numeric;
    }
    DataType common = commonType(left, right);
    if (binary.op() == BinaryOp.ADD && left.type().isString() && right.type().isString()) {
      // Polars concatenates strings with + (a null on either side gives null)
      return new Typed(
          new ConcatStr(List.of(left.expr(), right.expr()), ""), DataType.UTF8, scalar);
    }
    return switch (binary.op().kind()) {
      case ARITHMETIC -> {
        if (common == null
            || !(isArithmetic(left.type()) && isArithmetic(right.type()))
            || common instanceof DataType.BooleanType) {
          throw new InvalidOperationException(
              arithmeticMessage(binary.op(), left.type(), right.type()) + " in " + binary);
        }
        DataType result = common;
        if (binary.op() == BinaryOp.DIV && !common.isFloatingPoint()) {
          result = DataType.FLOAT64;
        }
        yield new Typed(
            new Binary(NumericRules.castVia(left, common, result), binary.op(),
                NumericRules.castVia(right, common, result)),
            result, scalar);
      }
      case COMPARISON -> {
        DataType categorical = categoricalComparison(left.type(), right.type());
        if (categorical != null) {
          common = categorical;
        }
        if (common == null || (common instanceof DataType.NullType)) {
          if (common == null) {
            throw new InvalidOperationException(
                "cannot compare " + left.type() + " with " + right.type() + " in " + binary);
          }
          common = DataType.INT32;
        }
        if (common.isNested()) {
          throw new InvalidOperationException(
              "cannot compare values of type " + common + " in " + binary);
        }
        yield new Typed(
            new Binary(cast(left, common), binary.op(), cast(right, common)),
            DataType.BOOLEAN,
            scalar);
      }
      case BOOLEAN -> {
        if (!isBooleanOrNull(left.type()) || !isBooleanOrNull(right.type())) {
          throw new InvalidOperationException(
              "cannot " + binary.op().verb() + " " + left.type() + " with " + right.type()
                  + " (both sides must be bool) in " + binary);
        }
        yield new Typed(
            new Binary(cast(left, DataType.BOOLEAN), binary.op(), cast(right, DataType.BOOLEAN)),
            DataType.BOOLEAN,
            scalar);
      }
    };
  }

  /**
   * A categorical compared with a string or another categorical compares as strings (Polars
   * compares {@code pl.Categorical} with {@code str} by value): the categorical side is cast to its
   * values' type. Null when neither side is a categorical of strings.
   */
  private static DataType categoricalComparison(DataType left, DataType right) {
    boolean leftCat = left instanceof DataType.Dictionary dictionary && dictionary.valueType().isString();
    boolean rightCat = right instanceof DataType.Dictionary dictionary && dictionary.valueType().isString();
    if (!leftCat && !rightCat) {
      return null;
    }
    DataType leftValues = leftCat ? ((DataType.Dictionary) left).valueType() : left;
    DataType rightValues = rightCat ? ((DataType.Dictionary) right).valueType() : right;
    if (rightValues instanceof DataType.NullType) {
      return leftValues;
    }
    if (leftValues instanceof DataType.NullType) {
      return rightValues;
    }
    return leftValues.isString() && rightValues.isString() ? leftValues : null;
  }

  private static String arithmeticMessage(BinaryOp op, DataType left, DataType right) {
    return switch (op) {
      case ADD -> "cannot add " + right + " to " + left;
      case SUB -> "cannot subtract " + right + " from " + left;
      case POW -> "cannot raise " + left + " to the power of " + right;
      default -> "cannot " + op.verb() + " " + left + " by " + right;
    };
  }

  private static boolean isArithmetic(DataType type) {
    return type.isNumeric() || type instanceof DataType.NullType;
  }

  static boolean isBooleanOrNull(DataType type) {
    return type instanceof DataType.BooleanType || type instanceof DataType.NullType;
  }

  /**
   * The supertype of two operands, where a dynamic literal adopts the other side's type (an int
   * literal any numeric type, a float literal any float type) as Polars does.
   */
  static DataType commonType(Typed left, Typed right) {
    DataType adopted = adopt(left, right);
    if (adopted != null) {
      return adopted;
    }
    adopted = adopt(right, left);
    if (adopted != null) {
      return adopted;
    }
    if (left.type().isString() && right.type().isString()) {
      // a string literal takes the column's layout (Utf8View, LargeUtf8): no cast of the column
      return left.expr() instanceof Literal ? right.type() : left.type();
    }
    return Supertypes.of(left.type(), right.type());
  }

  private static DataType adopt(Typed literalSide, Typed other) {
    Literal literal = DynamicLiterals.dynamic(literalSide.expr());
    if (literal == null || DynamicLiterals.dynamic(other.expr()) != null) {
      return null;
    }
    if (literal.type().isInteger() && other.type().isNumeric()) {
      // u32 * -1 is i64 in Polars, u8 + 300 is u16: see DynamicLiterals.
      return DynamicLiterals.materialize(DynamicLiterals.integer(literal), other.type());
    }
    if (literal.type().isFloatingPoint() && other.type().isFloatingPoint()) {
      return other.type();
    }
    return null;
  }

  /** {@code typed} as {@code target}: unchanged, a retyped literal, or an explicit cast. */
  static Expr cast(Typed typed, DataType target) {
    if (typed.expr() instanceof Literal literal) {
      return Literal.typed(LiteralValues.convert(literal.value(), target), target);
    }
    if (DynamicLiterals.isWrapped(typed.expr()) && !typed.type().equals(target)) {
      return new CastExpr(typed.expr(), target, false); // Polars: -1 in u16 * lit(1).neg() is null
    }
    if (typed.type().equals(target)) {
      return typed.expr();
    }
    // Polars' implicit casts are not strict: u64 + -2 is i64, and a u64 above i64's range is null
    boolean strict = !(typed.type() instanceof DataType.UInt64 && target instanceof DataType.Int64);
    return new CastExpr(typed.expr(), target, strict);
  }

  private Typed unary(Unary unary) {
    Typed input = type(unary.input());
    return switch (unary.op()) {
      case NEG, ABS -> {
        if (input.type() instanceof DataType.Decimal128) {
          yield new Typed(new Unary(unary.op(), input.expr()), input.type(), input.scalar());
        }
        if (input.type() instanceof DataType.Duration) {
          // on the physical i64, as Polars does: -duration and duration.abs() keep the unit
          Expr physical = new Unary(unary.op(), new CastExpr(input.expr(), DataType.INT64, true));
          yield new Typed(new CastExpr(physical, input.type(), true), input.type(), input.scalar());
        }
        Typed checked = numeric(unary.input(), unary, unary.op().method());
        yield new Typed(new Unary(unary.op(), checked.expr()), checked.type(), checked.scalar());
      }
      case NOT -> {
        if (!isBooleanOrNull(input.type())) {
          throw new InvalidOperationException(
              "cannot apply not() to " + input.type() + " (bool needed) in " + unary);
        }
        yield new Typed(
            new Unary(UnaryOp.NOT, cast(input, DataType.BOOLEAN)), DataType.BOOLEAN, input.scalar());
      }
      case IS_NULL, IS_NOT_NULL ->
          new Typed(new Unary(unary.op(), input.expr()), DataType.BOOLEAN, input.scalar());
      case IS_NAN, IS_FINITE -> {
        if (!input.type().isNumeric()) {
          throw new InvalidOperationException(
              "cannot apply " + unary.op().method() + "() to " + input.type()
                  + " (a number needed) in " + unary);
        }
        DataType floating = input.type().isFloatingPoint() ? input.type() : DataType.FLOAT64;
        yield new Typed(
            new Unary(unary.op(), cast(input, floating)), DataType.BOOLEAN, input.scalar());
      }
    };
  }

  Typed numeric(Expr input, Expr whole, String operation) {
    Typed typed = type(input);
    if (!typed.type().isNumeric()) {
      throw new InvalidOperationException(
          "cannot apply " + operation + " to " + typed.type() + " in " + whole);
    }
    return typed;
  }

  private Typed math(MathExpr math) {
    Typed input = numeric(math.input(), math, math.function().method() + "()");
    if (input.type().isInteger() && math.function().keepsIntegers()) {
      return math.function() == MathFunction.SIGN
          ? new Typed(new MathExpr(MathFunction.SIGN, input.expr()), input.type(), input.scalar())
          : input;
    }
    DataType floating = input.type().isFloatingPoint() ? input.type() : DataType.FLOAT64;
    return new Typed(
        new MathExpr(math.function(), cast(input, floating)), floating, input.scalar());
  }

  private static Object convert(Object bound, DataType type, Expr whole) {
    if (bound == null) {
      return null;
    }
    try {
      return LiteralValues.convert(bound, type);
    } catch (InvalidOperationException invalid) {
      throw new InvalidOperationException(invalid.getMessage() + " in " + whole, invalid);
    }
  }
}
