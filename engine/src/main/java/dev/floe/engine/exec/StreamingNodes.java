package dev.floe.engine.exec;

import dev.floe.errors.InternalFloeException;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.ExprPrinter;
import dev.floe.planner.expr.ResolvedExpr;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.optimizer.RowWise;
import dev.floe.planner.plan.Explode;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.PlanPrinter;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.WithColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which plan nodes stream (run per morsel: filters with a row-wise predicate, row-wise selects
 * that keep the row count, row-wise withColumns), their {@link MorselOperator}s, and the texts
 * errors and profiles name them by.
 */
final class StreamingNodes {
  private StreamingNodes() {}

  static boolean streams(LogicalPlan node) {
    return switch (node) {
      case Filter filter -> RowWise.isRowWise(filter.predicate());
      case Select select -> RowWise.keepsRows(new Resolver(select.input().schema()).resolve(select.exprs())
          .stream().map(ResolvedExpr::expr).toList());
      case WithColumns with -> RowWise.allRowWise(with.exprs());
      case Explode explode -> true;
      default -> false;
    };
  }

  static MorselOperator operator(LogicalPlan node) {
    Schema input = node.inputs().getFirst().schema();
    return switch (node) {
      case Filter filter -> new FilterOperator(new Resolver(input).resolveOne(filter.predicate()),
          ExprPrinter.print(filter.predicate()));
      case Select select -> new ProjectOperator(new Resolver(input).resolve(select.exprs()), select.schema(), false,
          "Select " + text(select.exprs()));
      case WithColumns with -> new ProjectOperator(new Resolver(input).resolve(with.exprs()), with.schema(), true,
          "WithColumns " + text(with.exprs()));
      case Explode explode -> new ExplodeOperator(explode.columns(), explode.schema());
      default -> throw new InternalFloeException("not a streaming node: " + node.getClass().getSimpleName());
    };
  }

  static String text(List<dev.floe.planner.expr.Expr> exprs) {
    return exprs.stream().map(ExprPrinter::print).collect(Collectors.joining(", ", "[", "]"));
  }

  /** The node's line of the plan text; for a fused pipeline, every fused node's, top first. */
  static String label(LogicalPlan plan) {
    List<String> lines = new ArrayList<>();
    LogicalPlan node = plan;
    lines.add(PlanPrinter.print(node).lines().findFirst().orElse("").strip());
    while (streams(node)) {
      node = node.inputs().getFirst();
      if (!streams(node)) {
        break;
      }
      lines.add(PlanPrinter.print(node).lines().findFirst().orElse("").strip());
    }
    return String.join(" <- ", lines);
  }
}
