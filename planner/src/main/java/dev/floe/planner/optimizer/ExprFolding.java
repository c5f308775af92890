package dev.floe.planner.optimizer;

import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Alias;
import dev.floe.planner.expr.Binary;
import dev.floe.planner.expr.BinaryOp;
import dev.floe.planner.expr.CastExpr;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.expr.Literal;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.expr.Unary;
import dev.floe.planner.expr.UnaryOp;
import java.util.EnumSet;
import java.util.Set;

/**
 * The expression half of {@link ConstantFolding}: folds literal-only subexpressions and applies
 * identities, bottom-up, through {@link Binary}, {@link Unary}, {@link CastExpr} and {@link Alias}
 * only (other nodes are left as they are). Every fold here is one whose value and type Floe's
 * kernels and typing agree on; anything else is skipped:
 *
 * <ul>
 *   <li>{@code + - *} of two dynamic integer literals (exact; an overflow is not folded), as the
 *       {@link Resolver} itself folds them for typing; {@code + - *} of two dynamic floats; no
 *       division, floor division, modulo or power (zero divisors, f64 promotion);
 *   <li>comparisons of two non-null dynamic numbers of one kind (not NaN, which Polars orders, nor
 *       {@code -0.0});
 *   <li>{@code & |} of two non-null bool literals, {@code not} of one, {@code isNull}/{@code
 *       isNotNull} of any literal, a cast of a dynamic integer to i64, or to f64 when exact;
 *   <li>{@code x & true}, {@code x | false}, {@code not(not(x))} for a bool {@code x};
 *       {@code x * 1}, {@code 1 * x}, {@code x - 0}, {@code x / 1} for an integer or float {@code x} and
 *       {@code x + 0} for an integer {@code x} ({@code -0.0 + 0} is {@code 0.0}), only when the
 *       result keeps {@code x}'s type ({@code i64 * 1.0} is f64: kept), and only for an {@code x}
 *       that reads a column ({@code lit(5).neg() * 1} may be typed as a dynamic literal).
 * </ul>
 *
 * {@code x & false} and {@code x | true} are not folded here: the literal would change a column into
 * a scalar (one row in a select); {@link ConstantFolding} applies them to filter predicates only.
 */
final class ExprFolding {
  private static final Set<BinaryOp> COMMUTATIVE =
      EnumSet.of(BinaryOp.AND, BinaryOp.OR, BinaryOp.ADD, BinaryOp.MUL);

  private final Resolver resolver;

  ExprFolding(Resolver resolver) {
    this.resolver = resolver;
  }

  Expr fold(Expr expr) {
    return switch (expr) {
      case Binary binary -> {
        Expr left = fold(binary.left());
        Expr right = fold(binary.right());
        Expr rebuilt = left == binary.left() && right == binary.right()
            ? binary : new Binary(left, binary.op(), right);
        yield simplify(foldBinary(rebuilt));
      }
      case Unary unary -> {
        Expr input = fold(unary.input());
        yield foldUnary(input == unary.input() ? unary : new Unary(unary.op(), input));
      }
      case CastExpr cast -> {
        Expr input = fold(cast.input());
        yield foldCast(input == cast.input() ? cast : new CastExpr(input, cast.type(), cast.strict()));
      }
      case Alias alias -> {
        Expr input = fold(alias.input());
        yield input == alias.input() ? alias : new Alias(input, alias.outputName());
      }
      default -> expr;
    };
  }

  private static Expr foldBinary(Expr expr) {
    if (!(expr instanceof Binary binary) || !(binary.left() instanceof Literal a)
        || !(binary.right() instanceof Literal b) || a.value() == null || b.value() == null) {
      return expr;
    }
    BinaryOp op = binary.op();
    if (op == BinaryOp.AND || op == BinaryOp.OR) {
      if (a.value() instanceof Boolean x && b.value() instanceof Boolean y
          && DataType.BOOLEAN.equals(a.type()) && DataType.BOOLEAN.equals(b.type())) {
        return Literal.of(op == BinaryOp.AND ? x && y : x || y);
      }
      return expr;
    }
    if (!a.dynamic() || !b.dynamic()) {
      return expr;
    }
    boolean integers = a.type().isInteger() && b.type().isInteger();
    boolean floats = a.type().isFloatingPoint() && b.type().isFloatingPoint();
    if (!integers && !floats) {
      return expr;
    }
    if (integers) {
      long x = ((Number) a.value()).longValue();
      long y = ((Number) b.value()).longValue();
      try {
        return switch (op) {
          case ADD -> Literal.of(Math.addExact(x, y));
          case SUB -> Literal.of(Math.subtractExact(x, y));
          case MUL -> Literal.of(Math.multiplyExact(x, y));
          default -> compare(op, Long.compare(x, y), expr);
        };
      } catch (ArithmeticException overflow) {
        return expr;
      }
    }
    double x = ((Number) a.value()).doubleValue();
    double y = ((Number) b.value()).doubleValue();
    return switch (op) {
      case ADD -> Literal.of(x + y);
      case SUB -> Literal.of(x - y);
      case MUL -> Literal.of(x * y);
      default -> Double.isNaN(x) || Double.isNaN(y) || isNegativeZero(x) || isNegativeZero(y) ? expr
          : compare(op, x < y ? -1 : x > y ? 1 : 0, expr);
    };
  }

