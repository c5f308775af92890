package dev.floe.planner.optimizer;

import dev.floe.planner.expr.Agg;
import dev.floe.planner.expr.AggFunction;
import dev.floe.planner.expr.Alias;
import dev.floe.planner.expr.Binary;
import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.expr.FrameLength;
import dev.floe.planner.expr.Literal;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.expr.SequenceFunction;
import dev.floe.planner.expr.SequenceOp;
import dev.floe.planner.plan.Cache;
import dev.floe.planner.plan.Distinct;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.Scan;
import dev.floe.planner.plan.ScanSource;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.Slice;
import dev.floe.planner.plan.Sort;
import dev.floe.planner.plan.Union;
import dev.floe.planner.plan.WithColumns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A slow, row-list reference evaluator of logical plans, for the few expressions the equivalence
 * property generates (columns, literals, aliases, {@code > < == + * &}, sum, mean, cumSum, len).
 * Null semantics follow Polars: comparisons and arithmetic with a null give null, {@code &} is
 * Kleene, a filter keeps only true rows. Both sides of a comparison run here, so only consistency
 * matters, not matching the engine's types.
 */
final class PlanInterpreter {
  /** Named columns of rows. */
  record Frame(List<String> names, List<List<Object>> rows) {}

  /** A column's values, or one value that broadcasts. */
  private record Value(List<Object> values, boolean scalar) {
    Object at(int row) {
      return scalar ? values.getFirst() : values.get(row);
    }
  }

  private final Map<ScanSource, List<List<Object>>> tables;

  PlanInterpreter(Map<ScanSource, List<List<Object>>> tables) {
    this.tables = tables;
  }

  Frame run(LogicalPlan plan) {
    return switch (plan) {
      case Scan scan -> scan(scan);
      case Filter filter -> filter(run(filter.input()), expandOne(filter.predicate(), filter.input()));
      case Select select -> select(run(select.input()), expand(select.exprs(), select.input()));
      case WithColumns with -> withColumns(run(with.input()), expand(with.exprs(), with.input()));
      case Sort sort -> sort(run(sort.input()), sort);
      case Slice slice -> slice(run(slice.input()), slice.offset(), slice.length());
      case Distinct distinct -> distinct(run(distinct.input()), distinct);
      case Union union -> union(union);
      case Cache cache -> run(cache.input());
    };
  }

  private Frame scan(Scan scan) {
    Frame frame = new Frame(scan.source().schema().names(), tables.get(scan.source()));
    if (scan.predicate() != null) {
      frame = filter(frame, scan.predicate());
    }
    if (scan.limit() != null) {
      frame = slice(frame, 0, scan.limit());
    }
    return scan.projection() == null ? frame : select(frame, scan.projection().stream().map(name -> (Expr) new ColumnRef(name)).toList());
  }

  private static Frame filter(Frame frame, Expr predicate) {
    Value mask = eval(predicate, frame);
    List<List<Object>> rows = new ArrayList<>();
    for (int row = 0; row < frame.rows().size(); row++) {
      if (Boolean.TRUE.equals(mask.at(row))) {
        rows.add(frame.rows().get(row));
      }
    }
    return new Frame(frame.names(), rows);
  }

  private static Frame select(Frame frame, List<Expr> exprs) {
    List<Value> values = exprs.stream().map(expr -> eval(expr, frame)).toList();
    int height = values.stream().allMatch(Value::scalar) ? 1 : frame.rows().size();
    List<List<Object>> rows = new ArrayList<>();
    for (int row = 0; row < height; row++) {
      List<Object> out = new ArrayList<>();
      for (Value value : values) {
        out.add(value.at(row));
      }
      rows.add(out);
    }
    return new Frame(exprs.stream().map(ExprTrees::outputName).toList(), rows);
  }

  private static Frame withColumns(Frame frame, List<Expr> exprs) {
    List<String> names = new ArrayList<>(frame.names());
    List<List<Object>> rows = new ArrayList<>();
    frame.rows().forEach(row -> rows.add(new ArrayList<>(row)));
    for (Expr expr : exprs) {
      Value value = eval(expr, frame);
      String name = ExprTrees.outputName(expr);
      int index = names.indexOf(name);
      if (index < 0) {
        names.add(name);
      }
      for (int row = 0; row < rows.size(); row++) {
        if (index < 0) {
          rows.get(row).add(value.at(row));
        } else {
          rows.get(row).set(index, value.at(row));
        }
      }
    }
    return new Frame(names, rows);
  }

