package dev.floe.planner.optimizer;

import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.plan.Aggregate;
import dev.floe.planner.plan.AggregateResolution;
import dev.floe.planner.plan.Cache;
import dev.floe.planner.plan.Distinct;
import dev.floe.planner.plan.Explode;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.Join;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.Scan;
import dev.floe.planner.plan.ScanSource;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.Slice;
import dev.floe.planner.plan.Sort;
import dev.floe.planner.plan.Union;
import dev.floe.planner.plan.WithColumns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A slow, row-list reference evaluator of logical plans (expressions: {@link ExprInterpreter}) for
 * the equivalence property: a scan filters, then limits, then projects; sorts are stable; a filter
 * keeps only true rows. Both sides of a comparison run here, so only consistency matters, not
 * matching the engine's types.
 */
final class PlanInterpreter {
  /** Named columns of rows. */
  record Frame(List<String> names, List<List<Object>> rows) {}

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
      case Aggregate aggregate -> aggregate(run(aggregate.input()), aggregate);
      case Join join -> JoinInterpreter.join(join, run(join.left()), run(join.right()));
      case dev.floe.planner.plan.AsofJoin asof -> AsofInterpreter.join(asof, run(asof.left()), run(asof.right()));
      case Explode explode -> explode(run(explode.input()), explode.columns());
    };
  }

  /** A row per list element of the columns (lists are java.util.List values; null or empty: one null). */
  private static Frame explode(Frame frame, List<String> columns) {
    List<List<Object>> rows = new ArrayList<>();
    int first = frame.names().indexOf(columns.getFirst());
    for (List<Object> row : frame.rows()) {
      int count = row.get(first) instanceof List<?> list ? list.size() : 0;
      for (int element = 0; element < Math.max(1, count); element++) {
        List<Object> out = new ArrayList<>(row);
        for (String name : columns) {
          int index = frame.names().indexOf(name);
          out.set(index, count == 0 ? null : ((List<?>) row.get(index)).get(element));
        }
        rows.add(out);
      }
    }
    return new Frame(frame.names(), rows);
  }

  private Frame scan(Scan scan) {
    Frame frame = new Frame(scan.source().schema().names(), tables.get(scan.source()));
    if (scan.predicate() != null) {
      frame = filter(frame, scan.predicate());
    }
    if (scan.limit() != null) {
      frame = slice(frame, 0, scan.limit());
    }
    if (scan.projection() == null) {
      return frame;
    }
    return select(frame, scan.projection().stream().map(name -> (Expr) new ColumnRef(name)).toList());
  }

  private static Frame filter(Frame frame, Expr predicate) {
    ExprInterpreter.Value mask = ExprInterpreter.eval(predicate, frame);
    List<List<Object>> rows = new ArrayList<>();
    for (int row = 0; row < frame.rows().size(); row++) {
      if (Boolean.TRUE.equals(mask.at(row))) {
        rows.add(frame.rows().get(row));
      }
    }
    return new Frame(frame.names(), rows);
  }

  private static Frame select(Frame frame, List<Expr> exprs) {
    List<ExprInterpreter.Value> values = exprs.stream().map(expr -> ExprInterpreter.eval(expr, frame)).toList();
    int height = values.stream().allMatch(ExprInterpreter.Value::scalar) ? 1 : frame.rows().size();
    List<List<Object>> rows = new ArrayList<>();
    for (int row = 0; row < height; row++) {
      List<Object> out = new ArrayList<>();
      for (ExprInterpreter.Value value : values) {
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
      ExprInterpreter.Value value = ExprInterpreter.eval(expr, frame);
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
    List<ExprInterpreter.Value> keys = sort.by().stream().map(key -> ExprInterpreter.eval(key, frame)).toList();
    List<Integer> order = new ArrayList<>();
    for (int row = 0; row < frame.rows().size(); row++) {
      order.add(row);
    }
    Comparator<Integer> comparator = (left, right) -> 0;
    for (int index = 0; index < keys.size(); index++) {
      ExprInterpreter.Value key = keys.get(index);
      boolean descending = sort.descending().get(index);
      comparator = comparator.thenComparing((left, right) -> {
        Object first = key.at(left);
        Object second = key.at(right);
        if (first == null || second == null) {
          int nulls = first == null ? (second == null ? 0 : -1) : 1;
          return sort.nullsLast() ? -nulls : nulls;
        }
        int compared = ExprInterpreter.compare(first, second);
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

  /** Groups in order of first appearance; each agg expression evaluated over its group's rows. */
  private static Frame aggregate(Frame frame, Aggregate aggregate) {
    List<Expr> keys = expand(aggregate.keys(), aggregate.input());
    List<Expr> aggs = AggregateResolution.expandAggsOver(aggregate.input().schema(), aggregate.keys(),
        aggregate.aggs());
    List<ExprInterpreter.Value> keyValues = keys.stream().map(key -> ExprInterpreter.eval(key, frame)).toList();
    Map<List<Object>, List<List<Object>>> groups = new java.util.LinkedHashMap<>();
    for (int row = 0; row < frame.rows().size(); row++) {
      List<Object> key = new ArrayList<>();
      for (ExprInterpreter.Value value : keyValues) {
        Object cell = value.at(row);
        key.add(cell instanceof Double number && number == 0.0 ? 0.0 : cell); // -0.0 groups with 0.0
      }
      groups.computeIfAbsent(key, unused -> new ArrayList<>()).add(frame.rows().get(row));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<List<Object>, List<List<Object>>> group : groups.entrySet()) {
      Frame rowsOfGroup = new Frame(frame.names(), group.getValue());
      List<Object> out = new ArrayList<>();
      for (Expr key : keys) {
        out.add(ExprInterpreter.eval(key, rowsOfGroup).at(0)); // the group's first row's key
      }
      for (Expr agg : aggs) {
        out.add(ExprInterpreter.eval(agg, rowsOfGroup).at(0));
      }
      rows.add(out);
    }
    List<String> names = new ArrayList<>(keys.stream().map(ExprTrees::outputName).toList());
    aggs.forEach(agg -> names.add(ExprTrees.outputName(agg)));
    return new Frame(names, rows);
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
}
