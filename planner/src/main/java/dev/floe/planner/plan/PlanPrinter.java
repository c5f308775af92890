package dev.floe.planner.plan;

import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprPrinter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a plan as indented text, one node per line and its inputs below it two spaces deeper,
 * as {@code explain()} shows it and golden plan tests compare it. A scan lists what was pushed
 * into it on lines of its own:
 *
 * <pre>
 * SELECT [col("b")]
 *   Parquet SCAN [data.parquet]
 *     PROJECT 2/16 COLUMNS [a, b]
 *     SELECTION col("a") &gt; 3
 *     LIMIT 5
 * </pre>
 *
 * The text is stable: it depends only on the plan.
 */
public final class PlanPrinter {
  private PlanPrinter() {}

  public static String print(LogicalPlan plan) {
    StringBuilder text = new StringBuilder();
    print(plan, 0, text);
    return text.toString();
  }

  private static void print(LogicalPlan plan, int depth, StringBuilder text) {
    line(text, depth, header(plan));
    if (plan instanceof Scan scan) {
      if (scan.projection() != null) {
        line(text, depth + 1, "PROJECT " + scan.projection().size() + "/" + scan.source().schema().size()
            + " COLUMNS [" + String.join(", ", scan.projection()) + "]");
      }
      if (scan.predicate() != null) {
        line(text, depth + 1, "SELECTION " + ExprPrinter.print(scan.predicate()));
      }
      if (scan.limit() != null) {
        line(text, depth + 1, "LIMIT " + scan.limit());
      }
    }
    for (LogicalPlan input : plan.inputs()) {
      print(input, depth + 1, text);
    }
  }

  private static String header(LogicalPlan plan) {
    return switch (plan) {
      case Scan scan -> scan.source().describe();
      case Filter filter -> "FILTER " + ExprPrinter.print(filter.predicate());
      case Select select -> "SELECT " + exprs(select.exprs());
      case WithColumns with -> "WITH_COLUMNS " + exprs(with.exprs());
      case Sort sort -> sort(sort);
      case Slice slice -> "SLICE offset=" + slice.offset() + ", length=" + slice.length();
      case Distinct distinct -> "UNIQUE" + (distinct.subset().isEmpty() ? "" : " [" + String.join(", ",
          distinct.subset()) + "]") + " KEEP " + distinct.keep() + (distinct.maintainOrder() ? " MAINTAIN ORDER" : "");
      case Union union -> "UNION " + union.inputs().size() + " INPUTS";
      case Cache cache -> "CACHE " + cache.id();
      case Aggregate aggregate -> "AGGREGATE " + exprs(aggregate.aggs()) + " BY " + exprs(aggregate.keys())
          + (aggregate.maintainOrder() ? " MAINTAIN ORDER" : "");
      case Join join -> join.describe();
      case AsofJoin asof -> asof.describe();
      case Explode explode -> "EXPLODE [" + String.join(", ", explode.columns()) + "]";
    };
  }

  private static String sort(Sort sort) {
    StringBuilder keys = new StringBuilder("SORT BY [");
    for (int index = 0; index < sort.by().size(); index++) {
      keys.append(index == 0 ? "" : ", ").append(ExprPrinter.print(sort.by().get(index)))
          .append(sort.descending().get(index) ? " DESC" : "");
    }
    keys.append(']');
    if (sort.nullsLast()) {
      keys.append(" NULLS LAST");
    }
    if (sort.maintainOrder()) {
      keys.append(" MAINTAIN ORDER");
    }
    return keys.toString();
  }

  private static String exprs(List<Expr> exprs) {
    return exprs.stream().map(ExprPrinter::print).collect(Collectors.joining(", ", "[", "]"));
  }

  private static void line(StringBuilder text, int depth, String content) {
    text.append("  ".repeat(depth)).append(content).append('\n');
  }
}