  private static boolean isNegativeZero(double value) {
    return Double.doubleToRawLongBits(value) == Long.MIN_VALUE;
  }

  private static Expr compare(BinaryOp op, int order, Expr unfolded) {
    return switch (op) {
      case EQ -> Literal.of(order == 0);
      case NE -> Literal.of(order != 0);
      case LT -> Literal.of(order < 0);
      case LE -> Literal.of(order <= 0);
      case GT -> Literal.of(order > 0);
      case GE -> Literal.of(order >= 0);
      default -> unfolded;
    };
  }

  private Expr foldUnary(Expr expr) {
    if (!(expr instanceof Unary unary)) {
      return expr;
    }
    if (unary.op() == UnaryOp.NOT && unary.input() instanceof Unary inner && inner.op() == UnaryOp.NOT
        && DataType.BOOLEAN.equals(type(inner.input()))) {
      return inner.input();
    }
    if (unary.input() instanceof Literal literal) {
      return switch (unary.op()) {
        case IS_NULL -> Literal.of(literal.value() == null);
        case IS_NOT_NULL -> Literal.of(literal.value() != null);
        case NOT -> DataType.BOOLEAN.equals(literal.type()) && literal.value() instanceof Boolean value
            ? Literal.of(!value) : expr;
        default -> expr;
      };
    }
    return expr;
  }

  private static Expr foldCast(Expr expr) {
    if (expr instanceof CastExpr cast && cast.input() instanceof Literal literal && literal.dynamic()
        && literal.type().isInteger() && literal.value() instanceof Number number) {
      long value = number.longValue();
      if (DataType.INT64.equals(cast.type())) {
        return Literal.typed(value, DataType.INT64);
      }
      if (DataType.FLOAT64.equals(cast.type()) && Math.abs(value) <= (1L << 53)) {
        return Literal.typed((double) value, DataType.FLOAT64);
      }
    }
    return expr;
  }

  /** The identities of the class comment, on an already folded binary node. */
  private Expr simplify(Expr expr) {
    if (!(expr instanceof Binary binary)) {
      return expr;
    }
    Expr x = binary.left();
    Literal constant = binary.right() instanceof Literal right ? right : null;
    if (constant == null && binary.left() instanceof Literal left && !(binary.right() instanceof Literal)
        && COMMUTATIVE.contains(binary.op())) {
      x = binary.right();
      constant = left;
    }
    Object literal = constant == null ? null : constant.value();
    if (literal == null || ExprTrees.columnNames(x).isEmpty()) {
      return expr; // a literal-only x may be typed as a dynamic literal, which x alone is not
    }
    return switch (binary.op()) {
      case AND -> Boolean.TRUE.equals(literal) && isBoolean(binary, constant, x) ? x : expr;
      case OR -> Boolean.FALSE.equals(literal) && isBoolean(binary, constant, x) ? x : expr;
      case MUL, DIV -> isNumber(literal, 1) && keepsType(binary, x, false) ? x : expr;
      case SUB -> isNumber(literal, 0) && keepsType(binary, x, false) ? x : expr;
      case ADD -> isNumber(literal, 0) && keepsType(binary, x, true) ? x : expr;
      default -> expr;
    };
  }

  private static boolean isNumber(Object value, int number) {
    return (value instanceof Long || value instanceof Double) && ((Number) value).doubleValue() == number;
  }

  private boolean isBoolean(Binary binary, Literal constant, Expr x) {
    return DataType.BOOLEAN.equals(constant.type()) && DataType.BOOLEAN.equals(type(x))
        && DataType.BOOLEAN.equals(type(binary));
  }

  private boolean keepsType(Binary binary, Expr x, boolean integerOnly) {
    DataType type = type(x);
    boolean numeric = type != null && (type.isInteger() || !integerOnly && type.isFloatingPoint());
    return numeric && type.equals(type(binary));
  }

  /** The type of {@code expr} over the node's input, or null when it does not resolve alone. */
  DataType type(Expr expr) {
    try {
      return resolver.resolveOne(expr).type();
    } catch (RuntimeException unresolved) {
      return null;
    }
  }
}
