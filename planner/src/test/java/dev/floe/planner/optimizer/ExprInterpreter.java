package dev.floe.planner.optimizer;

import dev.floe.planner.expr.Agg;
import dev.floe.planner.expr.AggFunction;
import dev.floe.planner.expr.Alias;
import dev.floe.planner.expr.Binary;
import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.FrameLength;
import dev.floe.planner.expr.Literal;
import dev.floe.planner.expr.SequenceFunction;
import dev.floe.planner.expr.SequenceOp;
import dev.floe.planner.expr.Unary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Evaluates the few expressions the equivalence property generates (columns, literals, aliases,
 * {@code > < == + - * & |}, {@code not}, {@code isNull}, sum, mean, cumSum, len) over a
 * {@link PlanInterpreter.Frame}. Null semantics follow Polars: comparisons and arithmetic with a
 * null give null, {@code &} and {@code |} are Kleene.
 */
final class ExprInterpreter {
  private ExprInterpreter() {}

  /** A column's values, or one value that broadcasts. */
  record Value(List<Object> values, boolean scalar) {
    Object at(int row) {
      return scalar ? values.getFirst() : values.get(row);
    }
  }

  static Value eval(Expr expr, PlanInterpreter.Frame frame) {
    int height = frame.rows().size();
    return switch (expr) {
      case ColumnRef column -> {
        int index = frame.names().indexOf(column.columnName());
        yield new Value(frame.rows().stream().map(row -> row.get(index)).toList(), false);
      }
      case Literal literal -> new Value(Collections.singletonList(literal.value()), true);
      case Alias alias -> eval(alias.input(), frame);
      case FrameLength length -> new Value(List.of((long) height), true);
      case Binary binary -> binary(binary, eval(binary.left(), frame), eval(binary.right(), frame), height);
      case Unary unary -> {
        Value input = eval(unary.input(), frame);
        List<Object> out = new ArrayList<>();
        for (int row = 0; row < (input.scalar() ? 1 : height); row++) {
          Object value = input.at(row);
          out.add(switch (unary.op()) {
            case NOT -> value == null ? null : !(Boolean) value;
            case IS_NULL -> value == null;
            case ABS -> value == null ? null : value instanceof Double number ? (Object) Math.abs(number)
                : (Object) Math.abs(((Number) value).longValue());
            default -> throw new UnsupportedOperationException("the interpreter cannot evaluate " + unary);
          });
        }
        yield new Value(out, input.scalar());
      }
      case Agg agg ->
          new Value(Collections.singletonList(aggregate(agg.function(), eval(agg.input(), frame), height)), true);
      case SequenceFunction sequence when sequence.op() == SequenceOp.CUM_SUM -> {
        Value input = eval(sequence.input(), frame);
        List<Object> sums = new ArrayList<>();
        Object running = null;
        for (int row = 0; row < height; row++) {
          Object value = input.at(row);
          running = value == null ? running : running == null ? value : arithmetic("+", running, value);
          sums.add(value == null ? null : running);
        }
        yield new Value(sums, false);
      }
      default -> throw new UnsupportedOperationException("the interpreter cannot evaluate " + expr);
    };
  }

  private static Value binary(Binary binary, Value left, Value right, int height) {
    boolean scalar = left.scalar() && right.scalar();
    List<Object> out = new ArrayList<>();
    for (int row = 0; row < (scalar ? 1 : height); row++) {
      Object first = left.at(row);
      Object second = right.at(row);
      out.add(switch (binary.op()) {
        case AND -> Boolean.FALSE.equals(first) || Boolean.FALSE.equals(second) ? Boolean.FALSE
            : first == null || second == null ? null : Boolean.TRUE;
        case OR -> Boolean.TRUE.equals(first) || Boolean.TRUE.equals(second) ? Boolean.TRUE
            : first == null || second == null ? null : Boolean.FALSE;
        case GT -> first == null || second == null ? null : compare(first, second) > 0;
        case LT -> first == null || second == null ? null : compare(first, second) < 0;
        case EQ -> first == null || second == null ? null : compare(first, second) == 0;
        case ADD -> first == null || second == null ? null : arithmetic("+", first, second);
        case MUL -> first == null || second == null ? null : arithmetic("*", first, second);
        case SUB -> first == null || second == null ? null : arithmetic("-", first, second);
        default -> throw new UnsupportedOperationException("the interpreter cannot evaluate " + binary);
      });
    }
    return new Value(out, scalar);
  }

  private static Object aggregate(AggFunction function, Value input, int height) {
    List<Object> present = new ArrayList<>();
    for (int row = 0; row < (input.scalar() ? 1 : height); row++) {
      if (input.at(row) != null) {
        present.add(input.at(row));
      }
    }
    Object sum = present.stream().reduce(0L, (left, right) -> arithmetic("+", left, right));
    return switch (function) {
      case SUM -> sum;
      case MEAN -> present.isEmpty() ? null : ((Number) sum).doubleValue() / present.size();
      default -> throw new UnsupportedOperationException("the interpreter cannot evaluate " + function);
    };
  }

  private static Object arithmetic(String op, Object left, Object right) {
    if (left instanceof Long first && right instanceof Long second) {
      return switch (op) {
        case "+" -> first + second;
        case "-" -> first - second;
        default -> first * second;
      };
    }
    double first = ((Number) left).doubleValue();
    double second = ((Number) right).doubleValue();
    return switch (op) {
      case "+" -> first + second;
      case "-" -> first - second;
      default -> first * second;
    };
  }

  @SuppressWarnings("unchecked")
  static int compare(Object left, Object right) {
    if (left instanceof Number first && right instanceof Number second) {
      return Double.compare(first.doubleValue(), second.doubleValue());
    }
    return ((Comparable<Object>) left).compareTo(right);
  }
}