  private static Frame sort(Frame frame, Sort sort) {
    List<Value> keys = sort.by().stream().map(key -> eval(key, frame)).toList();
    List<Integer> order = new ArrayList<>();
    for (int row = 0; row < frame.rows().size(); row++) {
      order.add(row);
    }
    Comparator<Integer> comparator = (left, right) -> 0;
    for (int index = 0; index < keys.size(); index++) {
      Value key = keys.get(index);
      boolean descending = sort.descending().get(index);
      comparator = comparator.thenComparing((left, right) -> {
        Object first = key.at(left);
        Object second = key.at(right);
        if (first == null || second == null) {
          int nulls = first == null ? (second == null ? 0 : -1) : 1;
          return sort.nullsLast() ? -nulls : nulls;
        }
        int compared = compare(first, second);
        return descending ? -compared : compared;
      });
    }
    order.sort(comparator); // stable: ties keep input order
    return new Frame(frame.names(), order.stream().map(frame.rows()::get).toList());
  }

  private static Frame slice(Frame frame, long offset, long length) {
    int height = frame.rows().size();
    long start = offset < 0 ? Math.max(0, height + offset) : Math.min(offset, height);
    long end = Math.min(height, start + Math.min(length, height));
    return new Frame(frame.names(), frame.rows().subList((int) start, (int) end));
  }

  private static Frame distinct(Frame frame, Distinct distinct) {
    List<String> subset = distinct.subset().isEmpty() ? frame.names() : distinct.subset();
    Map<List<Object>, Integer> counts = new HashMap<>();
    List<List<Object>> keys = new ArrayList<>();
    for (List<Object> row : frame.rows()) {
      List<Object> key = subset.stream().map(name -> row.get(frame.names().indexOf(name))).toList();
      keys.add(key);
      counts.merge(key, 1, Integer::sum);
    }
    List<List<Object>> rows = new ArrayList<>();
    Map<List<Object>, Boolean> seen = new HashMap<>();
    for (int row = 0; row < keys.size(); row++) {
      List<Object> key = keys.get(row);
      boolean keep = switch (distinct.keep()) {
        case NONE -> counts.get(key) == 1;
        case FIRST, ANY -> seen.putIfAbsent(key, true) == null;
        case LAST -> counts.merge(key, -1, Integer::sum) == 0;
      };
      if (keep) {
        rows.add(frame.rows().get(row));
      }
    }
    return new Frame(frame.names(), rows);
  }

  private Frame union(Union union) {
    List<Frame> frames = union.inputs().stream().map(this::run).toList();
    List<List<Object>> rows = new ArrayList<>();
    frames.forEach(frame -> rows.addAll(frame.rows()));
    return new Frame(frames.getFirst().names(), rows);
  }

  private static List<Expr> expand(List<Expr> exprs, LogicalPlan input) {
    Resolver resolver = new Resolver(input.schema());
    List<Expr> expanded = new ArrayList<>();
    exprs.forEach(expr -> expanded.addAll(resolver.expand(expr)));
    return expanded;
  }

  private static Expr expandOne(Expr expr, LogicalPlan input) {
    return expand(List.of(expr), input).getFirst();
  }

  private static Value eval(Expr expr, Frame frame) {
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
      case Agg agg -> new Value(Collections.singletonList(aggregate(agg.function(), eval(agg.input(), frame), height)), true);
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
        case GT -> first == null || second == null ? null : compare(first, second) > 0;
        case LT -> first == null || second == null ? null : compare(first, second) < 0;
        case EQ -> first == null || second == null ? null : compare(first, second) == 0;
        case ADD -> first == null || second == null ? null : arithmetic("+", first, second);
        case MUL -> first == null || second == null ? null : arithmetic("*", first, second);
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
      return op.equals("+") ? first + second : first * second;
    }
    double first = ((Number) left).doubleValue();
    double second = ((Number) right).doubleValue();
    return op.equals("+") ? first + second : first * second;
  }

  @SuppressWarnings("unchecked")
  private static int compare(Object left, Object right) {
    if (left instanceof Number first && right instanceof Number second) {
      return Double.compare(first.doubleValue(), second.doubleValue());
    }
    return ((Comparable<Object>) left).compareTo(right);
  }
}
